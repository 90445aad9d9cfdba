package dev.mops.metrics.attribution;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A rule-based attribution model: first touch, last touch, last non-direct touch, linear, time
 * decay, position-based (U-shaped) or W-shaped. Each gives every touchpoint of a converted journey
 * (within the lookback window) a share of its value; the shares of a journey add up to 1. Built by
 * the factories of {@link AttributionModel}.
 *
 * <p>Thread safety: an immutable value.
 */
public final class RuleBasedModel implements AttributionModel {

  /** An infinite half-life: time decay with it is the linear model. */
  public static final Duration INFINITE = ChronoUnit.FOREVER.getDuration();

  /** The channels the last non-direct model skips by default (compared ignoring case). */
  public static final Set<String> DEFAULT_DIRECT_CHANNELS = Set.of("direct", "(direct)");

  enum Kind {
    FIRST("first"), LAST("last"), LAST_NON_DIRECT("last_non_direct"), LINEAR("linear"), TIME_DECAY("time_decay"),
    POSITION("position"), W_SHAPED("w_shaped");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  static final RuleBasedModel FIRST = new RuleBasedModel(Kind.FIRST);
  static final RuleBasedModel LAST = new RuleBasedModel(Kind.LAST);
  static final RuleBasedModel LAST_NON_DIRECT = new RuleBasedModel(Kind.LAST_NON_DIRECT);
  static final RuleBasedModel LINEAR = new RuleBasedModel(Kind.LINEAR);
  static final RuleBasedModel POSITION = new RuleBasedModel(Kind.POSITION);
  static final RuleBasedModel W_SHAPED = new RuleBasedModel(Kind.W_SHAPED);

  private final Kind kind;
  private final @Nullable Duration lookback;
  private final Duration halfLife;
  private final double halfLifeMillis;
  private final double first;
  private final double last;
  private final double lead;
  private final double opportunity;
  private final double others;
  private final Set<String> direct;

  private RuleBasedModel(Kind kind) {
    this(kind, null, INFINITE, kind == Kind.W_SHAPED ? 0.3 : 0.4, 0.4, 0.3, 0.3, 0.1, DEFAULT_DIRECT_CHANNELS);
  }

  private RuleBasedModel(Kind kind, @Nullable Duration lookback, Duration halfLife, double first, double last,
      double lead, double opportunity, double others, Set<String> direct) {
    this.kind = kind;
    this.lookback = lookback;
    this.halfLife = halfLife;
    this.halfLifeMillis = halfLife.equals(INFINITE) ? Double.POSITIVE_INFINITY : halfLife.toMillis();
    this.first = first;
    this.last = last;
    this.lead = lead;
    this.opportunity = opportunity;
    this.others = others;
    this.direct = direct;
  }

  static RuleBasedModel timeDecay(Duration halfLife) {
    Objects.requireNonNull(halfLife, "halfLife");
    if (halfLife.isNegative() || halfLife.isZero() || (!halfLife.equals(INFINITE) && halfLife.toMillis() == 0)) {
      throw new IllegalArgumentException("the half-life must be at least a millisecond, got " + halfLife);
    }
    return new RuleBasedModel(Kind.TIME_DECAY, null, halfLife, 0.4, 0.4, 0.3, 0.3, 0.1, DEFAULT_DIRECT_CHANNELS);
  }

  static RuleBasedModel positionBased(double first, double last) {
    if (!(first >= 0) || !(last >= 0) || first + last > 1 + 1e-12 || first + last == 0) {
      throw new IllegalArgumentException("position-based shares need 0 <= first, last and 0 < first + last <= 1, got "
          + first + " and " + last);
    }
    return new RuleBasedModel(Kind.POSITION, null, INFINITE, first, last, 0.3, 0.3, 0.1, DEFAULT_DIRECT_CHANNELS);
  }

  static RuleBasedModel wShaped(double first, double lead, double opportunity, double others) {
    for (double x : new double[] {first, lead, opportunity, others}) {
      if (!(x >= 0) || Double.isInfinite(x)) {
        throw new IllegalArgumentException("W-shaped shares must be finite and not negative, got " + first + ", " + lead
            + ", " + opportunity + ", " + others);
      }
    }
    if (first + lead + opportunity + others == 0) {
      throw new IllegalArgumentException("W-shaped shares must not all be zero");
    }
    return new RuleBasedModel(Kind.W_SHAPED, null, INFINITE, first, 0.4, lead, opportunity, others,
        DEFAULT_DIRECT_CHANNELS);
  }

  /**
   * Returns this model (last non-direct) with other direct channels, compared ignoring case.
   *
   * @throws IllegalStateException when this is not the last non-direct model
   */
  public RuleBasedModel withDirectChannels(Collection<String> channels) {
    if (kind != Kind.LAST_NON_DIRECT) {
      throw new IllegalStateException("direct channels are a setting of the last non-direct model, not of " + name());
    }
    Set<String> d = new TreeSet<>();
    for (String c : channels) {
      d.add(c.trim().toLowerCase(Locale.ROOT));
    }
    return new RuleBasedModel(kind, lookback, halfLife, first, last, lead, opportunity, others, Set.copyOf(d));
  }

  @Override
  public RuleBasedModel withLookback(@Nullable Duration lookback) {
    return new RuleBasedModel(kind, Texts.checkLookback(lookback), halfLife, first, last, lead, opportunity, others,
        direct);
  }

  @Override
  public String name() {
    return kind.label;
  }

  @Override
  public @Nullable Duration lookback() {
    return lookback;
  }

  /** Returns the half-life of the time-decay model ({@link #INFINITE} for the others). */
  public Duration halfLife() {
    return halfLife;
  }

  @Override
  public String description() {
    List<String> settings = new ArrayList<>();
    switch (kind) {
      case TIME_DECAY:
        settings.add("half-life " + Texts.duration(halfLife));
        break;
      case POSITION:
        settings.add(Texts.number(first) + "/" + Texts.number(Math.max(0, 1 - first - last)) + "/"
            + Texts.number(last));
        break;
      case W_SHAPED:
        settings.add(Texts.number(first) + "/" + Texts.number(lead) + "/" + Texts.number(opportunity) + "/"
            + Texts.number(others));
        break;
      case LAST_NON_DIRECT:
        settings.add("direct " + new TreeSet<>(direct));
        break;
      default:
        break;
    }
    if (lookback != null) {
      settings.add(Texts.lookback(lookback));
    }
    return settings.isEmpty() ? name() : name() + "(" + String.join(", ", settings) + ")";
  }

  /** Returns a flag per channel of {@code journeys}: whether this model takes it as direct. */
  boolean[] directFlags(Journeys journeys) {
    boolean[] flags = new boolean[journeys.channels.length];
    for (int c = 0; c < flags.length; c++) {
      String name = journeys.channels[c].toLowerCase(Locale.ROOT);
      flags[c] = direct.contains(name);
    }
    return flags;
  }

  /**
   * Fills {@code w[0 .. to - from)} with the shares of touchpoints {@code from} to {@code to} (not
   * empty, in time order) of a journey that converted at {@code end}; they add up to 1.
   */
  void shares(Journeys js, int from, int to, long end, boolean[] isDirect, double[] w) {
    int n = to - from;
    switch (kind) {
      case FIRST:
        java.util.Arrays.fill(w, 0, n, 0.0);
        w[0] = 1;
        return;
      case LAST:
        java.util.Arrays.fill(w, 0, n, 0.0);
        w[n - 1] = 1;
        return;
      case LAST_NON_DIRECT: {
        java.util.Arrays.fill(w, 0, n, 0.0);
        int k = n - 1;
        while (k >= 0 && isDirect[js.channel[from + k]]) {
          k--;
        }
        w[k < 0 ? n - 1 : k] = 1;
        return;
      }
      case LINEAR:
        java.util.Arrays.fill(w, 0, n, 1.0 / n);
        return;
      case TIME_DECAY: {
        if (halfLifeMillis == Double.POSITIVE_INFINITY) {
          java.util.Arrays.fill(w, 0, n, 1.0 / n);
          return;
        }
        // weights relative to the latest touchpoint, so that they never all underflow to zero
        long latest = js.time[to - 1];
        double sum = 0;
        for (int i = 0; i < n; i++) {
          double x = Math.exp(-Math.log(2) * (double) (latest - js.time[from + i]) / halfLifeMillis);
          w[i] = x;
          sum += x;
        }
        for (int i = 0; i < n; i++) {
          w[i] /= sum;
        }
        return;
      }
      case POSITION: {
        if (n == 1) {
          w[0] = 1;
          return;
        }
        if (n == 2) {
          w[0] = first / (first + last);
          w[1] = last / (first + last);
          return;
        }
        double middle = Math.max(0, 1 - first - last);
        double sum = first + last + middle;
        java.util.Arrays.fill(w, 0, n, middle / (n - 2) / sum);
        w[0] = first / sum;
        w[n - 1] = last / sum;
        return;
      }
      case W_SHAPED: {
        java.util.Arrays.fill(w, 0, n, 0.0);
        int leadAt = -1;
        int oppAt = -1;
        for (int i = 0; i < n; i++) {
          int m = js.marks[from + i];
          if (leadAt < 0 && (m & Milestone.LEAD_CREATED.bit()) != 0) {
            leadAt = i;
          }
          if (oppAt < 0 && (m & Milestone.OPPORTUNITY_CREATED.bit()) != 0) {
            oppAt = i;
          }
        }
        w[0] += first;
        if (leadAt >= 0) {
          w[leadAt] += lead;
        }
        if (oppAt >= 0) {
          w[oppAt] += opportunity;
        }
        int rest = 0;
        for (int i = 1; i < n; i++) {
          if (i != leadAt && i != oppAt) {
            rest++;
          }
        }
        if (rest > 0) {
          for (int i = 1; i < n; i++) {
            if (i != leadAt && i != oppAt) {
              w[i] += others / rest;
            }
          }
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
          sum += w[i];
        }
        if (sum == 0) {
          java.util.Arrays.fill(w, 0, n, 1.0 / n);
          return;
        }
        for (int i = 0; i < n; i++) {
          w[i] /= sum;
        }
        return;
      }
      default:
        throw new AssertionError(kind);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RuleBasedModel m && m.description().equals(description());
  }

  @Override
  public int hashCode() {
    return description().hashCode();
  }

  @Override
  public String toString() {
    return description();
  }
}
