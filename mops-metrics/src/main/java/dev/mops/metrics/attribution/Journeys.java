package dev.mops.metrics.attribution;

import dev.mops.core.Finding;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A set of customer journeys held in columns: each journey's touchpoints (time, channel, campaign,
 * cost, milestones) in time order, and its outcome (when it converted and for what value; a
 * journey without an outcome did not convert). Built once with a {@link Builder}, then read by any
 * number of {@link AttributionModel}s through {@link Attribution#run}.
 *
 * <p>Touchpoints are kept in primitive arrays: 17 bytes a touchpoint once built (29 while
 * building, in arrays that grow by doubling), plus each journey id and each distinct channel and
 * campaign once. A million journeys of 1 to 20 touchpoints (10.5 million) take about 250 MB. Touchpoints
 * of a journey are ordered by time; ties are broken by channel name, then campaign name, so the
 * order in which rows arrive never changes a result.
 *
 * <p>Resource limits: at most {@link #MAX_TOUCHPOINTS_PER_JOURNEY} touchpoints per journey (later
 * ones are rejected with a {@code TOO_MANY_TOUCHPOINTS} finding) and fewer than 2<sup>31</sup>
 * touchpoints in all.
 *
 * <p>Thread safety: immutable once built; safe to share between threads.
 */
public final class Journeys {

  /** Touchpoints kept per journey at most; later ones are rejected with a finding. */
  public static final int MAX_TOUCHPOINTS_PER_JOURNEY = 10_000;

  /** The channel given to a touchpoint whose channel is missing. */
  public static final String NO_CHANNEL = "(none)";

  /** Marks a journey that did not convert in {@code convertedAt}. */
  static final long NOT_CONVERTED = Long.MIN_VALUE;

  final String[] journeyIds;
  final int[] start;
  final long[] time;
  final int[] channel;
  final int[] pair;
  final byte[] marks;
  final String[] channels;
  final String[] campaigns;
  final int[] pairChannel;
  final int[] pairCampaign;
  final double[] pairCost;
  final long[] convertedAt;
  final double[] value;
  private final boolean hasCosts;
  private final InputCounts counts;

  private Journeys(Builder b, int[] order, int[] start) {
    int n = b.journeyCount;
    this.journeyIds = b.journeyNames.toArray(new String[0]);
    this.start = start;
    int t = b.size;
    this.time = new long[t];
    this.channel = new int[t];
    this.pair = new int[t];
    this.marks = new byte[t];
    Map<Long, Integer> pairs = new HashMap<>();
    List<int[]> pairList = new ArrayList<>();
    double[] costs = new double[16];
    for (int i = 0; i < t; i++) {
      int src = order[i];
      time[i] = b.time[src];
      channel[i] = b.channel[src];
      marks[i] = b.marks[src];
      long key = ((long) b.channel[src] << 32) | b.campaign[src];
      Integer p = pairs.get(key);
      if (p == null) {
        p = pairList.size();
        pairs.put(key, p);
        pairList.add(new int[] {b.channel[src], b.campaign[src]});
        if (p >= costs.length) {
          costs = Arrays.copyOf(costs, costs.length * 2);
        }
      }
      pair[i] = p;
      costs[p] += b.cost[src];
    }
    this.channels = b.channelNames.toArray(new String[0]);
    this.campaigns = b.campaignNames.toArray(new String[0]);
    this.pairChannel = new int[pairList.size()];
    this.pairCampaign = new int[pairList.size()];
    for (int p = 0; p < pairList.size(); p++) {
      pairChannel[p] = pairList.get(p)[0];
      pairCampaign[p] = pairList.get(p)[1];
    }
    this.pairCost = Arrays.copyOf(costs, pairList.size());
    this.convertedAt = Arrays.copyOf(b.convertedAt, n);
    this.value = Arrays.copyOf(b.value, n);
    this.hasCosts = b.hasCosts;
    this.counts = new InputCounts(b.touchpointRows, t, b.touchpointRows - t, b.outcomeRows, b.outcomesKept,
        b.outcomeRows - b.outcomesKept);
  }

  /** Returns a builder of a journey set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the number of journeys (with touchpoints, an outcome or both). */
  public int size() {
    return journeyIds.length;
  }

  /** Returns the number of touchpoints kept. */
  public int touchpoints() {
    return time.length;
  }

  /** Returns the id of journey {@code j} (0-based, in order of first appearance). */
  public String journeyId(int j) {
    return journeyIds[j];
  }

  /** Returns the number of touchpoints of journey {@code j}. */
  public int touchpoints(int j) {
    return start[j + 1] - start[j];
  }

  /** Returns whether journey {@code j} converted. */
  public boolean converted(int j) {
    return convertedAt[j] != NOT_CONVERTED;
  }

  /** Returns the conversion value of journey {@code j} (0 when it did not convert). */
  public double value(int j) {
    return value[j];
  }

  /** Returns the distinct channels, in order of first appearance. */
  public List<String> channels() {
    return List.of(channels);
  }

  /** Returns whether any touchpoint carried a cost (then ROI can be computed). */
  public boolean hasCosts() {
    return hasCosts;
  }

  /** Returns how many input rows were read, kept and rejected. */
  public InputCounts counts() {
    return counts;
  }

  /**
   * How many rows a journey set was given, and what became of each: every row is either kept or
   * rejected with a finding.
   *
   * <p>Thread safety: an immutable value.
   *
   * @param touchpointRows touchpoint rows given
   * @param touchpointsKept touchpoints kept
   * @param touchpointsRejected touchpoint rows rejected (each with an error finding)
   * @param outcomeRows outcome rows given
   * @param outcomesKept outcomes kept
   * @param outcomesRejected outcome rows rejected (each with an error finding)
   */
  public record InputCounts(long touchpointRows, long touchpointsKept, long touchpointsRejected, long outcomeRows,
      long outcomesKept, long outcomesRejected) {}

  /**
   * A builder of {@link Journeys}: takes touchpoints and outcomes in any order, typed or as
   * records (rows of a file, where bad values become findings).
   *
   * <p>Record fields: touchpoints have {@code journey_id}, {@code timestamp}, {@code channel} and
   * optionally {@code campaign}, {@code cost} and {@code milestone} ({@code lead} or {@code
   * opportunity}; several separated by {@code ;} or {@code |}); outcomes have {@code journey_id},
   * {@code converted_at} and {@code value}.
   *
   * <p>Thread safety: not thread-safe; {@link #build()} may be called once.
   */
  public static final class Builder {
    private static final Pattern MILESTONE_SEPARATOR = Pattern.compile("[;|]");
    private final Map<String, Integer> journeyIndex = new HashMap<>();
    private final List<String> journeyNames = new ArrayList<>();
    private final Map<String, Integer> channelIndex = new HashMap<>();
    private final List<String> channelNames = new ArrayList<>();
    private final Map<String, Integer> campaignIndex = new HashMap<>();
    private final List<String> campaignNames = new ArrayList<>();
    private int journeyCount;
    private int[] perJourney = new int[16];
    private long[] convertedAt = new long[16];
    private double[] value = new double[16];
    private int size;
    private int[] journey = new int[64];
    private long[] time = new long[64];
    private int[] channel = new int[64];
    private int[] campaign = new int[64];
    private double[] cost = new double[64];
    private byte[] marks = new byte[64];
    private long touchpointRows;
    private long outcomeRows;
    private long outcomesKept;
    private boolean hasCosts;
    private boolean built;

    private Builder() {
      campaignIndex.put("", 0);
      campaignNames.add("");
    }

    /**
     * Adds a touchpoint.
     *
     * @param journeyId the journey (a person, lead or account), not blank
     * @param at when it happened
     * @param channel its channel, not blank
     * @param campaign its campaign, or {@code null} (or empty) when it has none
     * @param cost what it cost, finite and not negative (0 when unknown)
     * @param milestones the funnel milestones it marks (for the W-shaped model)
     * @return whether it was kept ({@code false}: the journey already has {@link
     *     #MAX_TOUCHPOINTS_PER_JOURNEY} touchpoints)
     * @throws IllegalArgumentException when an argument breaks the rules above
     */
    public boolean touchpoint(String journeyId, Instant at, String channel, @Nullable String campaign, double cost,
        Collection<Milestone> milestones) {
      Objects.requireNonNull(at, "at");
      if (journeyId.isBlank()) {
        throw new IllegalArgumentException("journey id must not be blank");
      }
      if (channel.isBlank()) {
        throw new IllegalArgumentException("channel must not be blank (journey " + journeyId + ")");
      }
      if (!(cost >= 0) || Double.isInfinite(cost)) {
        throw new IllegalArgumentException("cost must be finite and not negative, got " + cost);
      }
      int m = 0;
      for (Milestone x : milestones) {
        m |= x.bit();
      }
      touchpointRows++;
      return add(journeyId, at.toEpochMilli(), channel, campaign == null ? "" : campaign, cost, m);
    }

    /** Adds a touchpoint without cost or milestones; see {@link #touchpoint(String, Instant, String, String, double, Collection)}. */
    public boolean touchpoint(String journeyId, Instant at, String channel, @Nullable String campaign) {
      return touchpoint(journeyId, at, channel, campaign, 0, List.of());
    }

    /**
     * Adds the outcome of a journey: it converted at {@code convertedAt} for {@code value}.
     *
     * @return whether it was kept ({@code false}: the journey already has an outcome, which stays)
     * @throws IllegalArgumentException when the id is blank or the value negative or not finite
     */
    public boolean outcome(String journeyId, Instant convertedAt, double value) {
      Objects.requireNonNull(convertedAt, "convertedAt");
      if (journeyId.isBlank()) {
        throw new IllegalArgumentException("journey id must not be blank");
      }
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("value must be finite and not negative, got " + value);
      }
      outcomeRows++;
      return addOutcome(journeyId, convertedAt.toEpochMilli(), value);
    }

    /**
     * Adds a touchpoint row; bad values become findings: a missing {@code journey_id} or a
     * {@code timestamp} that is not ISO-8601 rejects the row (errors {@code MISSING_VALUE}, {@code
     * BAD_TIMESTAMP}), as does a journey over the limit ({@code TOO_MANY_TOUCHPOINTS}); a missing
     * channel keeps the row under {@link Journeys#NO_CHANNEL} ({@code MISSING_VALUE} warning), a bad cost
     * counts as 0 ({@code NOT_A_NUMBER}, {@code NEGATIVE_COST} warnings), an unknown milestone is
     * ignored ({@code BAD_MILESTONE} warning).
     *
     * @return the findings, empty when the row was clean
     */
    public List<Finding> touchpoint(Record row) {
      touchpointRows++;
      List<Finding> findings = new ArrayList<>(1);
      String id = text(row, "journey_id");
      if (id == null) {
        findings.add(Finding.error("MISSING_VALUE", "journey_id", row.get("journey_id"),
            "the touchpoint has no journey id; it is rejected"));
        return findings;
      }
      Object rawTime = row.get("timestamp");
      Instant at = Values.asInstant(rawTime);
      if (at == null) {
        findings.add(Finding.error("BAD_TIMESTAMP", "timestamp", rawTime,
            "the touchpoint's timestamp is missing or not ISO-8601; it is rejected"));
        return findings;
      }
      String ch = text(row, "channel");
      if (ch == null) {
        findings.add(Finding.warning("MISSING_VALUE", "channel", row.get("channel"),
            "the touchpoint has no channel; it is kept under " + NO_CHANNEL));
        ch = NO_CHANNEL;
      }
      String cp = text(row, "campaign");
      double c = 0;
      Object rawCost = row.get("cost");
      if (!Values.isEmpty(rawCost)) {
        Number n = Values.asNumber(rawCost);
        if (n == null) {
          findings.add(Finding.warning("NOT_A_NUMBER", "cost", rawCost, "the cost is not a number; it counts as 0"));
        } else if (n.doubleValue() < 0) {
          findings.add(Finding.warning("NEGATIVE_COST", "cost", rawCost, "the cost is negative; it counts as 0"));
        } else {
          c = n.doubleValue();
        }
      }
      int m = 0;
      String ms = text(row, "milestone");
      if (ms != null) {
        for (String part : MILESTONE_SEPARATOR.split(ms, -1)) {
          if (part.isBlank()) {
            continue;
          }
          Milestone x = Milestone.parse(part);
          if (x == null) {
            findings.add(Finding.warning("BAD_MILESTONE", "milestone", ms,
                "expected lead or opportunity; '" + part.trim() + "' is ignored"));
          } else {
            m |= x.bit();
          }
        }
      }
      if (!add(id, at.toEpochMilli(), ch, cp == null ? "" : cp, c, m)) {
        findings.add(Finding.error("TOO_MANY_TOUCHPOINTS", "journey_id", id, "journey " + id + " has more than "
            + MAX_TOUCHPOINTS_PER_JOURNEY + " touchpoints; the touchpoint is rejected"));
      }
      return findings;
    }

    /**
     * Adds an outcome row; a missing {@code journey_id}, a {@code converted_at} that is not
     * ISO-8601, a value that is not a number or is negative, or a second outcome for a journey
     * rejects the row (errors {@code MISSING_VALUE}, {@code BAD_TIMESTAMP}, {@code NOT_A_NUMBER},
     * {@code NEGATIVE_VALUE}, {@code DUPLICATE_OUTCOME}); a missing value counts as 0 ({@code
     * MISSING_VALUE} warning).
     *
     * @return the findings, empty when the row was clean
     */
    public List<Finding> outcome(Record row) {
      outcomeRows++;
      List<Finding> findings = new ArrayList<>(1);
      String id = text(row, "journey_id");
      if (id == null) {
        findings.add(Finding.error("MISSING_VALUE", "journey_id", row.get("journey_id"),
            "the outcome has no journey id; it is rejected"));
        return findings;
      }
      Object rawTime = row.get("converted_at");
      Instant at = Values.asInstant(rawTime);
      if (at == null) {
        findings.add(Finding.error("BAD_TIMESTAMP", "converted_at", rawTime,
            "converted_at is missing or not ISO-8601; the outcome is rejected"));
        return findings;
      }
      Object rawValue = row.get("value");
      double v = 0;
      if (Values.isEmpty(rawValue)) {
        findings.add(Finding.warning("MISSING_VALUE", "value", rawValue, "the outcome has no value; it counts as 0"));
      } else {
        Number n = Values.asNumber(rawValue);
        if (n == null) {
          findings.add(Finding.error("NOT_A_NUMBER", "value", rawValue, "the value is not a number; the outcome is rejected"));
          return findings;
        }
        if (n.doubleValue() < 0) {
          findings.add(Finding.error("NEGATIVE_VALUE", "value", rawValue, "the value is negative; the outcome is rejected"));
          return findings;
        }
        v = n.doubleValue();
      }
      if (!addOutcome(id, at.toEpochMilli(), v)) {
        findings.add(Finding.error("DUPLICATE_OUTCOME", "journey_id", id,
            "journey " + id + " already has an outcome; this one is rejected"));
      }
      return findings;
    }

    private static @Nullable String text(Record row, String field) {
      String s = Values.asString(row.get(field));
      if (s == null) {
        return null;
      }
      s = s.trim();
      return s.isEmpty() ? null : s;
    }

    private int journey(String id) {
      Integer j = journeyIndex.get(id);
      if (j != null) {
        return j;
      }
      int k = journeyCount++;
      journeyIndex.put(id, k);
      journeyNames.add(id);
      if (k == perJourney.length) {
        perJourney = Arrays.copyOf(perJourney, k * 2);
        convertedAt = Arrays.copyOf(convertedAt, k * 2);
        value = Arrays.copyOf(value, k * 2);
      }
      convertedAt[k] = NOT_CONVERTED;
      return k;
    }

    private static int intern(String s, Map<String, Integer> index, List<String> names) {
      Integer i = index.get(s);
      if (i == null) {
        i = names.size();
        index.put(s, i);
        names.add(s);
      }
      return i;
    }

    private boolean add(String id, long millis, String ch, String cp, double c, int m) {
      checkNotBuilt();
      int j = journey(id);
      if (perJourney[j] >= MAX_TOUCHPOINTS_PER_JOURNEY) {
        return false;
      }
      if (size == Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("a journey set holds fewer than 2^31 touchpoints");
      }
      if (size == time.length) {
        int n = (int) Math.min(Integer.MAX_VALUE - 8L, size * 2L);
        journey = Arrays.copyOf(journey, n);
        time = Arrays.copyOf(time, n);
        channel = Arrays.copyOf(channel, n);
        campaign = Arrays.copyOf(campaign, n);
        cost = Arrays.copyOf(cost, n);
        marks = Arrays.copyOf(marks, n);
      }
      perJourney[j]++;
      journey[size] = j;
      time[size] = millis;
      channel[size] = intern(ch, channelIndex, channelNames);
      campaign[size] = intern(cp, campaignIndex, campaignNames);
      cost[size] = c;
      marks[size] = (byte) m;
      if (c > 0) {
        hasCosts = true;
      }
      size++;
      return true;
    }

    private boolean addOutcome(String id, long millis, double v) {
      checkNotBuilt();
      int j = journey(id);
      if (convertedAt[j] != NOT_CONVERTED) {
        return false;
      }
      convertedAt[j] = millis;
      value[j] = v;
      outcomesKept++;
      return true;
    }

    private void checkNotBuilt() {
      if (built) {
        throw new IllegalStateException("this builder has already built its journeys");
      }
    }

    /** Returns the journeys, touchpoints ordered by time within each; the builder cannot be used again. */
    public Journeys build() {
      checkNotBuilt();
      built = true;
      int n = journeyCount;
      int[] start = new int[n + 1];
      for (int j = 0; j < n; j++) {
        start[j + 1] = start[j] + perJourney[j];
      }
      int[] next = Arrays.copyOf(start, n);
      int[] order = new int[size];
      for (int i = 0; i < size; i++) {
        order[next[journey[i]]++] = i;
      }
      for (int j = 0; j < n; j++) {
        sortSegment(order, start[j], start[j + 1]);
      }
      return new Journeys(this, order, start);
    }

    private int compare(int a, int b) {
      int c = Long.compare(time[a], time[b]);
      if (c != 0) {
        return c;
      }
      if (channel[a] != channel[b]) {
        return channelNames.get(channel[a]).compareTo(channelNames.get(channel[b]));
      }
      if (campaign[a] != campaign[b]) {
        return campaignNames.get(campaign[a]).compareTo(campaignNames.get(campaign[b]));
      }
      c = Integer.compare(marks[a], marks[b]);
      return c != 0 ? c : Double.compare(cost[a], cost[b]);
    }

    private void sortSegment(int[] order, int from, int to) {
      if (to - from <= 32) {
        for (int i = from + 1; i < to; i++) {
          int x = order[i];
          int k = i - 1;
          while (k >= from && compare(order[k], x) > 0) {
            order[k + 1] = order[k];
            k--;
          }
          order[k + 1] = x;
        }
        return;
      }
      Integer[] boxed = new Integer[to - from];
      for (int i = from; i < to; i++) {
        boxed[i - from] = order[i];
      }
      Comparator<Integer> cmp = this::compare;
      Arrays.sort(boxed, cmp);
      for (int i = from; i < to; i++) {
        order[i] = boxed[i - from];
      }
    }
  }
}
