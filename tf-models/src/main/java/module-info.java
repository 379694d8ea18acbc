/**
 * BERT-family graphs in TensorFlow Java: configs, graph blocks, heads, gradients, weight readers
 * (TF checkpoint, safetensors, ONNX), Hugging Face Hub directories and SavedModel I/O.
 */
module org.bertfit.models {
  requires transitive com.fasterxml.jackson.databind;
  requires transitive org.bertfit.datasets;
  requires transitive org.bertfit.evaluation;
  requires transitive tensorflow;
  requires com.microsoft.onnxruntime;
  requires org.apache.logging.log4j;

  exports org.bertfit.models;
  exports org.bertfit.models.bench;
  exports org.bertfit.models.checkpoint;
  exports org.bertfit.models.device;
  exports org.bertfit.models.export;
  exports org.bertfit.models.files;
  exports org.bertfit.models.gradients;
  exports org.bertfit.models.graph;
  exports org.bertfit.models.hub;
  exports org.bertfit.models.io;
  exports org.bertfit.models.onnx;
  exports org.bertfit.models.safetensors;
  exports org.bertfit.models.text;
}
