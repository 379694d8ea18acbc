package org.bertfit.datasets.split;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bertfit.datasets.Dataset;
import org.bertfit.datasets.Example;
import org.bertfit.datasets.io.DataFormat;
import org.bertfit.datasets.io.internal.TweetEvalSource;

/**
 * The files of a split's parts, in the input's own format, byte for byte: each example's
 * lines (from its first line up to the next example's, so blank lines and rows the reader
 * skipped travel with the example before them) go to the file of its part. Lines before the first
 * example (a CSV/TSV header, CoNLL's {@code -DOCSTART-}) start every part's file. A TweetEval split
 * is a pair of files, cut alike, and its {@code mapping.txt} is copied beside each part. The caller
 * writes them (the command line does so atomically, all or none).
 */
public final class SplitFiles {
  private SplitFiles() {}

  /**
   * The files of {@code parts} (subsets of {@code data}, read from {@code input}) written to {@code
   * outputs}: their paths and contents, in order.
   */
  public static Map<Path, byte[]> contents(
      Path input, DataFormat format, Dataset data, List<Dataset> parts, List<Path> outputs) {
    if (parts.size() != outputs.size()) {
      throw new IllegalArgumentException(parts.size() + " parts but " + outputs.size() + " outputs");
    }
    long[] starts = data.examples().stream().mapToLong(Example::line).sorted().toArray();
    Map<Path, byte[]> files = new LinkedHashMap<>();
    List<Path> sources =
        format == DataFormat.TWEETEVAL
            ? List.of(TweetEvalSource.file(input, "text"), TweetEvalSource.file(input, "labels"))
            : List.of(input);
    boolean preamble = format == DataFormat.CSV || format == DataFormat.TSV || format == DataFormat.CONLL;
    for (Path source : sources) {
      List<byte[]> lines = lines(source);
      for (int p = 0; p < parts.size(); p++) {
        Path target =
            format == DataFormat.TWEETEVAL
                ? TweetEvalSource.file(outputs.get(p), source.equals(sources.get(0)) ? "text" : "labels")
                : outputs.get(p);
        files.put(target, select(lines, starts, lines(parts.get(p)), preamble));
      }
    }
    if (format == DataFormat.TWEETEVAL) {
      Path mapping = TweetEvalSource.prefix(input).resolveSibling("mapping.txt");
      if (Files.isRegularFile(mapping)) {
        for (Path out : outputs) {
          files.put(TweetEvalSource.prefix(out).resolveSibling("mapping.txt"), read(mapping));
        }
      }
    }
    return Collections.unmodifiableMap(files);
  }

  private static Set<Long> lines(Dataset part) {
    Set<Long> out = new HashSet<>();
    part.examples().forEach(e -> out.add(e.line()));
    return out;
  }

  /** The preamble (if kept) and the line ranges of the chosen examples. */
  private static byte[] select(List<byte[]> lines, long[] starts, Set<Long> chosen, boolean preamble) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int first = starts.length == 0 ? lines.size() : (int) starts[0] - 1;
    if (preamble) {
      lines.subList(0, first).forEach(out::writeBytes);
    }
    for (int i = 0; i < starts.length; i++) {
      if (chosen.contains(starts[i])) {
        int from = i == 0 && !preamble ? 0 : (int) starts[i] - 1;
        int to = i + 1 < starts.length ? (int) starts[i + 1] - 1 : lines.size();
        lines.subList(from, to).forEach(out::writeBytes);
      }
    }
    return out.toByteArray();
  }

  /** The file's lines, each with its terminator, as bytes. */
  private static List<byte[]> lines(Path file) {
    byte[] bytes = read(file);
    List<byte[]> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        out.add(Arrays.copyOfRange(bytes, from, i + 1));
        from = i + 1;
      }
    }
    if (from < bytes.length) {
      out.add(Arrays.copyOfRange(bytes, from, bytes.length));
    }
    return out;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
