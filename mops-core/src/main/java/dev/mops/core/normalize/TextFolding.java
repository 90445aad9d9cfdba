package dev.mops.core.normalize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one text folding of mops: Unicode NFKC, whitespace collapsing, case folding and accent
 * folding for match keys, and word tokens. The normalizers, dedupe and every other module that
 * compares text fold it here, so that {@code Straße} gives the same key ({@code strasse})
 * everywhere.
 *
 * <p>Thread safety: stateless, safe to call from any thread.
 */
public final class TextFolding {

  private TextFolding() {}

  /** True when every char is 7-bit ASCII. */
  static boolean isAscii(CharSequence s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns {@code s} in NFKC with format characters (zero-width space, soft hyphen, BOM ...)
   * removed, control characters and every kind of space turned into one ASCII space, runs of
   * spaces collapsed and the ends trimmed. Case is kept.
   */
  static String clean(CharSequence s) {
    if (isCleanAscii(s)) {
      return s.toString();
    }
    String text = isAscii(s) ? s.toString() : Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder sb = null;
    boolean dropped = false;
    boolean space = true; // at start: drop leading spaces
    int n = text.length();
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      boolean isSpace = cp <= ' ' || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
          || Character.getType(cp) == Character.CONTROL;
      boolean drop = !isSpace && isIgnorable(cp);
      dropped |= drop;
      if (isSpace || drop || sb != null) {
        if (sb == null) {
          sb = new StringBuilder(n);
          sb.append(text, 0, i);
          // sb may end with at most the chars before i, which were all kept verbatim
        }
        if (isSpace) {
          if (!space) {
            sb.append(' ');
            space = true;
          }
        } else if (!drop) {
          sb.appendCodePoint(cp);
          space = false;
        }
      } else {
        space = false;
      }
      i += len;
    }
    if (sb == null) {
      return text;
    }
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    sb.setLength(end);
    // A dropped format character may have stood between a letter and its accent: compose again.
    return dropped ? Normalizer.normalize(sb, Normalizer.Form.NFKC) : sb.toString();
  }

  private static boolean isCleanAscii(CharSequence s) {
    int n = s.length();
    if (n == 0) {
      return true;
    }
    if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
      return false;
    }
    char prev = 'x';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x7F || c < ' ' || (c == ' ' && prev == ' ')) {
        return false;
      }
      prev = c;
    }
    return true;
  }

  private static boolean isIgnorable(int cp) {
    int type = Character.getType(cp);
    return type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.SURROGATE
        || type == Character.PRIVATE_USE;
  }

  /**
   * Returns the matching form of {@code s}: {@link #clean cleaned}, case folded (full folding, so
   * {@code ß} becomes {@code ss}) and with accents removed from Latin, Greek and Cyrillic letters
   * ({@code é} to {@code e}, {@code ø} to {@code o}, {@code æ} to {@code ae}). Other scripts keep
   * their marks. Punctuation is kept.
   */
  public static String fold(CharSequence s) {
    String cleaned = clean(s);
    if (isAscii(cleaned)) {
      return cleaned.toLowerCase(Locale.ROOT);
    }
    // Upper then lower gives full case folding (ß to ss); Java lower-cases a word-final capital
    // sigma to the final form, which folding maps back to the plain one.
    // The capital sharp s (U+1E9E) lower-cases to ß, which folds to ss: fold it here, or a second
    // pass would change the result.
    String cased = cleaned.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT).replace('ς', 'σ').replace("ß", "ss");
    String decomposed = Normalizer.normalize(cased, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(decomposed.length());
    Character.UnicodeScript baseScript = Character.UnicodeScript.COMMON;
    boolean removed = false;
    for (int i = 0, n = decomposed.length(); i < n; ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
        if (baseScript == Character.UnicodeScript.LATIN
            || baseScript == Character.UnicodeScript.GREEK
            || baseScript == Character.UnicodeScript.CYRILLIC
            || baseScript == Character.UnicodeScript.COMMON) {
          removed = true;
          continue;
        }
        sb.appendCodePoint(cp);
        continue;
      }
      baseScript = Character.UnicodeScript.of(cp);
      String special = specialLetter(cp);
      if (special != null) {
        sb.append(special);
      } else {
        sb.appendCodePoint(cp);
      }
    }
    String out = Normalizer.normalize(sb, Normalizer.Form.NFC);
    // A mark removed after a space can leave spaces at an end or two in a row.
    return removed ? collapseSpaces(out) : out;
  }

  private static String collapseSpaces(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != ' ' || (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ')) {
        sb.append(c);
      }
    }
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    sb.setLength(end);
    return sb.toString();
  }

  private static @Nullable String specialLetter(int cp) {
    switch (cp) {
      case 'ø':
        return "o";
      case 'æ':
        return "ae";
      case 'œ':
        return "oe";
      case 'ł':
        return "l";
      case 'đ':
      case 'ð':
        return "d";
      case 'þ':
        return "th";
      case 'ı':
        return "i";
      case 'ħ':
        return "h";
      case 'ŧ':
        return "t";
      case 'ŀ':
        return "l";
      case 'ƒ':
        return "f";
      default:
        return null;
    }
  }

  /**
   * Splits the {@link #fold folded} form of {@code s} into word tokens: runs of letters and digits.
   * Apostrophes and periods inside a run are dropped so that {@code O'Neil} gives {@code oneil} and
   * {@code S.A.} gives {@code sa}; an ampersand is its own token {@code and}; anything else
   * separates tokens.
   */
  static List<String> tokens(CharSequence s) {
    String folded = fold(s);
    List<String> out = new ArrayList<>(4);
    StringBuilder word = new StringBuilder(16);
    for (int i = 0, n = folded.length(); i < n; ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80) { // the common case, without Unicode property look-ups
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z')) {
          word.append((char) cp);
          continue;
        }
        if (cp == '\'' || cp == '.' || cp == '`') {
          continue;
        }
        if (word.length() > 0) {
          out.add(word.toString());
          word.setLength(0);
        }
        if (cp == '&') {
          out.add("and");
        }
        continue;
      }
      if (Character.isLetterOrDigit(cp) || (isMark(cp) && word.length() > 0)) {
        word.appendCodePoint(cp);
      } else if (isMark(cp)) {
         // a mark with no letter to sit on
      } else if (isJoiner(cp)) {
        // dropped inside a word, and between words it does not separate either: "S. A." stays two
        
      } else {
        if (word.length() > 0) {
          out.add(word.toString());
          word.setLength(0);
        }
        if (cp == '&' || cp == '＆') {
          out.add("and");
        }
      }
    }
    if (word.length() > 0) {
      out.add(word.toString());
    }
    return out;
  }

  /**
   * Returns the word tokens of {@code s} joined by single spaces: runs of letters and digits of its
   * {@link #fold folded} form, apostrophes and periods inside a word dropped, {@code &} read as
   * {@code and}. It is the key two values are compared on when only their words matter ({@code
   * "O'Neil,  Straße"} gives {@code "oneil strasse"}).
   */
  public static String foldedWords(CharSequence s) {
    List<String> t = tokens(s);
    return t.isEmpty() ? "" : join(t, 0, t.size());
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** Apostrophes and periods: removed without separating words. */
  static boolean isJoiner(int cp) {
    return cp == '\'' || cp == '.' || cp == '\u2019' || cp == '\u2018' || cp == '`'
        || cp == '\u00B4' || cp == '\u02BC';
  }

  /** Joins tokens with single spaces. */
  static String join(List<String> tokens, int from, int to) {
    if (to - from == 1) {
      return tokens.get(from);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (i > from) {
        sb.append(' ');
      }
      sb.append(tokens.get(i));
    }
    return sb.toString();
  }
}
