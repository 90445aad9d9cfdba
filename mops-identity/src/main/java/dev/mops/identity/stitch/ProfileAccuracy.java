package dev.mops.identity.stitch;

/**
 * How well profiles match known truth: pairwise precision and recall over identifiers (two
 * identifiers of one person should share a profile; two of different people should not), and the
 * number of profiles per person.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param truePairs pairs of identifiers in one profile that belong to one person
 * @param predictedPairs pairs of identifiers in one profile (among those with truth)
 * @param actualPairs pairs of identifiers that belong to one person
 * @param persons distinct persons in the truth
 * @param profilesOfPersons the sum over persons of the distinct profiles their identifiers are in
 * @param truthIdentifiers identifiers with truth
 * @param missing identifiers with truth that no profile holds (refused or never seen), counted as
 *     profiles of their own
 */
public record ProfileAccuracy(
    long truePairs,
    long predictedPairs,
    long actualPairs,
    long persons,
    long profilesOfPersons,
    long truthIdentifiers,
    long missing) {

  static ProfileAccuracy of(long tp, long predicted, long actual, long persons, long profilesOfPersons,
      long truthIdentifiers, long missing) {
    return new ProfileAccuracy(tp, predicted, actual, persons, profilesOfPersons, truthIdentifiers, missing);
  }

  /** Returns the pairwise precision (1 when no pair was predicted). */
  public double precision() {
    return predictedPairs == 0 ? 1 : (double) truePairs / predictedPairs;
  }

  /** Returns the pairwise recall (1 when no pair was expected). */
  public double recall() {
    return actualPairs == 0 ? 1 : (double) truePairs / actualPairs;
  }

  /** Returns the harmonic mean of precision and recall. */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Returns the mean number of profiles per person (1 is perfect recall). */
  public double profilesPerPerson() {
    return persons == 0 ? 0 : (double) profilesOfPersons / persons;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "precision %.4f, recall %.4f, F1 %.4f, %.3f profiles per person (%d persons, %d identifiers, %d missing)",
        precision(), recall(), f1(), profilesPerPerson(), persons, truthIdentifiers, missing);
  }
}
