package dev.mops.quality.dedupe;

/**
 * The string comparators dedupe uses, for callers who want the raw scores: Jaro-Winkler,
 * Levenshtein and Damerau-Levenshtein distances, bigram and token-set similarity, and the
 * Metaphone phonetic key.
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

  /** Returns the Metaphone key of lower-case ASCII text (other characters are skipped). */
  public static String phoneticKey(String text) {
    return Phonetic.key(cut(text));
  }
}
