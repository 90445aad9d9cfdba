package dev.mops.identity.dedupe;

import dev.mops.core.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Estimates a Fellegi-Sunter model without labels: u from the level frequencies of random pairs,
 * m and the match share lambda by expectation-maximization over the candidate pairs' comparison
 * patterns (u held fixed). Values fixed in config are kept.
 *
 * <p>Thread safety: stateless.
 */
final class ModelEstimator {

  private static final double MIN_P = 1e-6;

  /** Pseudo-pairs smoothing EM's estimates toward their starting values. */
  static final double PSEUDO_COUNT = 5.0;


  private ModelEstimator() {}

  static MatchModel estimate(
      FieldComparer comparer, PreparedRecord[] recs, int[] source, boolean linkOnly, long[] patterns,
      Deduplicator.Findings findings) {
    int fields = comparer.fieldCount();
    DedupeConfig config = comparer.config;
    LongHolder randomPatterns = new LongHolder();
    double[][] u = randomPairU(comparer, recs, source, linkOnly, config.randomPairs(), config.seed(), findings,
        randomPatterns);
    Map<Long, long[]> distinct = new HashMap<>();
    for (long p : patterns) {
      distinct.computeIfAbsent(p, x -> new long[1])[0]++;
    }
    long[] pat = new long[distinct.size()];
    long[] cnt = new long[distinct.size()];
    int i = 0;
    List<Long> keys = new ArrayList<>(distinct.keySet());
    keys.sort(null);
    for (long k : keys) {
      pat[i] = k;
      cnt[i] = Objects.requireNonNull(distinct.get(k))[0];
      i++;
    }
    double[][] m = new double[fields][];
    for (int f = 0; f < fields; f++) {
      FieldRule rule = comparer.rules[f];
      int levels = comparer.levelCount[f];
      m[f] = new double[levels];
      if (rule.m() != null) {
        for (int l = 0; l < levels; l++) {
          m[f][l] = rule.m().get(l);
        }
      } else {
        double sum = 0;
        for (int l = 0; l < levels; l++) {
          m[f][l] = Math.pow(4, l);
          sum += m[f][l];
        }
        for (int l = 0; l < levels; l++) {
          m[f][l] /= sum;
        }
      }
    }
    // Lambda and m from EM that also re-estimates u among the candidates: candidate non-matches
    // agree more than random pairs do (they share a blocking key, a company, a surname), and with
    // u held at its random-pair value EM counts that agreement as matches, inflating lambda and
    // the m of weak levels. The weights then use u from random pairs, which measures how rare an
    // agreement is in the whole file. The fixed-u run is kept only for its iteration count.
    double[][] mCopy = new double[fields][];
    double[][] uCopy = new double[fields][];
    for (int f = 0; f < fields; f++) {
      mCopy[f] = m[f].clone();
      uCopy[f] = u[f].clone();
    }
    double[] free = runEm(comparer, pat, cnt, mCopy, uCopy, true, config.emIterations());
    double[] fixedU = runEm(comparer, pat, cnt, m, u, false, config.emIterations());
    double lambda = free[0];
    long nRecords = recs.length;
    double allPairs = linkOnly ? crossPairs(source) : nRecords * (nRecords - 1) / 2.0;
    long candidateCount = 0;
    for (long c : cnt) {
      candidateCount += c;
    }
    double lambdaAll = Math.min(1 - MIN_P, Math.max(1e-15, lambda * candidateCount / Math.max(1.0, allPairs)));
    if (lambdaAll > MATCHES_AMONG_RANDOM_PAIRS) {
      // So many records are duplicates (a few entities with hundreds of records each) that random
      // pairs are not almost all non-matches: u counted over them would take the agreement of
      // matches for chance. Count each random pair as a non-match by its posterior instead.
      u = nonMatchU(comparer, randomPatterns.items, mCopy, u, lambdaAll);
      // Organisation names: u over pairs of distinct names instead (see OrgNames).
      long[] @Nullable [] distinctNames = OrgNames.distinctValueCounts(comparer, recs, config.randomPairs(), config.seed());
      boolean names = false;
      for (int f = 0; f < fields; f++) {
        long[] c = distinctNames[f];
        if (c != null) {
          u[f] = OrgNames.nonMatchU(c, mCopy[f], u[f], 0);
          names = true;
        }
      }
      if (names) {
        // u has changed under lambda, which EM estimated with its own u among the candidates:
        // lambda again with m and this u held; then the distinct names counted by their non-match
        // probability under it (one step, as for the random pairs above: an applicant's 72
        // spellings are not 2,556 pairs of different organisations); then m and lambda by EM with
        // this u held, as Splink trains m. With the name as the only identifying field, EM with u
        // free cannot tell matches from non-matches (one field's mixture is not identifiable):
        // on PATSTAT it put lambda at 0.38 where 0.96 of the candidates are matches.
        lambda = lambdaOnly(comparer, pat, cnt, monotoneAll(comparer, mCopy, u), u, config.emIterations());
        for (int f = 0; f < fields; f++) {
          long[] c = distinctNames[f];
          if (c != null) {
            u[f] = OrgNames.nonMatchU(c, monotone(mCopy[f], u[f]), u[f], lambda);
          }
        }
        double[] held = runEm(comparer, pat, cnt, mCopy, u, false, config.emIterations());
        lambda = held[0];
        lambdaAll = Math.min(1 - MIN_P, Math.max(1e-15, lambda * candidateCount / Math.max(1.0, allPairs)));
      }
    }
    if (config.priorScope() == PriorScope.ALL_PAIRS) {
      lambda = lambdaAll;
    }
    for (int f = 0; f < fields; f++) {
      if (comparer.rules[f].m() == null) {
        m[f] = mCopy[f];
      }
    }
    int iterations = (int) fixedU[1];
    boolean converged = fixedU[2] > 0;
    for (int f = 0; f < fields; f++) {
      if (comparer.rules[f].m() == null) {
        m[f] = monotone(m[f], u[f]);
      }
    }
    if (config.mFromSharedIdentifiers()) {
      double[] @Nullable [] anchored = anchoredM(comparer, recs);
      boolean any = false;
      for (int f = 0; f < fields; f++) {
        double[] a = anchored[f];
        if (comparer.rules[f].m() == null && a != null) {
          m[f] = monotone(a, u[f]);
          any = true;
        }
      }
      floorChanges(comparer, m);
      if (any) {
        double l = lambdaOnly(comparer, pat, cnt, m, u, config.emIterations());
        lambda = config.priorScope() == PriorScope.ALL_PAIRS
            ? Math.min(1 - MIN_P, Math.max(1e-15, l * candidateCount / Math.max(1.0, allPairs)))
            : l;
      } else {
        findings.add(Finding.info("M_FROM_EM", "", null, "no email, phone or identifier value is shared by exactly"
            + " two records often enough to learn m from: EM's estimate is used"));
      }
    } else {
      floorChanges(comparer, m);
    }
    List<MatchModel.FieldWeights> out = new ArrayList<>();
    for (int f = 0; f < fields; f++) {
      FieldRule rule = comparer.rules[f];
      List<Double> ml = new ArrayList<>();
      List<Double> ul = new ArrayList<>();
      for (int l = 0; l < m[f].length; l++) {
        ml.add(m[f][l]);
        ul.add(u[f][l]);
      }
      out.add(new MatchModel.FieldWeights(rule.field(), rule.levelNames(), ml, ul));
    }
    if (!converged) {
      findings.add(Finding.info("EM_NOT_CONVERGED", "", null,
          "EM did not converge in " + config.emIterations() + " iterations; the last estimate is used"));
    }
    return new MatchModel(lambda, out, iterations, converged);
  }

  /** Most pairs sharing an identifier value sampled per identifying field for {@link #anchoredM}. */
  static final int ANCHOR_PAIRS = 50_000;

  /** Fewest anchored pairs with a field present for its m to be taken from them. */
  static final int MIN_ANCHORED = 50;

  /**
   * m of each field from likely duplicates instead of EM (see {@link
   * DedupeConfig#mFromSharedIdentifiers()}): pairs of records that share the value of an
   * identifying field (email, phone, identifier) held by exactly two records, at most {@value
   * #ANCHOR_PAIRS} per field (a seeded reservoir sample). A field's m is its level distribution
   * over the pairs anchored on the other identifying fields, add-one smoothed; null for a field
   * with fewer than {@value #MIN_ANCHORED} such pairs.
   */
  static double[] @Nullable [] anchoredM(FieldComparer comparer, PreparedRecord[] recs) {
    int fields = comparer.fieldCount();
    double[][] counts = new double[fields][];
    for (int f = 0; f < fields; f++) {
      counts[f] = new double[comparer.levelCount[f]];
    }
    SplittableRandom rnd = new SplittableRandom(comparer.config.seed());
    for (int g = 0; g < fields; g++) {
      if (!comparer.rules[g].kind().identifying()) {
        continue;
      }
      HashMap<String, int[]> holders = new HashMap<>();
      for (int i = 0; i < recs.length; i++) {
        String v = recs[i].norm[g];
        if (v != null) {
          int[] slot = holders.computeIfAbsent(v, x -> new int[] {-1, -1, 0});
          if (slot[2] < 2) {
            slot[slot[2]] = i;
          }
          slot[2]++;
        }
      }
      List<int[]> pairs = new ArrayList<>();
      List<String> values = new ArrayList<>(holders.keySet());
      values.sort(null);
      long seen = 0;
      for (String v : values) {
        int[] slot = Objects.requireNonNull(holders.get(v));
        if (slot[2] != 2) {
          continue;
        }
        int at = seen < ANCHOR_PAIRS ? (int) seen : (int) rnd.nextLong(seen + 1);
        seen++;
        if (at == pairs.size()) {
          pairs.add(slot);
        } else if (at < ANCHOR_PAIRS) {
          pairs.set(at, slot);
        }
      }
      for (int[] pr : pairs) {
        int a = Math.min(pr[0], pr[1]);
        int b = Math.max(pr[0], pr[1]);
        long pattern = comparer.pattern(recs[a], recs[b]);
        for (int f = 0; f < fields; f++) {
          int l = FieldComparer.levelOf(pattern, f);
          if (f != g && l != FieldComparer.MISSING) {
            counts[f][l]++;
          }
        }
      }
    }
    double[] @Nullable [] out = new double[fields][];
    for (int f = 0; f < fields; f++) {
      double total = 0;
      for (double c : counts[f]) {
        total += c;
      }
      if (total < MIN_ANCHORED) {
        continue;
      }
      double[] mf = new double[counts[f].length];
      for (int l = 0; l < mf.length; l++) {
        mf[l] = (counts[f][l] + 1) / (total + counts[f].length);
      }
      out[f] = mf;
    }
    return out;
  }

  /**
   * Raises m of the disagreement level of contact and organisation fields to {@link
   * DedupeConfig#minChangeShare()} (the other levels scaled down to keep the sum 1).
   */
  static void floorChanges(FieldComparer comparer, double[][] m) {
    double floor = comparer.config.minChangeShare();
    if (floor <= 0) {
      return;
    }
    java.util.Set<String> grouped = new java.util.HashSet<>();
    for (List<String> g : comparer.config.evidenceGroups()) {
      grouped.addAll(g);
    }
    for (int f = 0; f < comparer.fieldCount(); f++) {
      FieldRule rule = comparer.rules[f];
      FieldKind kind = rule.kind();
      boolean contact = kind == FieldKind.EMAIL || kind == FieldKind.PHONE || kind == FieldKind.COMPANY
          || kind == FieldKind.ADDRESS || kind == FieldKind.POSTCODE || kind == FieldKind.DOMAIN
          || grouped.contains(rule.field());
      if (!contact || rule.m() != null || m[f][0] >= floor) {
        continue;
      }
      double rest = 1 - m[f][0];
      for (int l = 1; l < m[f].length; l++) {
        m[f][l] = m[f][l] * (1 - floor) / rest;
      }
      m[f][0] = floor;
    }
  }

  /** EM over lambda alone, m and u held; returns lambda. */
  static double lambdaOnly(FieldComparer comparer, long[] pat, long[] cnt, double[][] m, double[][] u, int maxIterations) {
    int fields = comparer.fieldCount();
    double[] ratio = new double[pat.length];
    for (int p = 0; p < pat.length; p++) {
      double r = 0;
      for (int f = 0; f < fields; f++) {
        int l = FieldComparer.levelOf(pat[p], f);
        if (l != FieldComparer.MISSING) {
          r += Math.log(m[f][l]) - Math.log(u[f][l]);
        }
      }
      ratio[p] = r;
    }
    double lambda = 0.1;
    for (int it = 0; it < maxIterations * 4 && pat.length > 0; it++) {
      double num = 0;
      double total = 0;
      double prior = Math.log(lambda / (1 - lambda));
      for (int p = 0; p < pat.length; p++) {
        num += cnt[p] / (1.0 + Math.exp(-(prior + ratio[p])));
        total += cnt[p];
      }
      double next = clamp(num / total);
      if (Math.abs(next - lambda) < 1e-9) {
        return next;
      }
      lambda = next;
    }
    return lambda;
  }

  /** Runs EM in place on m (and u when {@code updateU}); returns lambda, iterations and 1 when converged. */
  static double[] runEm(
      FieldComparer comparer, long[] pat, long[] cnt, double[][] m, double[][] u, boolean updateU, int maxIterations) {
    int fields = comparer.fieldCount();
    double[][] m0 = new double[fields][];
    double[][] u0 = new double[fields][];
    for (int f = 0; f < fields; f++) {
      m0[f] = m[f].clone();
      u0[f] = u[f].clone();
    }
    double lambda = 0.1;
    int iterations = 0;
    boolean converged = pat.length == 0;
    for (int it = 0; it < maxIterations && pat.length > 0; it++) {
      iterations = it + 1;
      double[][] num = new double[fields][];
      double[][] unum = new double[fields][];
      for (int f = 0; f < fields; f++) {
        num[f] = new double[comparer.levelCount[f]];
        unum[f] = new double[comparer.levelCount[f]];
      }
      double lamNum = 0;
      double total = 0;
      double logLam = Math.log(lambda);
      double logNot = Math.log(1 - lambda);
      for (int p = 0; p < pat.length; p++) {
        double lm = logLam;
        double lu = logNot;
        for (int f = 0; f < fields; f++) {
          int l = FieldComparer.levelOf(pat[p], f);
          if (l != FieldComparer.MISSING) {
            lm += Math.log(m[f][l]);
            lu += Math.log(u[f][l]);
          }
        }
        double g = 1.0 / (1.0 + Math.exp(lu - lm));
        double c = cnt[p];
        lamNum += c * g;
        total += c;
        for (int f = 0; f < fields; f++) {
          int l = FieldComparer.levelOf(pat[p], f);
          if (l != FieldComparer.MISSING) {
            num[f][l] += c * g;
            unum[f][l] += c * (1 - g);
          }
        }
      }
      double delta = 0;
      double newLambda = clamp(lamNum / total);
      delta = Math.max(delta, Math.abs(newLambda - lambda));
      lambda = newLambda;
      for (int f = 0; f < fields; f++) {
        if (comparer.rules[f].m() == null) {
          m[f] = normalized(num[f], m0[f]);
        }
        if (updateU && comparer.rules[f].u() == null) {
          double[] next = normalized(unum[f], u0[f]);
          for (int l = 0; l < next.length; l++) {
            delta = Math.max(delta, Math.abs(next[l] - u[f][l]));
          }
          u[f] = next;
        }
      }
      if (delta < 1e-7) {
        converged = true;
        break;
      }
    }
    return new double[] {lambda, iterations, converged ? 1 : 0};
  }

  /**
   * Expected counts to probabilities, smoothed toward {@code prior} with {@link #PSEUDO_COUNT}
   * pseudo-pairs, so that a handful of candidate pairs cannot drive a level to zero.
   */
  private static double[] normalized(double[] counts, double[] prior) {
    double sum = 0;
    for (double v : counts) {
      sum += v;
    }
    double norm = 0;
    double[] next = new double[counts.length];
    for (int l = 0; l < next.length; l++) {
      next[l] = Math.max(MIN_P, (counts[l] + PSEUDO_COUNT * prior[l]) / (sum + PSEUDO_COUNT));
      norm += next[l];
    }
    for (int l = 0; l < next.length; l++) {
      next[l] /= norm;
    }
    return next;
  }

  /**
   * Raises m where a closer agreement level would weigh less than a looser one (a level the
   * candidate pairs barely show, such as nicknames in a file without them), so that weights never
   * fall as agreement rises; then renormalizes.
   */
  static double[] monotone(double[] m, double[] u) {
    double[] out = m.clone();
    for (int l = 1; l < out.length; l++) {
      double floor = u[l] * out[l - 1] / u[l - 1];
      if (out[l] < floor) {
        out[l] = floor;
      }
    }
    double sum = 0;
    for (double v : out) {
      sum += v;
    }
    for (int l = 0; l < out.length; l++) {
      out[l] = Math.min(1.0, out[l] / sum);
    }
    return out;
  }

  /** {@link #monotone} of every field's m whose m is not fixed in the config. */
  private static double[][] monotoneAll(FieldComparer comparer, double[][] m, double[][] u) {
    double[][] out = new double[m.length][];
    for (int f = 0; f < m.length; f++) {
      out[f] = comparer.rules[f].m() == null ? monotone(m[f], u[f]) : m[f];
    }
    return out;
  }

  /** Share of matches among all pairs above which u discounts the matches among random pairs. */
  static final double MATCHES_AMONG_RANDOM_PAIRS = 0.002;

  /** A holder of the random pairs' comparison patterns. */
  static final class LongHolder {
    long[] items = new long[0];
  }

  /**
   * u per field and level over random pairs weighted by their posterior probability of being a
   * non-match (with m, the first u and prior {@code lambda}); add-one smoothing; fixed u kept.
   */
  static double[][] nonMatchU(FieldComparer comparer, long[] patterns, double[][] m, double[][] u0, double lambda) {
    int fields = comparer.fieldCount();
    double[][] counts = new double[fields][];
    for (int f = 0; f < fields; f++) {
      counts[f] = new double[comparer.levelCount[f]];
    }
    double logLam = Math.log(lambda);
    double logNot = Math.log(1 - lambda);
    for (long p : patterns) {
      double lm = logLam;
      double lu = logNot;
      for (int f = 0; f < fields; f++) {
        int l = FieldComparer.levelOf(p, f);
        if (l != FieldComparer.MISSING) {
          lm += Math.log(m[f][l]);
          lu += Math.log(u0[f][l]);
        }
      }
      double nonMatch = 1.0 / (1.0 + Math.exp(lm - lu));
      for (int f = 0; f < fields; f++) {
        int l = FieldComparer.levelOf(p, f);
        if (l != FieldComparer.MISSING) {
          counts[f][l] += nonMatch;
        }
      }
    }
    double[][] u = new double[fields][];
    for (int f = 0; f < fields; f++) {
      if (comparer.rules[f].u() != null) {
        u[f] = u0[f].clone();
        continue;
      }
      int levels = counts[f].length;
      double sum = 0;
      for (double c : counts[f]) {
        sum += c;
      }
      u[f] = new double[levels];
      for (int l = 0; l < levels; l++) {
        u[f][l] = (counts[f][l] + 1.0) / (sum + levels);
      }
    }
    return u;
  }

  private static double crossPairs(int[] source) {
    java.util.Map<Integer, Long> sizes = new HashMap<>();
    for (int s : source) {
      sizes.merge(s, 1L, Long::sum);
    }
    double n = source.length;
    double same = 0;
    for (long c : sizes.values()) {
      same += c * (c - 1) / 2.0;
    }
    return n * (n - 1) / 2.0 - same;
  }

  private static double clamp(double p) {
    return Math.min(1 - MIN_P, Math.max(MIN_P, p));
  }

  /** u per field and level from random pairs, with add-one smoothing; fixed u from config kept. */
  static double[][] randomPairU(
      FieldComparer comparer, PreparedRecord[] recs, int[] source, boolean linkOnly, int wanted, long seed,
      Deduplicator.Findings findings, LongHolder patternsOut) {
    int fields = comparer.fieldCount();
    long[][] counts = new long[fields][];
    for (int f = 0; f < fields; f++) {
      counts[f] = new long[comparer.levelCount[f]];
    }
    int n = recs.length;
    long possible = (long) n * (n - 1) / 2;
    long samples = Math.min(wanted, possible);
    SplittableRandom rnd = Deduplicator.random(seed);
    long[] drawnPairs = new long[(int) samples];
    int drawn = 0;
    long attempts = 0;
    while (drawn < samples && attempts < samples * 20) {
      attempts++;
      int a = rnd.nextInt(n);
      int b = rnd.nextInt(n);
      if (a == b || (linkOnly && source[a] == source[b])) {
        continue;
      }
      drawnPairs[drawn++] = (long) a << 32 | b;
    }
    // Compared in the order of their first record, so that one side of each comparison reads
    // memory in order (the counts do not depend on the order); split over the cores.
    java.util.Arrays.sort(drawnPairs, 0, drawn);
    int[] left = new int[drawn];
    int[] right = new int[drawn];
    for (int i = 0; i < drawn; i++) {
      left[i] = (int) (drawnPairs[i] >>> 32);
      right[i] = (int) drawnPairs[i];
    }
    int chunk = 1 << 14;
    int chunks = (drawn + chunk - 1) / chunk;
    int total = drawn;
    long[][][] partial = new long[chunks][][];
    long[] pats = new long[drawn];
    java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
      long[][] local = new long[fields][];
      for (int f = 0; f < fields; f++) {
        local[f] = new long[comparer.levelCount[f]];
      }
      int end2 = Math.min(total, (c + 1) * chunk);
      for (int i = c * chunk; i < end2; i++) {
        long p = comparer.pattern(recs[left[i]], recs[right[i]]);
        pats[i] = p;
        for (int f = 0; f < fields; f++) {
          int l = FieldComparer.levelOf(p, f);
          if (l != FieldComparer.MISSING) {
            local[f][l]++;
          }
        }
      }
      partial[c] = local;
    });
    for (long[][] local : partial) {
      for (int f = 0; f < fields; f++) {
        for (int l = 0; l < local[f].length; l++) {
          counts[f][l] += local[f][l];
        }
      }
    }
    patternsOut.items = pats;
    if (drawn < 100) {
      findings.add(Finding.info("FEW_RANDOM_PAIRS", "", null,
          "only " + drawn + " random pairs could be drawn; u probabilities are rough"));
    }
    double[][] u = new double[fields][];
    for (int f = 0; f < fields; f++) {
      FieldRule rule = comparer.rules[f];
      int levels = counts[f].length;
      u[f] = new double[levels];
      if (rule.u() != null) {
        for (int l = 0; l < levels; l++) {
          u[f][l] = rule.u().get(l);
        }
        continue;
      }
      long sum = 0;
      for (long c : counts[f]) {
        sum += c;
      }
      for (int l = 0; l < levels; l++) {
        u[f][l] = (counts[f][l] + 1.0) / (sum + levels);
      }
    }
    return u;
  }
}
