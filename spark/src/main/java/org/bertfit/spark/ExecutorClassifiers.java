package org.bertfit.spark;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.bertfit.inference.Classifier;
import org.bertfit.models.export.ModelFiles;

/**
 * One classifier (one TensorFlow session and one tokenizer) per executor JVM and model, opened by
 * the first task that needs it and shared by every later task and partition, also by tasks running
 * at the same time (sessions and tokenizers take concurrent calls). They live as long as the JVM:
 * Spark gives user code no end-of-executor hook, and the native memory goes with the process.
 */
final class ExecutorClassifiers {
  private static final Logger LOG = LogManager.getLogger();
  private static final Map<Key, Classifier> OPEN = new ConcurrentHashMap<>();
  private static final AtomicInteger OPENED = new AtomicInteger();

  /** The model directory as given, and the tokenizer's maximum length. */
  record Key(String model, int maxLength) implements java.io.Serializable {}

  private ExecutorClassifiers() {}

  /** The classifier of {@code key}, opened on first use in this JVM. */
  static Classifier get(Key key) {
    return OPEN.computeIfAbsent(
        key,
        k -> {
          long start = System.nanoTime();
          Classifier classifier = Classifier.open(ModelFiles.open(Path.of(k.model())), k.maxLength());
          OPENED.incrementAndGet();
          LOG.info("opened {} in {} ms", k.model(), (System.nanoTime() - start) / 1_000_000);
          return classifier;
        });
  }

  /** How many classifiers this JVM has opened (for tests of the reuse). */
  static int opened() {
    return OPENED.get();
  }
}
