package org.bertfit.models.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bertfit.models.files.AtomicWrite;
import org.tensorflow.proto.CollectionDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;

/**
 * Records a SavedModel's main op: the op TensorFlow's loader (TF Serving, {@code
 * SavedModelBundle.load}) runs once after restoring the variables, here to fill the text
 * signature's vocabulary table. TensorFlow Java's exporter writes none, so it is added to the
 * written {@code saved_model.pb} under the {@code saved_model_main_op} collection.
 */
final class MainOp {
  static final String COLLECTION = "saved_model_main_op";

  private MainOp() {}

  /** Makes {@code op} (an op name of the graph) the main op of the SavedModel in {@code dir}. */
  static void set(Path dir, String op) throws IOException {
    Path file = dir.resolve("saved_model.pb");
    SavedModel savedModel;
    try (InputStream in = Files.newInputStream(file)) {
      savedModel = SavedModel.parseFrom(in);
    }
    SavedModel.Builder builder = savedModel.toBuilder();
    for (MetaGraphDef.Builder metaGraph : builder.getMetaGraphsBuilderList()) {
      metaGraph.putCollectionDef(
          COLLECTION,
          CollectionDef.newBuilder()
              .setNodeList(CollectionDef.NodeList.newBuilder().addValue(op))
              .build());
    }
    AtomicWrite.file(file, builder.build()::writeTo);
  }
}
