package dev.mops.identity.dedupe;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The organisation-name comparator ({@link ComparatorType#ORG_NAME}): a soft, rarity-weighted
 * token similarity in the spirit of soft TF-IDF and Monge-Elkan.
 *
 * <p>Each word of a name weighs its inverse document frequency in the run, {@code ln((N + 1) /
 * df)}, where {@code N} is the number of records with a value in the field and {@code df} the
 * number of them whose name holds the word: a rare word ({@code jeneling}) is strong evidence,
 * a word of many names ({@code systems}, {@code international}, {@code group}) weak. Each word of
 * one name is matched to its closest word of the other: equal words count 1, a word that is a
 * prefix of the other of at least 4 letters ({@code internat} and {@code international}, {@code
 * konink} and {@code koninklijke}) 0.9, words with Jaro-Winkler similarity of at least 0.9 ({@code
 * philips} and {@code phillips}) their similarity, others 0. The similarity of one side is the
 * weighted share of its words so matched; the comparator's similarity is the mean of both sides.
 * So {@code Philips} and {@code Koninklijke Philips Electronics} agree fully from the short side
 * and by the rare word's share from the long side, and two companies that share only {@code
 * International} score low.
 *
 * <p>Words are counted once per record by {@link #weigh}; a record compared before any counting
 * (a query against a {@link MatchIndex} built without them) weighs every word 1.
 *
 * <p>Thread safety: stateless.
 */
final class OrgNames {

  /** Similarity a word that is a prefix of the other (4 letters at least) counts. */
  static final double PREFIX_SIMILARITY = 0.9;

  /** Lowest Jaro-Winkler similarity two different words count as matching. */
  static final double WORD_MATCH = 0.9;

  private OrgNames() {}

  /**
   * Counts the words of every {@link ComparatorType#ORG_NAME} field over the records and sets each
   * record's word weights; returns the counts, or null when no field compares organisation names.
   */
  static @Nullable NameWords weigh(FieldComparer comparer, PreparedRecord[] recs) {
    NameWords words = NameWords.count(comparer, recs);
    if (words != null) {
      for (PreparedRecord r : recs) {
        words.weigh(r);
      }
    }
    return words;
  }

  /**
   * Per {@link ComparatorType#ORG_NAME} field whose u is not fixed in the config, in a file where
   * {@link #nameIsTheIdentity the name is all that says who a record is}, how many pairs of
   * <em>distinct</em> names (all of them, or {@code wanted} drawn at random with {@code seed}) fall
   * at each level; null for the other fields.
   *
   * <p>u is the chance that two different organisations' names agree at a level. Counted over
   * random pairs of records, it takes the agreement of an organisation's own records for chance
   * whenever organisations hold many records each: in PATSTAT's applicants one random pair in ten
   * is two records of one applicant, so the exact name level got u 0.019 and weighed +5 bits only.
   * Pairs of distinct names count each spelling once, however many records hold it, which is
   * much closer to pairs of different organisations; the exact level, which distinct names never
   * reach, keeps only its smoothing share. They are still not all different organisations: an
   * applicant with 72 spellings makes 2,556 pairs of them, so {@link #nonMatchU} counts each pair
   * by its probability of being a non-match.
   */
  static long[] @Nullable [] distinctValueCounts(FieldComparer comparer, PreparedRecord[] recs, int wanted, long seed) {
    long[] @Nullable [] out = new long[comparer.fieldCount()][];
    if (!nameIsTheIdentity(comparer)) {
      return out;
    }
    for (int f = 0; f < comparer.fieldCount(); f++) {
      if (comparer.rules[f].comparator() != ComparatorType.ORG_NAME || comparer.rules[f].u() != null) {
        continue;
      }
      Map<String, PreparedRecord> byValue = new HashMap<>();
      for (PreparedRecord r : recs) {
        String v = r.norm[f];
        if (v != null) {
          byValue.putIfAbsent(v, r);
        }
      }
      java.util.List<String> values = new java.util.ArrayList<>(byValue.keySet());
      values.sort(null);
      int d = values.size();
      if (d < 2) {
        continue;
      }
      PreparedRecord[] rep = new PreparedRecord[d];
      for (int i = 0; i < d; i++) {
        rep[i] = java.util.Objects.requireNonNull(byValue.get(values.get(i)));
      }
      int levels = comparer.levelCount[f];
      long[] counts = new long[levels];
      long all = (long) d * (d - 1) / 2;
      if (all <= wanted) {
        for (int i = 0; i < d; i++) {
          for (int j = i + 1; j < d; j++) {
            counts[comparer.level(f, rep[i], rep[j])]++;
          }
        }
      } else {
        java.util.SplittableRandom rnd = Deduplicator.random(seed + f);
        for (int k = 0; k < wanted; k++) {
          int i = rnd.nextInt(d);
          int j = rnd.nextInt(d - 1);
          counts[comparer.level(f, rep[i], rep[j >= i ? j + 1 : j])]++;
        }
      }
      out[f] = counts;
    }
    return out;
  }

  /**
   * Whether the organisation name is all that says who a record is: no field compared besides the
   * org_name fields holds an email, phone, identifier, address, postcode or domain. Then the
   * entity is the name's organisation, and pairs of distinct names stand for pairs of
   * organisations. With such a field the entity may be a site (one company at one address), whose
   * sites share one name: counting each spelling once would hide that agreement, and the name's
   * exact level would outweigh different addresses.
   */
  static boolean nameIsTheIdentity(FieldComparer comparer) {
    for (FieldRule r : comparer.rules) {
      FieldKind k = r.kind();
      if (r.comparator() != ComparatorType.ORG_NAME && (k.identifying() || k == FieldKind.ADDRESS
          || k == FieldKind.POSTCODE || k == FieldKind.DOMAIN)) {
        return false;
      }
    }
    return true;
  }

  /**
   * u of one field from level counts of pairs, each pair counted by its probability of being a
   * non-match given this field's level alone (prior {@code lambda}, the field's {@code m} and
   * {@code u0}; with {@code lambda} 0, every pair a non-match), with add-one smoothing.
   */
  static double[] nonMatchU(long[] counts, double[] m, double[] u0, double lambda) {
    int levels = counts.length;
    double[] weighted = new double[levels];
    double sum = 0;
    for (int l = 0; l < levels; l++) {
      double match = lambda <= 0 ? 0 : lambda * m[l] / (lambda * m[l] + (1 - lambda) * u0[l]);
      weighted[l] = counts[l] * (1 - match);
      sum += weighted[l];
    }
    double[] u = new double[levels];
    for (int l = 0; l < levels; l++) {
      u[l] = (weighted[l] + 1.0) / (sum + levels);
    }
    return u;
  }

  /** The weight of a word held by {@code df} of {@code n} names. */
  static double idf(int n, int df) {
    return Math.log((n + 1.0) / Math.max(1, df));
  }

  /**
   * The similarity of two names given as sorted distinct words and their weights (null weights: 1
   * each), from 0 to 1.
   */
  static double similarity(String[] a, double @Nullable [] wa, String[] b, double @Nullable [] wb) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    return (side(a, wa, b) + side(b, wb, a)) / 2;
  }

  /** The weighted share of the words of {@code a} that match a word of {@code b}. */
  private static double side(String[] a, double @Nullable [] wa, String[] b) {
    double total = 0;
    double matched = 0;
    for (int i = 0; i < a.length; i++) {
      // a word held by every name still counts a little, so that a one-word name is comparable
      double w = wa == null ? 1 : Math.max(wa[i], 0.05);
      total += w;
      double best = 0;
      for (String y : b) {
        double s = wordSimilarity(a[i], y);
        if (s > best) {
          best = s;
          if (best == 1) {
            break;
          }
        }
      }
      matched += w * best;
    }
    return total == 0 ? 0 : matched / total;
  }

  /** 1 for equal words, {@link #PREFIX_SIMILARITY} for a prefix, Jaro-Winkler when at least {@link #WORD_MATCH}, else 0. */
  static double wordSimilarity(String x, String y) {
    if (x.equals(y)) {
      return 1;
    }
    if (Math.min(x.length(), y.length()) >= 4 && (x.startsWith(y) || y.startsWith(x))) {
      return PREFIX_SIMILARITY;
    }
    if (x.length() < 4 || y.length() < 4) {
      return 0;
    }
    double jw = Similarity.jaroWinkler(x, y);
    return jw >= WORD_MATCH ? jw : 0;
  }
}
