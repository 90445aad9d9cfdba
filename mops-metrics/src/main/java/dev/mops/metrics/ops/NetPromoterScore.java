package dev.mops.metrics.ops;

/**
 * A mergeable Net Promoter Score of stakeholder survey answers on the 0 to 10 scale: promoters
 * answer 9 or 10, passives 7 or 8, detractors 0 to 6; the score is the percentage of promoters
 * minus the percentage of detractors, from -100 to 100.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param promoters answers of 9 or 10
 * @param passives answers of 7 or 8
 * @param detractors answers of 0 to 6
 */
public record NetPromoterScore(long promoters, long passives, long detractors) {

  /** Validates the counts. */
  public NetPromoterScore {
    if (promoters < 0 || passives < 0 || detractors < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** Returns the score of no answers. */
  public static NetPromoterScore none() {
    return new NetPromoterScore(0, 0, 0);
  }

  /**
   * Returns this score with one more answer.
   *
   * @throws IllegalArgumentException when {@code answer} is not a whole number from 0 to 10
   */
  public NetPromoterScore plus(int answer) {
    if (answer < 0 || answer > 10) {
      throw new IllegalArgumentException("an NPS answer is from 0 to 10, found " + answer);
    }
    return answer >= 9 ? new NetPromoterScore(promoters + 1, passives, detractors)
        : answer >= 7 ? new NetPromoterScore(promoters, passives + 1, detractors)
        : new NetPromoterScore(promoters, passives, detractors + 1);
  }

  /** Returns the score of both sets of answers together. */
  public NetPromoterScore merge(NetPromoterScore o) {
    return new NetPromoterScore(promoters + o.promoters, passives + o.passives, detractors + o.detractors);
  }

  /** Returns the number of answers. */
  public long answers() {
    return promoters + passives + detractors;
  }

  /** Returns the score from -100 to 100, {@code NaN} without answers. */
  public double score() {
    long n = answers();
    return n == 0 ? Double.NaN : 100.0 * (promoters - detractors) / n;
  }
}
