package org.bertfit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README's Java blocks are these examples, word for word: each block is an example's imports and
 * the body of its {@code main}, so that what README shows compiles (this module) and cannot drift.
 */
class ReadmeExamplesTest {
  private static final Path ROOT = Path.of("..");
  private static final Path SOURCES = Path.of("src/main/java/org/bertfit/examples");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyJavaBlockOfReadmeIsAnExampleAndEveryExampleIsInReadme() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    List<String> blocks = javaBlocks(readme);
    List<String> snippets = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.sorted().toList()) {
        String snippet = Snippet.of(file);
        assertThat(blocks).as("README.md has the imports and main body of %s as a java block", file).contains(snippet);
        snippets.add(snippet);
      }
    }
    for (String block : blocks) {
      assertThat(snippets).as("README.md's java block at line %d is an example in %s", line(readme, block), SOURCES)
          .contains(block);
    }
  }

  @Test
  void theJavaSectionOpensWithAQuickStartOfFiveLines() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("\n## The Java API"));
    String first = javaBlocks(section).get(0);
    assertThat(first).isEqualTo(Snippet.of(SOURCES.resolve("QuickStart.java")));
    List<String> code = first.lines().filter(l -> !l.isBlank() && !l.startsWith("import ")).toList();
    assertThat(code).hasSizeLessThanOrEqualTo(5);
  }

  private static List<String> javaBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  private static long line(String text, String block) {
    return text.substring(0, text.indexOf(block)).lines().count() + 1;
  }
}
