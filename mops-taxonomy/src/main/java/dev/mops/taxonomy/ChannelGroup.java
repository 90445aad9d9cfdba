package dev.mops.taxonomy;

import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.condition.Conditions;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A channel group: ordered rules in the mops condition language that give each traffic source a
 * channel, the first matching rule winning, with a fallback channel when none matches.
 *
 * <p>{@link #ga4Default()} is Google Analytics 4's default channel group for manually tagged
 * traffic, shipped as versioned data (the resource {@code ga4-default-channel-group.yaml}) in
 * Google's documented order with Google's regular expressions and source-category list. Custom
 * groups load from YAML in the same format ({@link #load}); {@code fallback_group: ga4_default}
 * hands sources no custom rule matched to the GA4 group.
 *
 * <p>Rules see these fields: {@code source, medium, campaign, term, content, id, source_platform,
 * creative_format, marketing_tactic, click_id_type} and {@code source_category} (SEARCH, SOCIAL,
 * SHOPPING or VIDEO from Google's list, case-insensitive; empty for other sources). As in GA4, a
 * visit with neither source nor medium is {@code (direct)} / {@code (none)}, and when only one of
 * the two is missing it is {@code (not set)}.
 *
 * <pre>{@code
 * ChannelClassification c = ChannelGroup.ga4Default().classify(TrafficSource.of("google", "cpm", null));
 * c.channel();   // "Paid Search": GA4's Paid Search rule comes before Display
 * }</pre>
 *
 * <p>Performance: GA4's regular expressions cost microseconds per visit, while real traffic has few
 * distinct source/medium/campaign combinations; so the answers for up to {@value #MEMO_LIMIT}
 * distinct inputs (the fields the rules read) are remembered. Classification is a pure function
 * of its input, so this changes speed, never answers.
 *
 * <p>Thread safety: safe to share; {@link #classify} may be called from any number of threads
 * (the memo is a concurrent map that stops growing at its limit).
 */
public final class ChannelGroup {

  /** The fields channel rules can read. */
  public static final List<String> FIELDS = List.of("source", "medium", "campaign", "term", "content", "id",
      "source_platform", "creative_format", "marketing_tactic", "click_id_type", "source_category");

  static final Schema SCHEMA = Schema.of(FIELDS);
  private static final String GA4_RESOURCE = "ga4-default-channel-group.yaml";

  /** Holds the GA4 group, loaded on first use. */
  private static final class Ga4 {
    static final ChannelGroup INSTANCE = loadGa4();
  }

  /** Largest number of distinct inputs whose classification is remembered. */
  public static final int MEMO_LIMIT = 16_384;

  record Rule(String channel, String name, CompiledCondition condition, String description) {}

  /** The values of the fields the rules read, as a memo key. */
  private static final class MemoKey {
    private final @Nullable Object[] values;
    private final int hash;

    MemoKey(@Nullable Object[] values) {
      this.values = values;
      this.hash = java.util.Arrays.hashCode(values);
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof MemoKey memoKey && memoKey.hash == hash && java.util.Arrays.equals(memoKey.values, values);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private final int[] readSlots;
  private final java.util.concurrent.ConcurrentHashMap<MemoKey, ChannelClassification> memo =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final String name;
  private final String version;
  private final String contentHash;
  private final List<Rule> rules;
  private final String fallback;
  private final @Nullable ChannelGroup fallbackGroup;

  ChannelGroup(String name, String version, String contentHash, List<Rule> rules, String fallback,
      @Nullable ChannelGroup fallbackGroup) {
    this.name = name;
    this.version = version;
    this.contentHash = contentHash;
    this.rules = List.copyOf(rules);
    this.fallback = fallback;
    this.fallbackGroup = fallbackGroup;
    java.util.TreeSet<Integer> slots = new java.util.TreeSet<>(List.of(0, 1)); // source and medium are in every result
    for (Rule r : rules) {
      for (String f : Conditions.fieldsOf(r.condition.condition())) {
        slots.add(SCHEMA.requireSlot(f));
      }
    }
    if (fallbackGroup != null) {
      for (int slot : fallbackGroup.readSlots) {
        slots.add(slot);
      }
    }
    this.readSlots = slots.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Returns Google Analytics 4's default channel group (loaded once, shared). */
  public static ChannelGroup ga4Default() {
    return Ga4.INSTANCE;
  }

  private static ChannelGroup loadGa4() {
    try (InputStream in = ChannelGroup.class.getResourceAsStream(GA4_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + GA4_RESOURCE + " is missing from the mops-taxonomy jar");
      }
      return fromDocument(ConfigLoader.standard().load(GA4_RESOURCE, in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads a channel-group file; throws a {@link dev.mops.core.config.ConfigException} when it is invalid. */
  public static ChannelGroup load(Path file) {
    return fromDocument(ConfigLoader.standard().load(file));
  }

  /** Loads a channel group from YAML text; {@code source} names it in errors. */
  public static ChannelGroup parse(String source, String yaml) {
    return fromDocument(ConfigLoader.standard().loadString(source, yaml));
  }

  /** Reads a channel group from a loaded document (see {@link ChannelGroupReader}). */
  public static ChannelGroup fromDocument(ConfigDocument doc) {
    return ChannelGroupReader.read(doc);
  }

  /** Returns the group's name. */
  public String name() {
    return name;
  }

  /** Returns the group's version. */
  public String version() {
    return version;
  }

  /** Returns the {@code sha256:} hash of the group's file. */
  public String contentHash() {
    return contentHash;
  }

  /** Returns every channel the group can give, in rule order, then the fallback. */
  public List<String> channels() {
    Set<String> out = new LinkedHashSet<>();
    for (Rule r : rules) {
      out.add(r.channel);
    }
    if (fallbackGroup != null) {
      out.addAll(fallbackGroup.channels());
    } else {
      out.add(fallback);
    }
    return List.copyOf(out);
  }

  /** Classifies a source, medium and campaign (any may be null). */
  public ChannelClassification classify(@Nullable String source, @Nullable String medium, @Nullable String campaign) {
    return classify(TrafficSource.of(source, medium, campaign));
  }

  /** Classifies the UTM values of a parsed landing-page URL. */
  public ChannelClassification classify(ParsedUrl url) {
    return classify(TrafficSource.from(url));
  }

  /** Classifies a traffic source: the first matching rule gives the channel. */
  public ChannelClassification classify(TrafficSource t) {
    String source = blankToNull(t.source());
    String medium = blankToNull(t.medium());
    if (source == null && medium == null) {
      source = "(direct)";
      medium = "(none)";
    } else {
      if (source == null) {
        source = "(not set)";
      }
      if (medium == null) {
        medium = "(not set)";
      }
    }
    ArrayRow row = new ArrayRow(SCHEMA);
    row.set(0, source);
    row.set(1, medium);
    row.set(2, t.campaign());
    row.set(3, t.term());
    row.set(4, t.content());
    row.set(5, t.id());
    row.set(6, t.sourcePlatform());
    row.set(7, t.creativeFormat());
    row.set(8, t.marketingTactic());
    row.set(9, t.clickIdType());
    row.set(10, SourceCategories.of(source));
    @Nullable Object[] keyValues = new Object[readSlots.length];
    for (int i = 0; i < readSlots.length; i++) {
      keyValues[i] = row.get(readSlots[i]);
    }
    MemoKey key = new MemoKey(keyValues);
    ChannelClassification known = memo.get(key);
    if (known != null) {
      return known;
    }
    ChannelClassification c = evaluate(t, row, source, medium);
    if (memo.size() < MEMO_LIMIT) {
      memo.putIfAbsent(key, c);
    }
    return c;
  }

  private ChannelClassification evaluate(TrafficSource t, ArrayRow row, String source, String medium) {
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      if (r.condition.test(row)) {
        return new ChannelClassification(r.channel, i, r.name, r.description, name, version, source, medium);
      }
    }
    if (fallbackGroup != null) {
      return fallbackGroup.classify(t);
    }
    return new ChannelClassification(fallback, -1, "fallback", "", name, version, source, medium);
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
