/**
 * Labelled text from files to padded batches, without TensorFlow: {@link
 * org.bertfit.datasets.Dataset} (examples as read), {@link org.bertfit.datasets.EncodedDataset}
 * (tokenized once, with label ids) and its {@link org.bertfit.datasets.Batch}es of int32 arrays.
 * Reading is in {@code .io}, labels and class weights in {@code .labels}, splits and resampling in
 * {@code .split}, statistics in {@code .stats}, tokenization in {@code .tokenize}. Nothing outside
 * this module may import {@code org.bertfit.datasets.internal}.
 */
package org.bertfit.datasets;
