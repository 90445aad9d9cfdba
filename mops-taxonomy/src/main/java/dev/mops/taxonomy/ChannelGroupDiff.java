package dev.mops.taxonomy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What changes between two versions of a channel group, before the new one ships: channels added
 * and removed, and, for the traffic sources {@linkplain Impact#add added} (URLs or
 * source/medium/campaign), which ones land in another channel, counted by move ({@code Organic
 * Social -> Paid Social}).
 *
 * <p>Thread safety: the diff is immutable; an {@link Impact} is for one thread.
 */
public final class ChannelGroupDiff {

  /**
   * One traffic source whose channel changes.
   *
   * @param key the source's key (a line number or id)
   * @param label the URL, or {@code source / medium / campaign}
   * @param before the old group's classification
   * @param after the new group's classification
   */
  public record SourceChange(String key, String label, ChannelClassification before, ChannelClassification after) {}

  private final ChannelGroup before;
  private final ChannelGroup after;
  private final List<String> added;
  private final List<String> removed;

  private ChannelGroupDiff(ChannelGroup before, ChannelGroup after) {
    this.before = before;
    this.after = after;
    List<String> plus = new ArrayList<>(after.channels());
    plus.removeAll(before.channels());
    List<String> minus = new ArrayList<>(before.channels());
    minus.removeAll(after.channels());
    this.added = List.copyOf(plus);
    this.removed = List.copyOf(minus);
  }

  /** Compares {@code before} (the group in use) with {@code after} (the proposed one). */
  public static ChannelGroupDiff between(ChannelGroup before, ChannelGroup after) {
    return new ChannelGroupDiff(Objects.requireNonNull(before, "before"), Objects.requireNonNull(after, "after"));
  }

  /** Returns the group in use. */
  public ChannelGroup before() {
    return before;
  }

  /** Returns the proposed group. */
  public ChannelGroup after() {
    return after;
  }

  /** Returns the channels only the new group can give. */
  public List<String> channelsAdded() {
    return added;
  }

  /** Returns the channels only the old group could give. */
  public List<String> channelsRemoved() {
    return removed;
  }

  /** Starts measuring which traffic sources change channel. */
  public Impact impact() {
    return new Impact();
  }

  /**
   * The traffic sources that land in another channel under the new group: all counted by move,
   * the first {@link #MAX_KEPT} kept in full.
   *
   * <p>Thread safety: not thread-safe; one per thread.
   */
  public final class Impact {

    /** The most changed sources kept in full. */
    public static final int MAX_KEPT = 1000;

    private long sources;
    private long changed;
    private final List<SourceChange> kept = new ArrayList<>();
    private final Map<String, Long> moves = new LinkedHashMap<>();

    private Impact() {}

    /** Classifies {@code source} with both groups; returns the change, or {@code null} when the channel is the same. */
    public @Nullable SourceChange add(String key, String label, TrafficSource source) {
      sources++;
      ChannelClassification a = before.classify(source);
      ChannelClassification b = after.classify(source);
      if (a.channel().equals(b.channel())) {
        return null;
      }
      changed++;
      SourceChange c = new SourceChange(key, label, a, b);
      moves.merge(a.channel() + " -> " + b.channel(), 1L, Long::sum);
      if (kept.size() < MAX_KEPT) {
        kept.add(c);
      }
      return c;
    }

    /** Returns the sources classified. */
    public long sources() {
      return sources;
    }

    /** Returns the sources whose channel changes. */
    public long changed() {
      return changed;
    }

    /** Returns the first {@link #MAX_KEPT} changed sources. */
    public List<SourceChange> changes() {
      return List.copyOf(kept);
    }

    /** Returns how many sources made each move, such as {@code Organic Social -> Paid Social}. */
    public Map<String, Long> moves() {
      return Collections.unmodifiableMap(new LinkedHashMap<>(moves));
    }
  }
}
