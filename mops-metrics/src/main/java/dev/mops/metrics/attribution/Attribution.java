package dev.mops.metrics.attribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runs attribution models over journey sets: credit per channel and campaign with cost and ROI
 * ({@link #run}), and the credit of each touchpoint of one journey ({@link #journeyCredit}).
 *
 * <pre>{@code
 * AttributionResult r = Attribution.run(journeys, AttributionModel.timeDecay(Duration.ofDays(7))
 *     .withLookback(Duration.ofDays(90)));
 * r.byChannel();   // credit, conversions, cost, roi() per channel
 * }</pre>
 *
 * <p>A run takes time linear in the touchpoints (rule-based models allocate nothing per journey)
 * and memory linear in the distinct channel and campaign pairs; data-driven models also build
 * their chain or coalition table (see {@link MarkovModel}, {@link ShapleyModel}).
 *
 * <p>Thread safety: stateless; safe to call from any thread, also on the same journeys.
 */
public final class Attribution {

  private Attribution() {}

  /**
   * Runs {@code model} over {@code journeys}.
   *
   * @throws IllegalArgumentException when a data-driven model's resource limit is reached
   */
  public static AttributionResult run(Journeys journeys, AttributionModel model) {
    Objects.requireNonNull(journeys, "journeys");
    Objects.requireNonNull(model, "model");
    int pairs = journeys.pairChannel.length;
    double[] credit = new double[pairs];
    double[] conversions = new double[pairs];
    long inWindow = 0;
    long afterConversion = 0;
    long outsideLookback = 0;
    long notConvertedTouches = 0;
    long attributed = 0;
    long unattributed = 0;
    long notConverted = 0;
    double attributedValue = 0;
    double unattributedValue = 0;
    Window w = new Window(journeys, model.lookback());
    Map<String, Double> weights = new HashMap<>();
    if (model instanceof RuleBasedModel rules) {
      boolean[] direct = rules.directFlags(journeys);
      double[] shares = new double[Math.max(1, maxTouchpoints(journeys))];
      for (int j = 0; j < journeys.size(); j++) {
        int s = journeys.start[j];
        int e = journeys.start[j + 1];
        if (!journeys.converted(j)) {
          notConverted++;
          notConvertedTouches += e - s;
          continue;
        }
        w.of(j);
        outsideLookback += w.from - s;
        afterConversion += e - w.to;
        inWindow += w.to - w.from;
        double value = journeys.value[j];
        if (w.from == w.to) {
          unattributed++;
          unattributedValue += value;
          continue;
        }
        attributed++;
        attributedValue += value;
        rules.shares(journeys, w.from, w.to, journeys.convertedAt[j], direct, shares);
        for (int i = w.from; i < w.to; i++) {
          double share = shares[i - w.from];
          int p = journeys.pair[i];
          credit[p] += share * value;
          conversions[p] += share;
        }
      }
    } else {
      double[] raw = model instanceof MarkovModel markov ? markov.channelValues(journeys)
          : ((ShapleyModel) model).channelValues(journeys);
      int channels = journeys.channels.length;
      double[] channelWeight = new double[channels];
      for (int c = 0; c < channels; c++) {
        channelWeight[c] = Double.isNaN(raw[c]) ? 0 : Math.max(0, raw[c]);
      }
      double[] presenceValue = new double[pairs];
      double[] presenceCount = new double[pairs];
      double[] presenceAll = new double[pairs];
      int[] perChannel = new int[channels];
      for (int j = 0; j < journeys.size(); j++) {
        int s = journeys.start[j];
        int e = journeys.start[j + 1];
        if (!journeys.converted(j)) {
          notConverted++;
          notConvertedTouches += e - s;
          w.of(j);
          presence(journeys, w, perChannel, presenceAll, null, 0);
          continue;
        }
        w.of(j);
        outsideLookback += w.from - s;
        afterConversion += e - w.to;
        inWindow += w.to - w.from;
        double value = journeys.value[j];
        if (w.from == w.to) {
          unattributed++;
          unattributedValue += value;
          continue;
        }
        attributed++;
        attributedValue += value;
        presence(journeys, w, perChannel, presenceCount, presenceValue, value);
        presence(journeys, w, perChannel, presenceAll, null, 0);
      }
      double weightSum = 0;
      for (int c = 0; c < channels; c++) {
        weightSum += channelWeight[c];
      }
      double[] channelValue = new double[channels];
      double[] channelCount = new double[channels];
      double[] channelAll = new double[channels];
      for (int p = 0; p < pairs; p++) {
        channelValue[journeys.pairChannel[p]] += presenceValue[p];
        channelCount[journeys.pairChannel[p]] += presenceCount[p];
        channelAll[journeys.pairChannel[p]] += presenceAll[p];
      }
      if (weightSum > 0) {
        // a channel's credit goes to its campaigns by their presence in converting journeys (by value, else by
        // count), or in all journeys for a channel that was never on a converting path
        for (int p = 0; p < pairs; p++) {
          int c = journeys.pairChannel[p];
          double share = channelWeight[c] / weightSum;
          if (share == 0 || channelAll[c] == 0) {
            continue;
          }
          double countSplit = channelCount[c] > 0 ? presenceCount[p] / channelCount[c] : presenceAll[p] / channelAll[c];
          double valueSplit = channelValue[c] > 0 ? presenceValue[p] / channelValue[c] : countSplit;
          credit[p] = attributedValue * share * valueSplit;
          conversions[p] = attributed * share * countSplit;
        }
      } else if (attributed > 0) {
        // no channel carries weight (a degenerate game): nothing can be attributed
        unattributed += attributed;
        unattributedValue += attributedValue;
        attributed = 0;
        attributedValue = 0;
      }
      for (int c = 0; c < channels; c++) {
        if (!Double.isNaN(raw[c])) {
          weights.put(journeys.channels[c], raw[c]);
        }
      }
    }
    List<ChannelCredit> rows = new ArrayList<>();
    for (int p = 0; p < pairs; p++) {
      if (credit[p] != 0 || conversions[p] != 0 || journeys.pairCost[p] != 0) {
        rows.add(new ChannelCredit(journeys.channels[journeys.pairChannel[p]],
            journeys.campaigns[journeys.pairCampaign[p]], credit[p], conversions[p], journeys.pairCost[p]));
      }
    }
    rows.sort(Comparator.comparing(ChannelCredit::channel).thenComparing(ChannelCredit::campaign));
    Map<TouchUse, Long> touchUses = new EnumMap<>(TouchUse.class);
    touchUses.put(TouchUse.IN_WINDOW, inWindow);
    touchUses.put(TouchUse.AFTER_CONVERSION, afterConversion);
    touchUses.put(TouchUse.OUTSIDE_LOOKBACK, outsideLookback);
    touchUses.put(TouchUse.NOT_CONVERTED, notConvertedTouches);
    return new AttributionResult(model, rows, weights, touchUses, attributed, unattributed, notConverted,
        attributedValue, unattributedValue);
  }

  /**
   * Returns the credit a rule-based model gives each touchpoint in the window of journey {@code
   * journey} (in time order; empty when it did not convert or has no touchpoint in the window).
   *
   * @throws IndexOutOfBoundsException when there is no such journey
   */
  public static List<TouchCredit> journeyCredit(Journeys journeys, RuleBasedModel model, int journey) {
    Objects.checkIndex(journey, journeys.size());
    if (!journeys.converted(journey)) {
      return List.of();
    }
    Window w = new Window(journeys, model.lookback());
    w.of(journey);
    if (w.from == w.to) {
      return List.of();
    }
    double[] shares = new double[w.to - w.from];
    model.shares(journeys, w.from, w.to, journeys.convertedAt[journey], model.directFlags(journeys), shares);
    double value = journeys.value[journey];
    List<TouchCredit> out = new ArrayList<>(shares.length);
    for (int i = w.from; i < w.to; i++) {
      int p = journeys.pair[i];
      double share = shares[i - w.from];
      out.add(new TouchCredit(Instant.ofEpochMilli(journeys.time[i]), journeys.channels[journeys.pairChannel[p]],
          journeys.campaigns[journeys.pairCampaign[p]], share, share * value));
    }
    return List.copyOf(out);
  }

  /**
   * Adds the presence of each channel and campaign pair in the window of {@code w}: each touchpoint
   * counts one over the touchpoints of its channel in the window (and {@code value} over them).
   */
  private static void presence(Journeys js, Window w, int[] perChannel, double[] count, double @Nullable [] byValue,
      double value) {
    for (int i = w.from; i < w.to; i++) {
      perChannel[js.channel[i]]++;
    }
    for (int i = w.from; i < w.to; i++) {
      int n = perChannel[js.channel[i]];
      count[js.pair[i]] += 1.0 / n;
      if (byValue != null) {
        byValue[js.pair[i]] += value / n;
      }
    }
    for (int i = w.from; i < w.to; i++) {
      perChannel[js.channel[i]] = 0;
    }
  }

  private static int maxTouchpoints(Journeys js) {
    int max = 0;
    for (int j = 0; j < js.size(); j++) {
      max = Math.max(max, js.start[j + 1] - js.start[j]);
    }
    return max;
  }
}
