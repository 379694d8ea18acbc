package org.bertfit.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What README shows of an example: its imports, a blank line, and the body of its {@code main}. */
final class Snippet {
  private static final String INDENT = "    ";

  private Snippet() {}

  static String of(Path example) throws IOException {
    List<String> lines = Files.readAllLines(example, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>(lines.stream().filter(l -> l.startsWith("import ")).toList());
    out.add("");
    int main = indexOf(lines, "  public static void main(", 0, example);
    int end = indexOf(lines, "  }", main, example);
    for (String line : lines.subList(main + 1, end)) {
      if (!line.isEmpty() && !line.startsWith(INDENT)) {
        throw new IllegalArgumentException(example + ": main's body is not indented by 4: " + line);
      }
      out.add(line.isEmpty() ? line : line.substring(INDENT.length()));
    }
    return String.join("\n", out) + "\n";
  }

  /** The first line at or after {@code from} that starts with {@code prefix}. */
  private static int indexOf(List<String> lines, String prefix, int from, Path file) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix) && (!prefix.equals("  }") || lines.get(i).equals(prefix))) {
        return i;
      }
    }
    throw new IllegalArgumentException(file + " has no line starting with '" + prefix + "'");
  }
}
