package org.bertfit.evaluation.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * Extracts entities from a tag sequence (IOB2/BIO, also IOB1 and IOBES prefixes) with seqeval's
 * default, conlleval-compatible rules: an {@code I-} tag after {@code O} or after another type
 * starts an entity, a change of type ends one, and a tag without a type has type {@code _}.
 */
public final class Entities {
  /** The tag outside any entity. */
  public static final String OUTSIDE = "O";

  private Entities() {}

  /** The entities of one sentence. */
  public static List<Entity> of(List<String> tags) {
    List<Entity> out = new ArrayList<>();
    char prevTag = 'O';
    String prevType = "";
    int begin = 0;
    for (int i = 0; i <= tags.size(); i++) {
      String chunk = i < tags.size() ? tags.get(i) : "O";
      if (chunk.isEmpty()) {
        throw new IllegalArgumentException("tag " + i + " is empty; expected O, B-TYPE, I-TYPE");
      }
      char tag = chunk.charAt(0);
      String type = type(chunk);
      if (endOfChunk(prevTag, tag, prevType, type)) {
        out.add(new Entity(prevType, begin, i - 1));
      }
      if (startOfChunk(prevTag, tag, prevType, type)) {
        begin = i;
      }
      prevTag = tag;
      prevType = type;
    }
    return out;
  }

  /** {@code B-PER} gives {@code PER}; {@code O} and a bare {@code B} give {@code _}. */
  private static String type(String chunk) {
    String rest = chunk.substring(1);
    int dash = rest.indexOf('-');
    String type = dash < 0 ? rest : rest.substring(dash + 1);
    return type.isEmpty() ? "_" : type;
  }

  private static boolean endOfChunk(char prevTag, char tag, String prevType, String type) {
    return prevTag == 'E'
        || prevTag == 'S'
        || ((prevTag == 'B' || prevTag == 'I') && (tag == 'B' || tag == 'S' || tag == 'O'))
        || (prevTag != 'O' && prevTag != '.' && !prevType.equals(type));
  }

  private static boolean startOfChunk(char prevTag, char tag, String prevType, String type) {
    return tag == 'B'
        || tag == 'S'
        || ((prevTag == 'E' || prevTag == 'S' || prevTag == 'O') && (tag == 'E' || tag == 'I'))
        || (tag != 'O' && tag != '.' && !prevType.equals(type));
  }
}
