package dev.mops.identity.dedupe;

import org.jspecify.annotations.Nullable;

/**
 * Turns comparison patterns into match weights with a {@link MatchModel}: the field weights of
 * the pattern's levels, an exact agreement adjusted by the value's term frequency, and the fields
 * of one evidence group counted as one piece of evidence (their strongest agreement and their
 * strongest disagreement).
 *
 * <p>Thread safety: immutable; safe to share.
 */
final class Scorer {
  private static final double LN2 = Math.log(2);

  final MatchModel model;
  final double prior;
  final double[][] weights;
  /** Per field, its evidence group, or -1. */
  final int[] groupOf;
  final int groups;
  /** Per field, the top (exact) level. */
  final int[] top;
  /** Per field, u of the exact level. */
  final double[] uExact;
  /** The records the term frequencies were counted over; 0 when there is no adjustment. */
  final long tfRecords;
  final @Nullable TermFrequencies tf;
  /**
   * Per field, whether its disagreement is not counted when one record's email is personal and the
   * other's a work address ({@link DedupeConfig#emailDomains()}): the contact fields of the
   * record's evidence group, email, phone, address and postcode.
   */
  final boolean[] switchable;
  final boolean anySwitchable;
  /** Per field, whether its agreement lets a switch apply: the organisation (company, domain) of a group. */
  final boolean[] anchor;
  /** Per field, whether it is the place of a group (a text field such as the city). */
  final boolean[] place;

  Scorer(FieldComparer comparer, MatchModel model) {
    this(comparer, model, null);
  }

  Scorer(FieldComparer comparer, MatchModel model, @Nullable TermFrequencies tf) {
    this.model = model;
    this.prior = model.priorWeight();
    int fields = comparer.fieldCount();
    weights = new double[fields][];
    top = new int[fields];
    uExact = new double[fields];
    for (int f = 0; f < fields; f++) {
      MatchModel.FieldWeights fw = model.fields().get(f);
      weights[f] = new double[fw.m().size()];
      for (int l = 0; l < weights[f].length; l++) {
        weights[f][l] = Math.log(fw.m().get(l) / fw.u().get(l)) / LN2;
      }
      top[f] = weights[f].length - 1;
      uExact[f] = fw.u().get(top[f]);
    }
    DedupeConfig config = comparer.config;
    groupOf = new int[fields];
    java.util.Arrays.fill(groupOf, -1);
    int g = 0;
    for (java.util.List<String> group : config.evidenceGroups()) {
      for (String field : group) {
        groupOf[config.fieldIndex(field)] = g;
      }
      g++;
    }
    groups = g;
    switchable = new boolean[fields];
    anchor = new boolean[fields];
    place = new boolean[fields];
    boolean any = false;
    if (config.emailDomains() && comparer.firstEmail >= 0) {
      for (int f = 0; f < fields; f++) {
        FieldKind k = comparer.rules[f].kind();
        switchable[f] = groupOf[f] >= 0 && (k == FieldKind.EMAIL || k == FieldKind.PHONE || k == FieldKind.ADDRESS
            || k == FieldKind.POSTCODE);
        anchor[f] = groupOf[f] >= 0 && (k == FieldKind.COMPANY || k == FieldKind.DOMAIN);
        place[f] = groupOf[f] >= 0 && k == FieldKind.TEXT;
        any |= switchable[f];
      }
    }
    anySwitchable = any;
    this.tf = config.termFrequencies() ? tf : null;
    this.tfRecords = this.tf == null ? 0 : this.tf.records();
  }

  /** Returns the match weight (log2 odds) of a pattern, without term frequencies. */
  double weight(long pattern) {
    return weight(pattern, null, null);
  }

  /** Returns the weight of field {@code f} at {@code level} for the pair, term frequency included. */
  double fieldWeight(int f, int level, @Nullable PreparedRecord a, @Nullable PreparedRecord b) {
    double w = weights[f][level];
    if (level == top[f] && tfRecords > 0 && a != null && b != null) {
      int count = Math.max(a.valueCount[f], b.valueCount[f]);
      if (count > 0) {
        w += TermFrequencies.adjustment(uExact[f], count, tfRecords);
      }
    }
    return w;
  }

  /** Returns the match weight (log2 odds) of a pair with comparison pattern {@code pattern}. */
  double weight(long pattern, @Nullable PreparedRecord a, @Nullable PreparedRecord b) {
    double w = prior;
    for (int f = 0; f < weights.length; f++) {
      int l = FieldComparer.levelOf(pattern, f);
      if (l != FieldComparer.MISSING && groupOf[f] < 0) {
        w += fieldWeight(f, l, a, b);
      }
    }
    boolean switched = anySwitchable && switched(a, b);
    boolean otherDomain = anySwitchable && otherWorkDomains(a, b);
    for (int g = 0; g < groups; g++) {
      double pos = 0;
      double posPlace = 0;
      double neg = 0;
      double negKept = 0;
      boolean anchored = false;
      boolean placeAgrees = false;
      for (int f = 0; f < weights.length; f++) {
        int l = FieldComparer.levelOf(pattern, f);
        if (groupOf[f] == g && l != FieldComparer.MISSING) {
          double x = fieldWeight(f, l, a, b);
          pos = Math.max(pos, x);
          if (!anchor[f]) {
            posPlace = Math.max(posPlace, x);
          }
          neg = Math.min(neg, x);
          if (!switchable[f]) {
            negKept = Math.min(negKept, x);
          }
          anchored |= anchor[f] && x > 0;
          placeAgrees |= place[f] && x > 0;
        }
      }
      if (otherDomain) {
        // two organisations: work emails at two domains
        pos = posPlace;
        anchored = false;
      }
      // a sign-up from home: company and city agree, nothing but the contact details differs
      w += pos + (switched && anchored && placeAgrees && negKept == 0 ? 0 : neg);
    }
    return w;
  }

  /**
   * Whether one record's email is personal (free mail) and the other's a work address; the
   * switch applies to a group only when its organisation (company or domain) agrees.
   */
  static boolean switched(@Nullable PreparedRecord a, @Nullable PreparedRecord b) {
    return a != null && b != null && a.emailKind != PreparedRecord.NO_EMAIL && b.emailKind != PreparedRecord.NO_EMAIL
        && a.emailKind != b.emailKind;
  }

  /**
   * Whether both records have a work email and the domains differ: two organisations, whatever
   * their names share ({@code Apex Digital} in Boston and in New York).
   */
  static boolean otherWorkDomains(@Nullable PreparedRecord a, @Nullable PreparedRecord b) {
    return a != null && b != null && a.workDomain != null && b.workDomain != null && !a.workDomain.equals(b.workDomain);
  }

  static double probability(double weight) {
    return 1.0 / (1.0 + Math.pow(2, -weight));
  }
}
