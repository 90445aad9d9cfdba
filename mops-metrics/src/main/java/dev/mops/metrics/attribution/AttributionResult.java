package dev.mops.metrics.attribution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an attribution model gave a journey set: credit per channel and campaign, the channel
 * weights of a data-driven model, and an account of every touchpoint and journey.
 *
 * <p>Accounting: the touchpoints of {@link #touchpoints(TouchUse)} add up to the journey set's
 * touchpoints; converted journeys are attributed or unattributed (no touchpoint in the window), and
 * {@code attributedValue() + unattributedValue()} is the converted value. The credit of all rows
 * adds up to the attributed value (up to rounding).
 *
 * <p>Thread safety: an immutable value.
 */
public final class AttributionResult {

  private final AttributionModel model;
  private final List<ChannelCredit> rows;
  private final Map<String, Double> channelWeights;
  private final Map<TouchUse, Long> touches;
  private final long attributedConversions;
  private final long unattributedConversions;
  private final long notConverted;
  private final double attributedValue;
  private final double unattributedValue;

  AttributionResult(AttributionModel model, List<ChannelCredit> rows, Map<String, Double> channelWeights,
      Map<TouchUse, Long> touches, long attributedConversions, long unattributedConversions, long notConverted,
      double attributedValue, double unattributedValue) {
    this.model = model;
    this.rows = List.copyOf(rows);
    this.channelWeights = Collections.unmodifiableMap(new TreeMap<>(channelWeights));
    EnumMap<TouchUse, Long> t = new EnumMap<>(TouchUse.class);
    for (TouchUse u : TouchUse.values()) {
      t.put(u, touches.getOrDefault(u, 0L));
    }
    this.touches = Collections.unmodifiableMap(t);
    this.attributedConversions = attributedConversions;
    this.unattributedConversions = unattributedConversions;
    this.notConverted = notConverted;
    this.attributedValue = attributedValue;
    this.unattributedValue = unattributedValue;
  }

  /** Returns the model that produced this result. */
  public AttributionModel model() {
    return model;
  }

  /** Returns the credit per channel and campaign, ordered by channel, then campaign. */
  public List<ChannelCredit> rows() {
    return rows;
  }

  /** Returns the credit per channel (campaigns added up, {@code campaign} empty), ordered by channel. */
  public List<ChannelCredit> byChannel() {
    return group(true);
  }

  /** Returns the credit per campaign (channels added up, {@code channel} empty), ordered by campaign. */
  public List<ChannelCredit> byCampaign() {
    return group(false);
  }

  private List<ChannelCredit> group(boolean byChannel) {
    Map<String, double[]> sums = new TreeMap<>();
    for (ChannelCredit r : rows) {
      double[] s = sums.computeIfAbsent(byChannel ? r.channel() : r.campaign(), k -> new double[3]);
      s[0] += r.credit();
      s[1] += r.conversions();
      s[2] += r.cost();
    }
    List<ChannelCredit> out = new ArrayList<>(sums.size());
    sums.forEach((k, s) -> out.add(byChannel ? new ChannelCredit(k, "", s[0], s[1], s[2])
        : new ChannelCredit("", k, s[0], s[1], s[2])));
    return List.copyOf(out);
  }

  /**
   * Returns the weight of each channel in a data-driven model: the removal effect (Markov) or the
   * Shapley value; empty for rule-based models.
   */
  public Map<String, Double> channelWeights() {
    return channelWeights;
  }

  /** Returns how many touchpoints were put to {@code use}. */
  public long touchpoints(TouchUse use) {
    return Objects.requireNonNull(touches.get(use));
  }

  /** Returns the touchpoints by use (every use present). */
  public Map<TouchUse, Long> touchpoints() {
    return touches;
  }

  /** Returns the converted journeys whose value was attributed. */
  public long attributedConversions() {
    return attributedConversions;
  }

  /** Returns the converted journeys with no touchpoint in the window: their value is unattributed. */
  public long unattributedConversions() {
    return unattributedConversions;
  }

  /** Returns the journeys that did not convert. */
  public long notConverted() {
    return notConverted;
  }

  /** Returns the value of the attributed conversions (the credit of all rows adds up to it). */
  public double attributedValue() {
    return attributedValue;
  }

  /** Returns the value of the unattributed conversions. */
  public double unattributedValue() {
    return unattributedValue;
  }

  /** Returns the credit of all rows added up. */
  public double totalCredit() {
    double s = 0;
    for (ChannelCredit r : rows) {
      s += r.credit();
    }
    return s;
  }

  @Override
  public String toString() {
    return model.description() + ": " + rows.size() + " channel/campaign rows, " + attributedConversions
        + " conversions attributed (" + attributedValue + "), " + unattributedConversions + " unattributed";
  }
}
