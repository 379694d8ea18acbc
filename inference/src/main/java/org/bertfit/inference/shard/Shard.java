package org.bertfit.inference.shard;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bertfit.datasets.Example;

/**
 * Part {@code index} of {@code count} of an input. The rows are cut into the predictor's windows
 * (consecutive runs of {@code windowSize} rows), and shard {@code i} takes the {@code i}-th of
 * {@code count} contiguous runs of windows: every text is batched with the same neighbours as in an
 * unsharded run, so merged shards give exactly its numbers, and the shards' prediction files
 * concatenate in shard order into the unsharded one.
 */
public record Shard(int index, int count) {
  private static final Pattern SPEC = Pattern.compile("(\\d+)/(\\d+)");

  /** The whole input. */
  public static final Shard ALL = new Shard(0, 1);

  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "shard " + index + "/" + count + ": need 0 <= index < count");
    }
  }

  /** Parses {@code i/n}, as {@code --shard 0/3}. */
  public static Shard parse(String spec) {
    Matcher m = SPEC.matcher(spec.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "--shard must be INDEX/COUNT with 0 <= INDEX < COUNT (e.g. 0/3), got '" + spec + "'");
    }
    try {
      return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--shard: '" + spec + "' is out of range", e);
    }
  }

  /** The first row of this shard. */
  public long from(long rows, int windowSize) {
    return start(index, rows, windowSize);
  }

  /** The row after the last of this shard. */
  public long to(long rows, int windowSize) {
    return start(index + 1, rows, windowSize);
  }

  private long start(int part, long rows, int windowSize) {
    long windows = (rows + windowSize - 1) / windowSize;
    return Math.min(rows, windows * part / count * windowSize);
  }

  /** This shard's rows of {@code all}, an input of {@code rows} rows (the others are read past). */
  public Iterator<Example> rows(Iterator<Example> all, long rows, int windowSize) {
    long from = from(rows, windowSize);
    long to = to(rows, windowSize);
    for (long skipped = 0; skipped < from && all.hasNext(); skipped++) {
      all.next();
    }
    return new Iterator<>() {
      private long position = from;

      @Override
      public boolean hasNext() {
        return position < to && all.hasNext();
      }

      @Override
      public Example next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        position++;
        return all.next();
      }
    };
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
