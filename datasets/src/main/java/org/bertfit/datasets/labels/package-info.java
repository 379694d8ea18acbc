/** Label ids ({@code config.json}'s id2label/label2id), multi-label binarizing and loss weights. */
package org.bertfit.datasets.labels;
