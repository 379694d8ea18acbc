/**
 * Evaluation: metrics, class-wise reports and diagnostics of classifiers. Pure Java: no TensorFlow.
 * Implementation lives in {@code org.bertfit.evaluation.internal}, which is not exported.
 */
module org.bertfit.evaluation {
  requires transitive com.fasterxml.jackson.databind;
  requires java.desktop;
  requires org.jfree.jfreechart;

  exports org.bertfit.evaluation;
  exports org.bertfit.evaluation.ner;
  exports org.bertfit.evaluation.report;

  // Metric states and thresholds are read and written as JSON.
  opens org.bertfit.evaluation to com.fasterxml.jackson.databind;
  opens org.bertfit.evaluation.ner to com.fasterxml.jackson.databind;
}
