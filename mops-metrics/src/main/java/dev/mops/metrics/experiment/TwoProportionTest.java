package dev.mops.metrics.experiment;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The two-proportion z-test of an A/B experiment on a conversion rate: how many subjects each arm
 * needs, and what a result says.
 *
 * <p>Sample size (two-sided, equal arms, no continuity correction, as in Fleiss, <i>Statistical
 * Methods for Rates and Proportions</i>): {@code n = (z(1-alpha/2) sqrt(2 pbar (1-pbar)) +
 * z(power) sqrt(p1 (1-p1) + p2 (1-p2)))^2 / (p2 - p1)^2} with {@code pbar = (p1 + p2) / 2},
 * rounded up. A result is tested with the pooled z statistic; its confidence interval for the
 * difference uses the unpooled (Wald) standard error.
 *
 * <p>Thread safety: stateless; all methods are safe to call from any thread.
 */
public final class TwoProportionTest {

  private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

  private TwoProportionTest() {}

  /**
   * Returns the subjects each arm needs to detect a change of the conversion rate from {@code
   * baseline} to {@code baseline + mde} with a two-sided test at {@code alpha} and the given power.
   *
   * @param baseline the control's conversion rate, over 0 and under 1
   * @param mde the minimum detectable effect, an absolute change of the rate (0.005 is half a
   *     point); not 0, and {@code baseline + mde} must stay over 0 and under 1
   * @param alpha the significance level, over 0 and under 1 (0.05)
   * @param power the probability of detecting the effect when it is there, over 0 and under 1 (0.8)
   * @throws IllegalArgumentException naming the bad argument
   */
  public static long sampleSizePerArm(double baseline, double mde, double alpha, double power) {
    open("baseline", baseline);
    open("alpha", alpha);
    open("power", power);
    if (mde == 0 || Double.isNaN(mde)) {
      throw new IllegalArgumentException("the minimum detectable effect must not be 0, found " + mde);
    }
    double p2 = baseline + mde;
    open("baseline + mde", p2);
    double pbar = (baseline + p2) / 2;
    double za = NORMAL.inverseCumulativeProbability(1 - alpha / 2);
    double zb = NORMAL.inverseCumulativeProbability(power);
    double a = za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(baseline * (1 - baseline) + p2 * (1 - p2));
    return (long) Math.ceil(a * a / (mde * mde) - 1e-9);
  }

  /**
   * Tests a result: {@code conversionsA} of {@code subjectsA} in the control, {@code conversionsB}
   * of {@code subjectsB} in the variant.
   *
   * @param confidence the level of the interval, over 0 and under 1 (0.95)
   * @throws IllegalArgumentException when a count is negative, conversions exceed subjects, or an
   *     arm is empty
   */
  public static Result test(long conversionsA, long subjectsA, long conversionsB, long subjectsB, double confidence) {
    open("confidence", confidence);
    if (subjectsA <= 0 || subjectsB <= 0 || conversionsA < 0 || conversionsB < 0 || conversionsA > subjectsA
        || conversionsB > subjectsB) {
      throw new IllegalArgumentException("expected 0 <= conversions <= subjects and subjects > 0 in each arm, found "
          + conversionsA + "/" + subjectsA + " and " + conversionsB + "/" + subjectsB);
    }
    double pa = (double) conversionsA / subjectsA;
    double pb = (double) conversionsB / subjectsB;
    double pooled = (double) (conversionsA + conversionsB) / (subjectsA + subjectsB);
    double sePooled = Math.sqrt(pooled * (1 - pooled) * (1.0 / subjectsA + 1.0 / subjectsB));
    double z = sePooled == 0 ? 0 : (pb - pa) / sePooled;
    double p = sePooled == 0 ? 1 : 2 * NORMAL.cumulativeProbability(-Math.abs(z));
    double se = Math.sqrt(pa * (1 - pa) / subjectsA + pb * (1 - pb) / subjectsB);
    double zc = NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
    return new Result(pa, pb, pb - pa, z, p, pb - pa - zc * se, pb - pa + zc * se);
  }

  private static void open(String name, double v) {
    if (!(v > 0 && v < 1)) {
      throw new IllegalArgumentException(name + " must be over 0 and under 1, found " + v);
    }
  }

  /**
   * The outcome of a two-proportion test.
   *
   * <p>Thread safety: an immutable value.
   *
   * @param rateA the control's conversion rate
   * @param rateB the variant's conversion rate
   * @param difference {@code rateB - rateA}
   * @param z the pooled z statistic
   * @param pValue the two-sided p-value
   * @param low the lower end of the confidence interval of the difference
   * @param high the upper end of the confidence interval of the difference
   */
  public record Result(double rateA, double rateB, double difference, double z, double pValue, double low, double high) {

    /** Returns whether the difference is significant at {@code alpha}. */
    public boolean significantAt(double alpha) {
      return pValue < alpha;
    }
  }
}
