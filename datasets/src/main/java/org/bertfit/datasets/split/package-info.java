/**
 * Seeded random and stratified train/validation/test splits, and random over- and under-sampling.
 */
package org.bertfit.datasets.split;
