package dev.mops.identity.dedupe;

/**
 * The string comparators dedupe uses, for callers who want the raw scores: Jaro-Winkler,
 * Levenshtein and Damerau-Levenshtein distances, bigram and token-set similarity, and the
 * Double Metaphone phonetic codes.
 *
 * <p>Inputs are compared as given (UTF-16 code units); dedupe normalizes values before calling
 * these. Strings longer than {@link #MAX_LENGTH} are cut to that length, bounding the quadratic
 * edit-distance cost.
 *
 * <p>Thread safety: stateless; safe to call from any thread.
 */
public final class StringSimilarity {

  /** Longest string compared; longer strings are cut. */
  public static final int MAX_LENGTH = 1000;

  private StringSimilarity() {}

  private static String cut(String s) {
    return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s;
  }

  /** Returns the Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4). */
  public static double jaroWinkler(String a, String b) {
    return Similarity.jaroWinkler(cut(a), cut(b));
  }

  /** Returns the Levenshtein distance. */
  public static int levenshtein(String a, String b) {
    return Similarity.levenshtein(cut(a), cut(b), Integer.MAX_VALUE - 1);
  }

  /** Returns the Levenshtein distance, or {@code limit + 1} as soon as it exceeds {@code limit}. */
  public static int levenshtein(String a, String b, int limit) {
    if (limit < 0 || limit == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("limit " + limit + " must be >= 0 and < Integer.MAX_VALUE");
    }
    return Similarity.levenshtein(cut(a), cut(b), limit);
  }

  /** Returns the Damerau-Levenshtein (optimal string alignment) distance. */
  public static int damerauLevenshtein(String a, String b) {
    return Similarity.damerauLevenshtein(cut(a), cut(b), Integer.MAX_VALUE - 1);
  }

  /** Returns the Dice coefficient of padded character bigrams, in [0, 1]. */
  public static double qgram(String a, String b) {
    return Similarity.qgramDice(cut(a), cut(b));
  }

  /** Returns the token-set similarity of two space-separated strings, in [0, 1]. */
  public static double tokenSet(String a, String b) {
    return Similarity.tokenSet(cut(a), cut(b));
  }

  /**
   * Returns the Double Metaphone codes (Lawrence Philips, 2000) of a name, primary and alternate,
   * each at most 4 characters long as in the original.
   *
   * <p>Letters {@code a-z} (either case), {@code ç} and {@code ñ} are coded; runs of spaces
   * separate words, which some rules read ({@code "san jose"}, {@code "van ..."}); other
   * characters, accented letters included, are skipped, so fold accents first. Dedupe codes its
   * normalized values, which have no accents, no upper case and no punctuation.
   */
  public static PhoneticCodes doubleMetaphone(String text) {
    return Phonetic.encode(cut(text), Phonetic.DEFAULT_MAX_LENGTH);
  }

  /**
   * Returns the Double Metaphone codes of a name as {@link #doubleMetaphone(String)}, each at most
   * {@code maxLength} characters long.
   *
   * @throws IllegalArgumentException if {@code maxLength} is less than 1
   */
  public static PhoneticCodes doubleMetaphone(String text, int maxLength) {
    return Phonetic.encode(cut(text), maxLength);
  }

  /**
   * Returns the primary Double Metaphone code of a name (see {@link #doubleMetaphone(String)}): the
   * key of dedupe's {@code phonetic(field)} blocking function.
   */
  public static String phoneticKey(String text) {
    return Phonetic.primary(cut(text), Phonetic.DEDUPE_MAX_LENGTH);
  }
}
