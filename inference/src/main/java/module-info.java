/**
 * bertfit's inference: streaming prediction and evaluation of a saved model over texts of any
 * size ({@code org.bertfit.inference}), the files predictions are written to ({@code .output}), and
 * evaluation shards that merge ({@code .shard}). Beside {@code org.bertfit.training}, not above it.
 */
module org.bertfit.inference {
  requires transitive org.bertfit.models;
  requires com.fasterxml.jackson.databind;

  exports org.bertfit.inference;
  exports org.bertfit.inference.output;
  exports org.bertfit.inference.shard;

  opens org.bertfit.inference.shard to com.fasterxml.jackson.databind;
}
