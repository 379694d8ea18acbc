package org.bertfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code bertfit} command written in the project's Markdown files (README, the module
 * READMEs, bench/RESULTS.md) parses as written: the subcommand exists, every option is known and
 * takes its value, required options are there. Nothing is run. Usage synopses (with {@code [...]},
 * {@code |} or {@code ...}) and the Spark commands (another entry point) are left out.
 */
class DocumentedCommandsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  /** A command starts at {@code ./bertfit} or {@code bertfit.jar} (java -jar ...). */
  private static final Pattern START = Pattern.compile("(?:\\./bertfit|bertfit\\.jar)\\s+(.*)");
  private static final Pattern INLINE = Pattern.compile("`([^`]+)`");

  @Test
  void everyDocumentedCommandParses() throws IOException {
    List<String> failures = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    for (Path file : markdownFiles()) {
      for (String command : commands(Files.readString(file))) {
        checked.add(command);
        try {
          BertfitCommand.commandLine().parseArgs(ShellWords.split(command).toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
          failures.add(ROOT.relativize(file) + ": bertfit " + command + "\n    " + e.getMessage());
        }
      }
    }
    assertThat(checked).as("commands found in the Markdown files").hasSizeGreaterThan(20);
    assertThat(failures).as("documented commands that do not parse").isEmpty();
  }

  @Test
  void commandsAreFoundInCodeBlocksAndInlineCode() {
    String markdown = """
        Run `./bertfit evaluate --model m
        --data d.txt` then:

        ```
        $ ./bertfit predict --model m \\
            --input in.txt > out.txt
        ./bertfit train --train PATH [--validation PATH]
        ./bertfit spark-evaluate --model m
        ```
        """;
    assertThat(commands(markdown))
        .containsExactlyInAnyOrder("evaluate --model m --data d.txt", "predict --model m --input in.txt");
  }

  @Test
  void shellWordsKeepQuotedSpaces() {
    assertThat(ShellWords.split("report --labels 'a b',c --out \"x y.txt\""))
        .containsExactly("report", "--labels", "a b,c", "--out", "x y.txt");
  }

  private static List<Path> markdownFiles() throws IOException {
    List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("bench/RESULTS.md")));
    try (Stream<Path> modules = Files.list(ROOT)) {
      modules.map(m -> m.resolve("README.md")).filter(Files::isRegularFile)
          .filter(f -> !f.getParent().equals(ROOT)).sorted().forEach(files::add);
    }
    return files.stream().filter(Files::isRegularFile).toList();
  }

  /** The arguments after {@code bertfit} of each runnable command in {@code markdown}. */
  static List<String> commands(String markdown) {
    List<String> commands = new ArrayList<>();
    boolean inBlock = false;
    StringBuilder prose = new StringBuilder();
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.strip().startsWith("```")) {
        inBlock = !inBlock;
        continue;
      }
      if (!inBlock) {
        prose.append(line).append(' ');
        continue;
      }
      StringBuilder command = new StringBuilder(line.strip());
      while (command.toString().endsWith("\\") && i + 1 < lines.length) {
        command.setLength(command.length() - 1);
        command.append(' ').append(lines[++i].strip());
      }
      add(command.toString(), commands);
    }
    Matcher inline = INLINE.matcher(prose);
    while (inline.find()) {
      add(inline.group(1), commands);
    }
    return commands;
  }

  private static void add(String text, List<String> commands) {
    Matcher m = START.matcher(text);
    if (!m.find()) {
      return;
    }
    String args = m.group(1).split("\\s(?:>|2>|\\||&&|;|#)")[0].replaceAll("\\s+", " ").strip();
    boolean synopsis = args.contains("[") || args.contains("|") || args.contains("...");
    if (!synopsis && !args.isEmpty() && !args.startsWith("spark-")) {
      commands.add(args);
    }
  }

  /** Splits a command line into words as a POSIX shell does for plain and quoted words. */
  static final class ShellWords {
    private ShellWords() {}

    static List<String> split(String line) {
      List<String> words = new ArrayList<>();
      StringBuilder word = new StringBuilder();
      boolean inWord = false;
      char quote = 0;
      for (char c : line.toCharArray()) {
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          } else {
            word.append(c);
          }
        } else if (c == '\'' || c == '"') {
          quote = c;
          inWord = true;
        } else if (Character.isWhitespace(c)) {
          if (inWord) {
            words.add(word.toString());
            word.setLength(0);
            inWord = false;
          }
        } else {
          word.append(c);
          inWord = true;
        }
      }
      if (inWord) {
        words.add(word.toString());
      }
      return words;
    }
  }
}
