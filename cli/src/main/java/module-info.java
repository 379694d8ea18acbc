/** The {@code bertfit} command line (picocli). */
@SuppressWarnings("module") // org.bertfit.spark, above this module, is not known when it compiles
module org.bertfit.cli {
  requires transitive org.bertfit.training;
  requires transitive org.bertfit.inference;
  requires transitive info.picocli;
  requires ai.djl.tokenizers;
  requires com.fasterxml.jackson.databind;
  requires java.management;
  requires org.apache.logging.log4j;

  // Commands are run, not called: only the Spark commands reuse their options.
  exports org.bertfit.cli to org.bertfit.spark;

  // picocli sets the commands' options by reflection; run records are read and written as JSON.
  opens org.bertfit.cli to info.picocli, com.fasterxml.jackson.databind;
}
