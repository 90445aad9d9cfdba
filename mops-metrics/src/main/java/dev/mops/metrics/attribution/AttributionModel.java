package dev.mops.metrics.attribution;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An attribution model: how the value of a converted journey is shared out over the touchpoints
 * and channels that led to it. Rule-based models ({@link RuleBasedModel}) give each touchpoint of a
 * journey a share by its position or age; data-driven models ({@link MarkovModel}, {@link
 * ShapleyModel}) learn each channel's weight from all journeys, converting or not.
 *
 * <p>Every model has a lookback window: touchpoints earlier than the window before the conversion
 * are dropped (and counted), as are touchpoints after it. Without a lookback every touchpoint
 * before the conversion counts.
 *
 * <p>Thread safety: models are immutable values, safe to share.
 */
public sealed interface AttributionModel permits RuleBasedModel, MarkovModel, ShapleyModel {

  /** The model names {@link #named} accepts, as the CLI's {@code --model} does. */
  List<String> NAMES = List.of("first", "last", "last_non_direct", "linear", "time_decay", "position", "w_shaped",
      "markov", "shapley");

  /** Returns the model's short name, one of {@link #NAMES}. */
  String name();

  /** Returns the model with its settings, such as {@code time_decay(half-life 7d, lookback 90d)}. */
  String description();

  /** Returns the lookback window, or {@code null} when every touchpoint before the conversion counts. */
  @Nullable Duration lookback();

  /**
   * Returns this model with another lookback window ({@code null}: none).
   *
   * @throws IllegalArgumentException when the window is not positive
   */
  AttributionModel withLookback(@Nullable Duration lookback);

  /** Returns the first-touch model: all credit to the journey's first touchpoint. */
  static RuleBasedModel firstTouch() {
    return RuleBasedModel.FIRST;
  }

  /** Returns the last-touch model: all credit to the touchpoint just before the conversion. */
  static RuleBasedModel lastTouch() {
    return RuleBasedModel.LAST;
  }

  /**
   * Returns the last non-direct touch model: all credit to the last touchpoint whose channel is
   * not direct ({@link RuleBasedModel#DEFAULT_DIRECT_CHANNELS}), or to the last touchpoint when
   * every one is direct.
   */
  static RuleBasedModel lastNonDirect() {
    return RuleBasedModel.LAST_NON_DIRECT;
  }

  /** Returns the linear model: equal credit to every touchpoint. */
  static RuleBasedModel linear() {
    return RuleBasedModel.LINEAR;
  }

  /**
   * Returns the time-decay model: a touchpoint's weight halves with every {@code halfLife} it lies
   * before the conversion; an infinite half-life ({@link RuleBasedModel#INFINITE}) gives the
   * linear model.
   *
   * @throws IllegalArgumentException when the half-life is not positive
   */
  static RuleBasedModel timeDecay(Duration halfLife) {
    return RuleBasedModel.timeDecay(halfLife);
  }

  /** Returns the position-based (U-shaped) model: 40% to the first touchpoint, 40% to the last, 20% between. */
  static RuleBasedModel positionBased() {
    return RuleBasedModel.POSITION;
  }

  /**
   * Returns a position-based model with the given shares of the first and last touchpoints (the
   * rest goes to the ones between); a journey of two touchpoints splits in the ratio first:last.
   *
   * @throws IllegalArgumentException when a share is negative or they add up to more than 1
   */
  static RuleBasedModel positionBased(double first, double last) {
    return RuleBasedModel.positionBased(first, last);
  }

  /**
   * Returns the W-shaped model: 30% each to the first touchpoint, the lead-creation touchpoint and
   * the opportunity-creation touchpoint ({@link Milestone}), 10% over the others.
   */
  static RuleBasedModel wShaped() {
    return RuleBasedModel.W_SHAPED;
  }

  /**
   * Returns a W-shaped model with the given shares (they are used as weights: a journey missing a
   * milestone, or with no other touchpoints, shares the rest in proportion).
   *
   * @throws IllegalArgumentException when a share is negative or all are zero
   */
  static RuleBasedModel wShaped(double first, double lead, double opportunity, double others) {
    return RuleBasedModel.wShaped(first, lead, opportunity, others);
  }

  /** Returns the first-order Markov chain model (removal effect). */
  static MarkovModel markov() {
    return MarkovModel.of(1);
  }

  /**
   * Returns the Markov chain model of the given order (a state is the last {@code order} channels).
   *
   * @throws IllegalArgumentException when the order is not 1 to {@link MarkovModel#MAX_ORDER}
   */
  static MarkovModel markov(int order) {
    return MarkovModel.of(order);
  }

  /** Returns the Shapley-value model with its default seed and samples. */
  static ShapleyModel shapley() {
    return ShapleyModel.DEFAULT;
  }

  /**
   * Returns the model of a name in {@link #NAMES} with its default settings (time decay: a 7-day
   * half-life).
   *
   * @throws IllegalArgumentException for any other name (the message lists the names)
   */
  static AttributionModel named(String name) {
    switch (name.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
      case "first":
        return firstTouch();
      case "last":
        return lastTouch();
      case "last_non_direct":
        return lastNonDirect();
      case "linear":
        return linear();
      case "time_decay":
        return timeDecay(Duration.ofDays(7));
      case "position":
        return positionBased();
      case "w_shaped":
        return wShaped();
      case "markov":
        return markov();
      case "shapley":
        return shapley();
      default:
        throw new IllegalArgumentException("unknown attribution model '" + name + "'; expected one of " + NAMES);
    }
  }
}
