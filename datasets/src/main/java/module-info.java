/**
 * Datasets: readers, label encoders, splits, statistics, tokenization and batches. Pure Java: no
 * TensorFlow. Implementation lives in {@code org.bertfit.datasets.internal}, which is not exported.
 */
module org.bertfit.datasets {
  requires transitive com.fasterxml.jackson.databind;
  requires ai.djl.tokenizers;
  requires org.apache.commons.csv;
  requires org.apache.logging.log4j;

  exports org.bertfit.datasets;
  exports org.bertfit.datasets.io;
  exports org.bertfit.datasets.labels;
  exports org.bertfit.datasets.split;
  exports org.bertfit.datasets.stats;
  exports org.bertfit.datasets.tokenize;
}
