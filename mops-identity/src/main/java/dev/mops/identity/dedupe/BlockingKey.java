package dev.mops.identity.dedupe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One blocking pass: records whose key is equal are compared. A key is made of parts, each a
 * function of one declared field's normalized value; a record lacking any part has no key in this
 * pass.
 *
 * <p>Parts are written {@code field} or {@code function(field)} or {@code function(field, n)}:
 * {@code value}, {@code phonetic} (primary Double Metaphone code), {@code nickname} (formal given name),
 * {@code prefix(f, n)}, {@code suffix(f, n)}, {@code year} (of a date), {@code first_token},
 * {@code last_token}, {@code sorted_tokens}.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param parts the key's parts, in order
 */
public record BlockingKey(List<Part> parts) {

  private static final Pattern PART =
      Pattern.compile("\\s*(?:([a-z_]+)\\s*\\(\\s*([^,()\\s]+)\\s*(?:,\\s*(\\d{1,4})\\s*)?\\)|([^,()\\s]+))\\s*");

  /** Validates the parts. */
  public BlockingKey {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a blocking key needs at least one part");
    }
  }

  /**
   * Parses a key from part expressions such as {@code "phonetic(surname)"}, {@code "postcode"}.
   *
   * @throws IllegalArgumentException naming the expression when it is not a part
   */
  public static BlockingKey of(String... expressions) {
    List<Part> parts = new ArrayList<>();
    for (String e : expressions) {
      parts.add(Part.parse(e));
    }
    return new BlockingKey(parts);
  }

  /** Returns the key as written in config, parts joined by {@code " + "}. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    for (Part p : parts) {
      if (b.length() > 0) {
        b.append(" + ");
      }
      b.append(p.describe());
    }
    return b.toString();
  }

  /** A function applied to a field to make a key part. */
  public enum Function {
    /** The normalized value. */
    VALUE,
    /**
     * The primary Double Metaphone code of the value, 4 characters at most, or n with
     * {@code phonetic(field, n)} (longer codes make smaller blocks); one key per record, the
     * alternate code is not a key.
     */
    PHONETIC,
    /** The formal given name of a nickname (the first in alphabetical order when there are several). */
    NICKNAME,
    /** The first n characters. */
    PREFIX,
    /** The last n characters. */
    SUFFIX,
    /** The first four characters of a {@code yyyyMMdd} date. */
    YEAR,
    /** The first word. */
    FIRST_TOKEN,
    /** The last word. */
    LAST_TOKEN,
    /** The words in sorted order. */
    SORTED_TOKENS;

    /** Returns the lower-case name used in config files. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One part of a key.
   *
   * @param function the function applied
   * @param field the declared field it reads
   * @param length the length for {@code prefix} and {@code suffix}; for {@code phonetic} the
   *     code length, or 0 for the default 4; else 0
   */
  public record Part(Function function, String field, int length) {

    /** Longest phonetic code a blocking part may ask for. */
    public static final int MAX_PHONETIC_LENGTH = 12;

    /** Validates the part. */
    public Part {
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(field, "field");
      boolean needsLength = function == Function.PREFIX || function == Function.SUFFIX;
      if (function == Function.PHONETIC) {
        if (length != 0 && (length < 1 || length > MAX_PHONETIC_LENGTH)) {
          throw new IllegalArgumentException(
              "phonetic(" + field + ", n) takes a code length n from 1 to " + MAX_PHONETIC_LENGTH + ", got " + length);
        }
      } else if (needsLength != (length > 0)) {
        throw new IllegalArgumentException(
            needsLength
                ? function.label() + "(" + field + ", n) needs a length n >= 1"
                : function.label() + "(" + field + ") takes no length");
      }
    }

    /** Parses {@code field}, {@code function(field)} or {@code function(field, n)}. */
    public static Part parse(String expression) {
      Matcher m = PART.matcher(expression);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "blocking key part '" + expression + "' is not field, function(field) or function(field, n)");
      }
      if (m.group(4) != null) {
        return new Part(Function.VALUE, m.group(4), 0);
      }
      String name = m.group(1);
      Function f = null;
      for (Function x : Function.values()) {
        if (x.label().equals(name)) {
          f = x;
        }
      }
      if (f == null) {
        throw new IllegalArgumentException(
            "unknown blocking function '" + name + "' in '" + expression + "', expected one of "
                + "value, phonetic, nickname, prefix, suffix, year, first_token, last_token, sorted_tokens");
      }
      int n = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      return new Part(f, m.group(2), n);
    }

    /** Returns the part as written in config. */
    public String describe() {
      if (function == Function.VALUE) {
        return field;
      }
      return function.label() + "(" + field + (length > 0 ? ", " + length : "") + ")";
    }
  }
}
