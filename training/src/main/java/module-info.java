/**
 * Keras-style compile/fit/evaluate/predict over the tf-models graphs: losses, metrics, optimizers,
 * callbacks and tasks (streaming prediction is org.bertfit.inference). Implementation lives in {@code
 * org.bertfit.training.internal}, which is not exported.
 */
module org.bertfit.training {
  requires transitive com.fasterxml.jackson.databind;
  requires transitive org.bertfit.models;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires liblinear;
  requires org.apache.logging.log4j;
  requires org.tribuo.classification.core;
  requires org.tribuo.classification.liblinear;
  requires org.tribuo.common.liblinear;
  requires org.tribuo.core;

  exports org.bertfit.training;
  exports org.bertfit.training.bench;
  exports org.bertfit.training.callbacks;
  exports org.bertfit.training.frozen;
  exports org.bertfit.training.losses;
  exports org.bertfit.training.metrics;
  exports org.bertfit.training.optimizers;
  exports org.bertfit.training.tasks;

  // The trainer state and the evaluation state of a prediction are read and written as JSON.
  opens org.bertfit.training to com.fasterxml.jackson.databind;
  opens org.bertfit.training.internal to com.fasterxml.jackson.databind;
}
