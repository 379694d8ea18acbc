package org.bertfit.datasets.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * Decodes UTF-8 strictly but without stopping: each malformed byte sequence becomes U+FFFD and the
 * line it stands on (1-based, counted by {@code \n}) is remembered, so that a reader can reject
 * exactly the rows holding bytes that are not UTF-8 and go on with the rest. A leading byte-order
 * mark is dropped.
 */
public final class StrictUtf8Reader extends Reader {
  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
  private final CharBuffer chars = CharBuffer.allocate(BUFFER);
  private final BitSet invalidLines = new BitSet();
  private int line = 1;
  private boolean endOfInput;
  private boolean byteOrderMarkChecked;

  public StrictUtf8Reader(InputStream in) {
    this.in = in;
    bytes.flip();
    chars.flip();
  }

  /** Whether any line from {@code from} to {@code to} (inclusive) held bytes that are not UTF-8. */
  public boolean hasInvalidBytes(long from, long to) {
    int next = invalidLines.nextSetBit((int) Math.max(0, from));
    return next >= 0 && next <= to;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!chars.hasRemaining() && !fill()) {
      return -1;
    }
    int n = Math.min(length, chars.remaining());
    chars.get(buffer, offset, n);
    return n;
  }

  /** Decodes more characters; false at the end of the input. */
  private boolean fill() throws IOException {
    chars.clear();
    while (chars.position() == 0) {
      // a UTF-8 sequence has at most 4 bytes: never decode a possibly cut one before the end
      if (!endOfInput && bytes.remaining() < 4) {
        readBytes();
        continue;
      }
      if (!byteOrderMarkChecked) {
        skipByteOrderMark();
      }
      if (!bytes.hasRemaining()) {
        break;
      }
      int start = bytes.position();
      CoderResult result = decoder.decode(bytes, chars, endOfInput);
      countLines(start, bytes.position());
      if (result.isError()) {
        invalidLines.set(line);
        bytes.position(bytes.position() + result.length());
        chars.put('\uFFFD');
      }
    }
    chars.flip();
    return chars.hasRemaining();
  }

  private void readBytes() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private void skipByteOrderMark() {
    byteOrderMarkChecked = true;
    int p = bytes.position();
    if (bytes.remaining() >= 3
        && (bytes.get(p) & 0xFF) == 0xEF
        && (bytes.get(p + 1) & 0xFF) == 0xBB
        && (bytes.get(p + 2) & 0xFF) == 0xBF) {
      bytes.position(p + 3);
    }
  }

  private void countLines(int from, int to) {
    byte[] array = bytes.array();
    for (int i = from; i < to; i++) {
      if (array[i] == '\n') {
        line++;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
