/**
 * Batch prediction and offline evaluation on Apache Spark. Spark's jars are not modules (their
 * names, such as {@code spark-core_2.13}, give no module name): they stay on the class path, and
 * the build lets this module read it ({@code --add-reads org.bertfit.spark=ALL-UNNAMED}).
 */
module org.bertfit.spark {
  requires transitive org.bertfit.cli;
  requires transitive org.bertfit.inference;
  requires com.fasterxml.jackson.databind;
  requires org.apache.logging.log4j;

  exports org.bertfit.spark;

  // The commands are run, not called (not exported); picocli sets their options by reflection.
  opens org.bertfit.spark.cli to info.picocli;
}
