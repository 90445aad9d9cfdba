package dev.mops.core.normalize;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one list of placeholder values of mops: what people type when a form demands a value they
 * do not have or will not give ({@code n/a}, {@code unknown}, {@code test}, {@code asdf}, {@code
 * self employed}, {@code test@example.com}), by the kind of field each is a placeholder in.
 *
 * <p>The name and company normalizers flag these values ({@code NAME_PLACEHOLDER}, {@code
 * COMPANY_PLACEHOLDER}) and dedupe treats them as missing, from this one list (the bundled {@code
 * placeholders.txt}, whose header gives its format). Values are compared on their {@link
 * TextFolding#foldedWords folded words}, so {@code N/A}, {@code n.a.} and {@code n a} are one value;
 * a value without a letter or digit ({@code -}, {@code ?}) is a placeholder in every kind but
 * {@link Kind#EMAIL_DOMAIN}. Values longer than {@link #MAX_LENGTH} characters are never
 * placeholders (and are not folded).
 *
 * <p>Thread safety: immutable after class initialization; safe to call from any thread.
 */
public final class PlaceholderValues {

  /** The kinds of field a value can be a placeholder in. */
  public enum Kind {
    /** Any field that is not a person name: text, city, phone, identifier, date. */
    VALUE,
    /** A person's first, last or full name. */
    NAME,
    /** A company or account name. */
    COMPANY,
    /** The part of an email address before the {@code @}. */
    EMAIL_LOCAL,
    /** The part of an email address after the {@code @}, compared as a lower-case domain. */
    EMAIL_DOMAIN
  }

  /** Longest value that can be a placeholder, in characters. */
  public static final int MAX_LENGTH = 32;

  private static final Map<Kind, Set<String>> VALUES = load();

  private PlaceholderValues() {}

  private static Map<Kind, Set<String>> load() {
    Map<Kind, Set<String>> sets = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      sets.put(k, new HashSet<>());
    }
    for (DataFile.Line line : DataFile.resource("placeholders.txt").lines()) {
      String[] parts = line.text().split(" {2,}", -1);
      if (parts.length != 2) {
        throw line.error("expected a value, two or more spaces and its kinds, got '" + line.text() + "'");
      }
      for (String kindName : parts[1].strip().split(" +", 0)) {
        Kind kind;
        try {
          kind = Kind.valueOf(kindName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw line.error("unknown kind '" + kindName + "'");
        }
        String key = kind == Kind.EMAIL_DOMAIN ? parts[0].toLowerCase(Locale.ROOT) : TextFolding.foldedWords(parts[0]);
        Objects.requireNonNull(sets.get(kind)).add(key);
      }
    }
    Map<Kind, Set<String>> out = new EnumMap<>(Kind.class);
    sets.forEach((k, v) -> out.put(k, Set.copyOf(v)));
    return out;
  }

  /**
   * Returns whether {@code value} is a placeholder in a field of {@code kind}: its folded words
   * (for {@link Kind#EMAIL_DOMAIN}, its lower-case form) are on the list, or it has no letter or
   * digit.
   */
  public static boolean isPlaceholder(Kind kind, CharSequence value) {
    Objects.requireNonNull(kind, "kind");
    if (value.length() > MAX_LENGTH) {
      return false;
    }
    if (kind == Kind.EMAIL_DOMAIN) {
      return values(kind).contains(value.toString().strip().toLowerCase(Locale.ROOT));
    }
    return isPlaceholderKey(kind, TextFolding.foldedWords(value));
  }

  /**
   * Returns whether a value already reduced to its {@link TextFolding#foldedWords folded words} is
   * a placeholder in a field of {@code kind}; the empty key always is. For hot loops that have the
   * folded form at hand.
   */
  public static boolean isPlaceholderKey(Kind kind, String foldedWords) {
    return foldedWords.isEmpty() || values(kind).contains(foldedWords);
  }

  /** Returns the placeholder values of {@code kind}, as folded words (an immutable set). */
  public static Set<String> values(Kind kind) {
    return Objects.requireNonNull(VALUES.get(kind));
  }
}
