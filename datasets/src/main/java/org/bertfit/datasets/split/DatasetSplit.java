package org.bertfit.datasets.split;

import org.bertfit.datasets.Dataset;

/** Train, validation and test parts of one dataset (validation or test may be empty). */
public record DatasetSplit(Dataset train, Dataset validation, Dataset test) {}
