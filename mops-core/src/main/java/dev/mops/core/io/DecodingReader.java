package dev.mops.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decodes bytes to characters, choosing the encoding from a byte-order mark or the caller, and
 * remembering where bytes that are not valid in the encoding were met instead of hiding them.
 *
 * <p>Each invalid byte sequence is read as one U+FFFD and queued as a {@link Malformed} with its
 * offset in the decoded characters, so a parser that meets a U+FFFD can ask {@link #malformedAt}
 * whether it stands for bad bytes (a U+FFFD written in the file is a real character) and report
 * the line and column it knows. The queue holds at most {@link #MAX_PENDING} entries; past that the
 * oldest are dropped and counted in {@link #dropped()}.
 *
 * <p>Thread safety: not thread-safe; read from one thread.
 */
final class DecodingReader extends Reader {

  /** Most invalid sequences remembered ahead of the parser (one buffer's worth at most). */
  static final int MAX_PENDING = 70_000;

  /** How the encoding was chosen. */
  enum Source {
    /** A byte-order mark at the start of the input. */
    BOM("byte-order mark"),
    /** The caller's option. */
    OPTION("option"),
    /** NUL bytes in every other position: UTF-16 without a byte-order mark. */
    DETECTED("detected"),
    /** Nothing said otherwise. */
    DEFAULT("default");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /** One invalid byte sequence: where it was read, its bytes, and the encoding it failed. */
  @SuppressWarnings("ArrayRecordComponent") // package-private; the array is never exposed or mutated
  record Malformed(long offset, byte[] bytes, Charset charset) {

    /** Returns the bytes as {@code 0xFC 0x20}. */
    String hex() {
      StringBuilder sb = new StringBuilder();
      for (byte b : bytes) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(String.format(Locale.ROOT, "0x%02X", b & 0xFF));
      }
      return sb.toString();
    }

    /**
     * Returns the text the bytes make in windows-1252 when the input looks like it (every byte
     * non-ASCII and defined there, read as UTF-8), else null.
     */
    @Nullable String asWindows1252() {
      if (!charset.equals(StandardCharsets.UTF_8)) {
        return null;
      }
      StringBuilder sb = new StringBuilder();
      for (byte b : bytes) {
        int v = b & 0xFF;
        if (v < 0x80 || v == 0x81 || v == 0x8D || v == 0x8F || v == 0x90 || v == 0x9D) {
          return null;
        }
        sb.append(new String(new byte[] {b}, WINDOWS_1252));
      }
      return sb.toString();
    }

    /** Returns a sentence: what was wrong and, when it helps, which encoding to try. */
    String describe() {
      String s = (bytes.length == 1 ? "byte " : "bytes ") + hex() + " "
          + (bytes.length == 1 ? "is" : "are") + " not valid " + charset.name();
      String w = asWindows1252();
      if (w != null) {
        s += "; the file looks like windows-1252 (where they read '" + w + "'): read it with --encoding windows-1252";
      }
      return s;
    }
  }

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final InputStream in;
  private final byte[] bytes = new byte[64 * 1024];
  private final ByteBuffer bb = ByteBuffer.wrap(bytes);
  private final Charset charset;
  private final Source source;
  private final CharsetDecoder decoder;
  private final ArrayDeque<Malformed> pending = new ArrayDeque<>();
  private boolean eof;
  private boolean flushed;
  private long produced;
  private long dropped;

  /**
   * Creates a reader: a byte-order mark (UTF-8, UTF-16 LE or BE) wins and is skipped; else {@code
   * requested}; else UTF-16 when every other byte of the start is NUL; else UTF-8. {@code
   * requested} UTF-16 without a mark reads as little-endian when the start looks so (Excel's
   * "Unicode Text"), else big-endian.
   */
  DecodingReader(InputStream in, @Nullable Charset requested) throws IOException {
    this.in = in;
    bb.limit(0);
    while (bb.limit() < 4 && fillBytes()) {
      // read at least four bytes to see the start
    }
    int n = bb.limit();
    int b0 = n > 0 ? bytes[0] & 0xFF : -1;
    int b1 = n > 1 ? bytes[1] & 0xFF : -1;
    int b2 = n > 2 ? bytes[2] & 0xFF : -1;
    Charset cs;
    Source src;
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      cs = StandardCharsets.UTF_8;
      src = Source.BOM;
      bb.position(3);
    } else if (b0 == 0xFF && b1 == 0xFE) {
      cs = StandardCharsets.UTF_16LE;
      src = Source.BOM;
      bb.position(2);
    } else if (b0 == 0xFE && b1 == 0xFF) {
      cs = StandardCharsets.UTF_16BE;
      src = Source.BOM;
      bb.position(2);
    } else if (requested != null) {
      src = Source.OPTION;
      cs = requested.equals(StandardCharsets.UTF_16)
          ? (b0 > 0 && b1 == 0 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE)
          : requested;
    } else if (b0 > 0 && b1 == 0 && n > 3 && b2 > 0 && (bytes[3] & 0xFF) == 0) {
      cs = StandardCharsets.UTF_16LE;
      src = Source.DETECTED;
    } else if (b0 == 0 && b1 > 0 && n > 3 && b2 == 0 && (bytes[3] & 0xFF) > 0) {
      cs = StandardCharsets.UTF_16BE;
      src = Source.DETECTED;
    } else {
      cs = StandardCharsets.UTF_8;
      src = Source.DEFAULT;
    }
    this.charset = cs;
    this.source = src;
    this.decoder = cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Returns the encoding in use. */
  Charset charset() {
    return charset;
  }

  /** Returns how the encoding was chosen. */
  Source source() {
    return source;
  }

  /** Returns how many invalid sequences were forgotten because the queue was full. */
  long dropped() {
    return dropped;
  }

  /**
   * Returns the invalid sequence read as the character at {@code offset} (0-based, counting every
   * character this reader returned), or null when that character was in the input; forgets the
   * entries before it. Offsets must be asked in increasing order.
   */
  @Nullable Malformed malformedAt(long offset) {
    Malformed m;
    while ((m = pending.peekFirst()) != null && m.offset() < offset) {
      pending.pollFirst();
    }
    if (m != null && m.offset() == offset) {
      pending.pollFirst();
      return m;
    }
    return null;
  }

  /** Appends bytes after the unread ones; false at the end of the stream. */
  private boolean fillBytes() throws IOException {
    if (eof) {
      return false;
    }
    bb.compact();
    int r;
    try {
      r = in.read(bytes, bb.position(), bb.remaining());
    } finally {
      bb.flip();
    }
    if (r < 0) {
      eof = true;
      return false;
    }
    bb.limit(bb.limit() + r);
    return true;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    CharBuffer cb = CharBuffer.wrap(cbuf, off, len);
    while (!flushed) {
      CoderResult cr = decoder.decode(bb, cb, eof);
      if (cr.isError()) {
        if (!cb.hasRemaining()) {
          break;
        }
        byte[] bad = new byte[cr.length()];
        bb.get(bad);
        if (pending.size() >= MAX_PENDING) {
          pending.pollFirst();
          dropped++;
        }
        pending.addLast(new Malformed(produced + cb.position() - off, bad, charset));
        cb.put('\uFFFD');
        continue;
      }
      if (cr.isOverflow()) {
        break;
      }
      // underflow: every complete sequence is decoded; more bytes are needed
      if (eof) {
        if (decoder.flush(cb).isOverflow()) {
          break;
        }
        flushed = true;
      } else if (cb.position() > off && in.available() <= 0) {
        break;
      } else {
        fillBytes();
      }
    }
    int n = cb.position() - off;
    if (n == 0 && flushed) {
      return -1;
    }
    produced += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
