package org.bertfit.evaluation.internal;

import java.util.Arrays;

/** Counts per non-negative long key, open addressing: no boxing on the hot path. */
public final class LongCounter {
  private static final long EMPTY = -1;
  private long[] keys = emptyKeys(16);
  private long[] values = new long[16];
  private int size;

  /** Adds {@code count} to the key's count. */
  public void add(long key, long count) {
    if (key < 0) {
      throw new IllegalArgumentException("key must be non-negative; got " + key);
    }
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int i = slot(keys, key);
    if (keys[i] == EMPTY) {
      keys[i] = key;
      size++;
    }
    values[i] += count;
  }

  public void addAll(LongCounter other) {
    for (int i = 0; i < other.keys.length; i++) {
      if (other.keys[i] != EMPTY) {
        add(other.keys[i], other.values[i]);
      }
    }
  }

  /** The keys in ascending order, so that sums over them do not depend on insertion order. */
  public long[] sortedKeys() {
    long[] out = new long[size];
    int j = 0;
    for (long key : keys) {
      if (key != EMPTY) {
        out[j++] = key;
      }
    }
    Arrays.sort(out);
    return out;
  }

  public long get(long key) {
    int i = slot(keys, key);
    return keys[i] == EMPTY ? 0 : values[i];
  }

  public void clear() {
    Arrays.fill(keys, EMPTY);
    Arrays.fill(values, 0);
    size = 0;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = emptyKeys(oldKeys.length * 2);
    values = new long[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int s = slot(keys, oldKeys[i]);
        keys[s] = oldKeys[i];
        values[s] = oldValues[i];
      }
    }
  }

  private static int slot(long[] keys, long key) {
    int mask = keys.length - 1;
    int i = (int) (key * 0x9E3779B97F4A7C15L >>> 40) & mask;
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private static long[] emptyKeys(int capacity) {
    long[] keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    return keys;
  }
}
