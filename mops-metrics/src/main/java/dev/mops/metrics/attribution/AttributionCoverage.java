package dev.mops.metrics.attribution;

import dev.mops.core.normalize.PlaceholderValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Attribution coverage: the share of converted value (pipeline or revenue) tied to a campaign and
 * a channel, and the largest deals that are not. A converted journey is <em>covered</em> when at
 * least one of its touchpoints in the lookback window carries a valid channel and a valid campaign
 * together; otherwise the gap is named: no touchpoint in the window, no valid channel, or valid
 * channels without a valid campaign.
 *
 * <p>Validity is given as predicates (the CLI uses a taxonomy's channel group and naming
 * convention when it has them); by default a channel is valid unless empty, {@link
 * Journeys#NO_CHANNEL}, {@code Unassigned}, {@code (other)}, {@code (not set)} or a placeholder
 * value of mops-core's list, and a campaign is valid unless empty, {@code (not set)}, {@code
 * (none)}, {@code (direct)}, {@code (organic)}, {@code (referral)} or a placeholder.
 *
 * <p>Memory: the largest uncovered deals are kept in a bounded heap; the rest is a few counters.
 *
 * <p>Thread safety: an immutable value.
 */
public final class AttributionCoverage {

  /** Why a converted journey is not covered. */
  public enum Gap {
    /** No touchpoint in the lookback window before the conversion. */
    NO_TOUCHPOINTS,
    /** Touchpoints, but none with a valid channel. */
    NO_VALID_CHANNEL,
    /** Valid channels, but no touchpoint with one carries a valid campaign. */
    NO_CAMPAIGN
  }

  /**
   * A converted journey that is not covered.
   *
   * <p>Thread safety: an immutable value.
   *
   * @param journeyId the journey
   * @param value its converted value
   * @param gap why it is not covered
   */
  public record UncoveredDeal(String journeyId, double value, Gap gap) {}

  private static final Set<String> NOT_CHANNELS = Set.of("", "(none)", "unassigned", "(unassigned)", "(other)",
      "(not set)", "not set");
  private static final Set<String> NOT_CAMPAIGNS = Set.of("", "(not set)", "not set", "(none)", "(direct)",
      "(organic)", "(referral)", "(not provided)");

  private final long conversions;
  private final long coveredConversions;
  private final double convertedValue;
  private final double coveredValue;
  private final Map<Gap, Long> gaps;
  private final Map<Gap, Double> gapValues;
  private final List<UncoveredDeal> largest;

  private AttributionCoverage(long conversions, long coveredConversions, double convertedValue, double coveredValue,
      Map<Gap, Long> gaps, Map<Gap, Double> gapValues, List<UncoveredDeal> largest) {
    this.conversions = conversions;
    this.coveredConversions = coveredConversions;
    this.convertedValue = convertedValue;
    this.coveredValue = coveredValue;
    this.gaps = Map.copyOf(gaps);
    this.gapValues = Map.copyOf(gapValues);
    this.largest = List.copyOf(largest);
  }

  /** Returns whether {@code channel} is valid by default (see the class description). */
  public static boolean isValidChannel(String channel) {
    String s = channel.trim().toLowerCase(Locale.ROOT);
    return !NOT_CHANNELS.contains(s) && !PlaceholderValues.isPlaceholder(PlaceholderValues.Kind.VALUE, s);
  }

  /** Returns whether {@code campaign} is valid by default (see the class description). */
  public static boolean isValidCampaign(String campaign) {
    String s = campaign.trim().toLowerCase(Locale.ROOT);
    return !NOT_CAMPAIGNS.contains(s) && !PlaceholderValues.isPlaceholder(PlaceholderValues.Kind.VALUE, s);
  }

  /** Measures coverage with the default validity, keeping the 10 largest uncovered deals. */
  public static AttributionCoverage measure(Journeys journeys, @Nullable Duration lookback) {
    return measure(journeys, lookback, AttributionCoverage::isValidChannel, AttributionCoverage::isValidCampaign, 10);
  }

  /**
   * Measures coverage of the converted journeys, looking at the touchpoints within {@code
   * lookback} before each conversion ({@code null}: all before it).
   *
   * @param largest how many of the largest uncovered deals to keep (by value, then journey id)
   * @throws IllegalArgumentException when {@code largest} is negative
   */
  public static AttributionCoverage measure(Journeys journeys, @Nullable Duration lookback,
      Predicate<String> validChannel, Predicate<String> validCampaign, int largest) {
    Objects.requireNonNull(validChannel, "validChannel");
    Objects.requireNonNull(validCampaign, "validCampaign");
    if (largest < 0) {
      throw new IllegalArgumentException("largest must not be negative, got " + largest);
    }
    Texts.checkLookback(lookback);
    boolean[] channelOk = new boolean[journeys.channels.length];
    for (int c = 0; c < channelOk.length; c++) {
      channelOk[c] = validChannel.test(journeys.channels[c]);
    }
    int pairs = journeys.pairChannel.length;
    boolean[] pairOk = new boolean[pairs];
    for (int p = 0; p < pairs; p++) {
      pairOk[p] = channelOk[journeys.pairChannel[p]] && validCampaign.test(journeys.campaigns[journeys.pairCampaign[p]]);
    }
    Comparator<UncoveredDeal> smallestFirst = Comparator.comparingDouble(UncoveredDeal::value)
        .thenComparing(UncoveredDeal::journeyId, Comparator.reverseOrder());
    PriorityQueue<UncoveredDeal> heap = new PriorityQueue<>(Math.max(1, largest + 1), smallestFirst);
    Map<Gap, Long> gaps = new EnumMap<>(Gap.class);
    Map<Gap, Double> gapValues = new EnumMap<>(Gap.class);
    for (Gap g : Gap.values()) {
      gaps.put(g, 0L);
      gapValues.put(g, 0.0);
    }
    long conversions = 0;
    long covered = 0;
    double value = 0;
    double coveredValue = 0;
    Window w = new Window(journeys, lookback);
    for (int j = 0; j < journeys.size(); j++) {
      if (!journeys.converted(j)) {
        continue;
      }
      conversions++;
      double v = journeys.value[j];
      value += v;
      w.of(j);
      Gap gap = w.from == w.to ? Gap.NO_TOUCHPOINTS : Gap.NO_VALID_CHANNEL;
      for (int i = w.from; i < w.to && gap != null; i++) {
        if (pairOk[journeys.pair[i]]) {
          gap = null;
        } else if (channelOk[journeys.channel[i]]) {
          gap = Gap.NO_CAMPAIGN;
        }
      }
      if (gap == null) {
        covered++;
        coveredValue += v;
        continue;
      }
      gaps.merge(gap, 1L, Long::sum);
      gapValues.merge(gap, v, Double::sum);
      if (largest > 0) {
        heap.add(new UncoveredDeal(journeys.journeyIds[j], v, gap));
        if (heap.size() > largest) {
          heap.poll();
        }
      }
    }
    List<UncoveredDeal> top = new ArrayList<>(heap);
    top.sort(smallestFirst.reversed());
    return new AttributionCoverage(conversions, covered, value, coveredValue, gaps, gapValues, top);
  }

  /** Returns the converted journeys. */
  public long conversions() {
    return conversions;
  }

  /** Returns the converted journeys that are covered. */
  public long coveredConversions() {
    return coveredConversions;
  }

  /** Returns the converted value. */
  public double convertedValue() {
    return convertedValue;
  }

  /** Returns the converted value of the covered journeys. */
  public double coveredValue() {
    return coveredValue;
  }

  /** Returns covered value over converted value: attribution coverage; {@code NaN} when nothing converted. */
  public double valueShare() {
    return conversions == 0 ? Double.NaN : convertedValue == 0 ? (double) coveredConversions / conversions
        : coveredValue / convertedValue;
  }

  /** Returns covered conversions over conversions; {@code NaN} when nothing converted. */
  public double conversionShare() {
    return conversions == 0 ? Double.NaN : (double) coveredConversions / conversions;
  }

  /** Returns the uncovered conversions with {@code gap}. */
  public long uncovered(Gap gap) {
    return Objects.requireNonNull(gaps.get(gap));
  }

  /** Returns the value of the uncovered conversions with {@code gap}. */
  public double uncoveredValue(Gap gap) {
    return Objects.requireNonNull(gapValues.get(gap));
  }

  /** Returns the largest uncovered deals, largest first (ties by journey id). */
  public List<UncoveredDeal> largestUncovered() {
    return largest;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "coverage %.1f%% of value (%d of %d conversions)", valueShare() * 100,
        coveredConversions, conversions);
  }
}
