package dev.mops.planning.calendar;

import dev.mops.core.Severity;
import dev.mops.core.condition.Condition;
import dev.mops.core.condition.ConditionYaml;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigException;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.config.ConfigNode.ListNode;
import dev.mops.core.config.ConfigNode.MapNode;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules a campaign calendar is checked against, loaded from versioned YAML: the channels in
 * use, when overlapping sends to one audience count as a conflict, frequency caps per audience per
 * week, the holiday check and quiet periods, and the audiences (named mops conditions) with the
 * overlaps between them.
 *
 * <pre>{@code
 * CalendarRules rules = CalendarRules.load(Path.of("calendar.yaml"));
 * }</pre>
 *
 * <p>Thread safety: an immutable value, safe to share.
 */
public final class CalendarRules {

  /** What the holiday check looks at. */
  public enum HolidayCheck {
    /** Only the launch day (the campaign's start) must not be a holiday. */
    LAUNCH,
    /** No day of the campaign's run may be a holiday. */
    ANY_DAY,
    /** No holiday check. */
    OFF
  }

  /**
   * A frequency cap: at most {@code maxPerWeek} campaigns reaching one audience in a week.
   *
   * @param maxPerWeek the largest number of campaigns allowed per audience per week
   * @param channels the channels counted (empty: all)
   * @param audiences the audiences it applies to (empty: every audience)
   * @param severity the severity of a breach
   */
  public record FrequencyCap(int maxPerWeek, Set<String> channels, Set<String> audiences, Severity severity) {
    /** Validates and copies the components. */
    public FrequencyCap {
      if (maxPerWeek < 1) {
        throw new IllegalArgumentException("max_per_week must be at least 1, was " + maxPerWeek);
      }
      channels = Set.copyOf(channels);
      audiences = Set.copyOf(audiences);
      Objects.requireNonNull(severity, "severity");
    }
  }

  /**
   * A quiet period: a freeze or blackout during which campaigns of its channels and regions must
   * not run.
   *
   * @param name a name for people, such as {@code Year-end freeze}
   * @param start the first day
   * @param end the last day (inclusive)
   * @param channels the channels it applies to (empty: all)
   * @param regions the regions it applies to (empty: all)
   * @param severity the severity of a campaign running in it
   */
  public record QuietPeriod(
      String name, LocalDate start, LocalDate end, Set<String> channels, Set<String> regions, Severity severity) {
    /** Validates and copies the components. */
    public QuietPeriod {
      Objects.requireNonNull(name, "name");
      if (end.isBefore(start)) {
        throw new IllegalArgumentException("quiet period '" + name + "' ends before it starts");
      }
      channels = Set.copyOf(channels);
      regions = Set.copyOf(regions);
      Objects.requireNonNull(severity, "severity");
    }
  }

  private static final Set<String> TOP_KEYS = Set.of("version", "name", "description", "week_start", "channels",
      "overlap", "frequency_caps", "holidays", "quiet_periods", "audiences", "audience_overlaps");

  private final String name;
  private final String version;
  private final String contentHash;
  private final DayOfWeek weekStart;
  private final Set<String> channels;
  private final Set<String> overlapChannels;
  private final Severity overlapSeverity;
  private final List<FrequencyCap> frequencyCaps;
  private final HolidayCheck holidayCheck;
  private final Set<String> holidayChannels;
  private final Severity holidaySeverity;
  private final List<QuietPeriod> quietPeriods;
  private final Map<String, Condition> audiences;
  private final List<List<String>> audienceOverlaps;

  private CalendarRules(Builder b) {
    this.name = b.name;
    this.version = b.version;
    this.contentHash = b.contentHash;
    this.weekStart = b.weekStart;
    this.channels = Collections.unmodifiableSet(new LinkedHashSet<>(b.channels));
    this.overlapChannels = Set.copyOf(b.overlapChannels);
    this.overlapSeverity = b.overlapSeverity;
    this.frequencyCaps = List.copyOf(b.frequencyCaps);
    this.holidayCheck = b.holidayCheck;
    this.holidayChannels = Set.copyOf(b.holidayChannels);
    this.holidaySeverity = b.holidaySeverity;
    this.quietPeriods = List.copyOf(b.quietPeriods);
    this.audiences = Collections.unmodifiableMap(new LinkedHashMap<>(b.audiences));
    this.audienceOverlaps = List.copyOf(b.audienceOverlaps);
  }

  /** Returns a builder for rules written in code; every setting starts at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the default rules: overlaps in every channel are warnings, holidays checked on launch. */
  public static CalendarRules defaults() {
    return builder().build();
  }

  /** Loads rules from a YAML or JSON file; throws a {@link ConfigException} naming the position when invalid. */
  public static CalendarRules load(Path file) {
    return fromDocument(ConfigLoader.standard().load(file));
  }

  /** Loads rules from YAML text; {@code source} names it in errors. */
  public static CalendarRules parse(String source, String yaml) {
    return fromDocument(ConfigLoader.standard().loadString(source, yaml));
  }

  /** Reads rules from a loaded document. */
  public static CalendarRules fromDocument(ConfigDocument doc) {
    MapNode root = doc.root().checkKeys(TOP_KEYS);
    Builder b = builder();
    b.name = root.string("name", "calendar");
    b.version = doc.version();
    b.contentHash = doc.contentHash();
    ConfigNode ws = root.get("week_start");
    if (ws != null) {
      b.weekStart = dayOfWeek(ws);
    }
    ConfigNode ch = root.get("channels");
    if (ch != null) {
      b.channels.addAll(lowered(ch.asList("a list of channels")));
    }
    ConfigNode ov = root.get("overlap");
    if (ov != null) {
      MapNode m = ov.asMap("the overlap settings").checkKeys(Set.of("severity", "channels"));
      b.overlapSeverity = severity(m, Severity.WARNING);
      ConfigNode oc = m.get("channels");
      if (oc != null) {
        b.overlapChannels.addAll(knownChannels(oc, b.channels));
      }
    }
    ConfigNode caps = root.get("frequency_caps");
    if (caps != null) {
      for (ConfigNode n : caps.asList("a list of frequency caps").items()) {
        MapNode m = n.asMap("a frequency cap").checkKeys(Set.of("max_per_week", "channels", "audiences", "severity"));
        ConfigNode max = m.require("max_per_week", "the most campaigns per audience per week");
        long v = max.asScalar("a whole number").integer();
        if (v < 1 || v > 10_000) {
          throw max.error("expected a whole number from 1 to 10000, found " + v);
        }
        ConfigNode cc = m.get("channels");
        ConfigNode ca = m.get("audiences");
        b.frequencyCaps.add(new FrequencyCap((int) v,
            cc == null ? Set.of() : knownChannels(cc, b.channels),
            ca == null ? Set.of() : new LinkedHashSet<>(ca.asList("a list of audiences").strings()),
            severity(m, Severity.WARNING)));
      }
    }
    ConfigNode hol = root.get("holidays");
    if (hol != null) {
      MapNode m = hol.asMap("the holiday settings").checkKeys(Set.of("check", "channels", "severity"));
      ConfigNode c = m.get("check");
      if (c != null) {
        String t = c.asText("launch, any_day or off").trim().toUpperCase(Locale.ROOT);
        try {
          b.holidayCheck = HolidayCheck.valueOf(t);
        } catch (IllegalArgumentException e) {
          throw c.error("expected launch, any_day or off, found " + c.describe());
        }
      }
      ConfigNode hc = m.get("channels");
      if (hc != null) {
        b.holidayChannels.addAll(knownChannels(hc, b.channels));
      }
      b.holidaySeverity = severity(m, Severity.WARNING);
    }
    ConfigNode qp = root.get("quiet_periods");
    if (qp != null) {
      for (ConfigNode n : qp.asList("a list of quiet periods").items()) {
        MapNode m = n.asMap("a quiet period").checkKeys(Set.of("name", "start", "end", "channels", "regions", "severity"));
        LocalDate start = date(m.require("start", "the first day (yyyy-MM-dd)"));
        ConfigNode endNode = m.require("end", "the last day (yyyy-MM-dd)");
        LocalDate end = date(endNode);
        if (end.isBefore(start)) {
          throw endNode.error("expected an end on or after the start " + start + ", found " + end);
        }
        ConfigNode qc = m.get("channels");
        ConfigNode qr = m.get("regions");
        b.quietPeriods.add(new QuietPeriod(m.string("name", "quiet period"), start, end,
            qc == null ? Set.of() : knownChannels(qc, b.channels),
            qr == null ? Set.of() : new LinkedHashSet<>(qr.asList("a list of regions").strings()),
            severity(m, Severity.ERROR)));
      }
    }
    ConfigNode aud = root.get("audiences");
    if (aud != null) {
      MapNode m = aud.asMap("audiences (segment name to condition)");
      for (String key : m.keys()) {
        b.audiences.put(key, ConditionYaml.read(Objects.requireNonNull(m.get(key)), null));
      }
    }
    ConfigNode ao = root.get("audience_overlaps");
    if (ao != null) {
      for (ConfigNode n : ao.asList("a list of audience pairs").items()) {
        ListNode pair = n.asList("a pair of audiences [a, b]");
        if (pair.size() != 2) {
          throw n.error("expected a pair of audiences [a, b], found " + pair.size() + " items");
        }
        b.audienceOverlaps.add(pair.strings());
      }
    }
    return b.build();
  }

  private static DayOfWeek dayOfWeek(ConfigNode n) {
    String t = n.asText("a day of the week").trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().equals(t) || d.name().substring(0, 3).equals(t)) {
        return d;
      }
    }
    throw n.error("expected a day of the week (monday ... sunday), found " + n.describe());
  }

  private static LocalDate date(ConfigNode n) {
    String t = n.asText("a date (yyyy-MM-dd)").trim();
    try {
      return LocalDate.parse(t);
    } catch (java.time.format.DateTimeParseException e) {
      throw n.error("expected a date (yyyy-MM-dd), found " + n.describe());
    }
  }

  private static Severity severity(MapNode m, Severity fallback) {
    ConfigNode s = m.get("severity");
    if (s == null) {
      return fallback;
    }
    try {
      return Severity.parse(s.asText("info, warning or error"));
    } catch (IllegalArgumentException e) {
      throw s.error("expected info, warning or error, found " + s.describe());
    }
  }

  private static List<String> lowered(ListNode list) {
    List<String> out = new ArrayList<>();
    for (String s : list.strings()) {
      out.add(s.trim().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static Set<String> knownChannels(ConfigNode n, Set<String> declared) {
    ListNode list = n.asList("a list of channels");
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String c = list.get(i).asText("a channel").trim().toLowerCase(Locale.ROOT);
      if (!declared.isEmpty() && !declared.contains(c)) {
        throw list.get(i).error("expected one of the declared channels " + declared + ", found '" + c + "'");
      }
      out.add(c);
    }
    return out;
  }

  /** Returns the rules' name. */
  public String name() {
    return name;
  }

  /** Returns the rules' version (the document's {@code version}). */
  public String version() {
    return version;
  }

  /** Returns the hash of the document the rules came from ({@code sha256:...}; {@code ""} for rules built in code). */
  public String contentHash() {
    return contentHash;
  }

  /** Returns the first day of a week for frequency caps (Monday by default). */
  public DayOfWeek weekStart() {
    return weekStart;
  }

  /** Returns the declared channels, lower case (empty: any channel is accepted). */
  public Set<String> channels() {
    return channels;
  }

  /** Returns the channels in which an audience overlap is a conflict (empty: all). */
  public Set<String> overlapChannels() {
    return overlapChannels;
  }

  /** Returns the severity of an audience overlap. */
  public Severity overlapSeverity() {
    return overlapSeverity;
  }

  /** Returns the frequency caps. */
  public List<FrequencyCap> frequencyCaps() {
    return frequencyCaps;
  }

  /** Returns what the holiday check looks at. */
  public HolidayCheck holidayCheck() {
    return holidayCheck;
  }

  /** Returns the channels the holiday check applies to (empty: all). */
  public Set<String> holidayChannels() {
    return holidayChannels;
  }

  /** Returns the severity of a holiday conflict. */
  public Severity holidaySeverity() {
    return holidaySeverity;
  }

  /** Returns the quiet periods. */
  public List<QuietPeriod> quietPeriods() {
    return quietPeriods;
  }

  /** Returns the audiences defined as conditions over contacts, by name, in document order. */
  public Map<String, Condition> audiences() {
    return audiences;
  }

  /** Returns the pairs of audiences declared to overlap. */
  public List<List<String>> audienceOverlaps() {
    return audienceOverlaps;
  }

  /**
   * A builder of {@link CalendarRules} in code.
   *
   * <p>Thread safety: not thread-safe.
   */
  public static final class Builder {
    private String name = "calendar";
    private String version = ConfigDocument.UNVERSIONED;
    private String contentHash = "";
    private DayOfWeek weekStart = DayOfWeek.MONDAY;
    private final Set<String> channels = new LinkedHashSet<>();
    private final Set<String> overlapChannels = new LinkedHashSet<>();
    private Severity overlapSeverity = Severity.WARNING;
    private final List<FrequencyCap> frequencyCaps = new ArrayList<>();
    private HolidayCheck holidayCheck = HolidayCheck.LAUNCH;
    private final Set<String> holidayChannels = new LinkedHashSet<>();
    private Severity holidaySeverity = Severity.WARNING;
    private final List<QuietPeriod> quietPeriods = new ArrayList<>();
    private final Map<String, Condition> audiences = new LinkedHashMap<>();
    private final List<List<String>> audienceOverlaps = new ArrayList<>();

    private Builder() {}

    /** Sets the name and version. */
    public Builder identity(String name, String version) {
      this.name = Objects.requireNonNull(name, "name");
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /** Sets the first day of a week (Monday by default). */
    public Builder weekStart(DayOfWeek day) {
      this.weekStart = Objects.requireNonNull(day, "day");
      return this;
    }

    /** Declares the channels in use; campaigns in others get a finding. */
    public Builder channels(String... names) {
      for (String n : names) {
        channels.add(n.toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /** Sets the severity of audience overlaps and the channels where they count (none given: all). */
    public Builder overlap(Severity severity, String... inChannels) {
      this.overlapSeverity = Objects.requireNonNull(severity, "severity");
      for (String c : inChannels) {
        overlapChannels.add(c.toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /** Adds a frequency cap. */
    public Builder frequencyCap(FrequencyCap cap) {
      frequencyCaps.add(Objects.requireNonNull(cap, "cap"));
      return this;
    }

    /** Sets the holiday check, its severity and the channels it applies to (none given: all). */
    public Builder holidays(HolidayCheck check, Severity severity, String... inChannels) {
      this.holidayCheck = Objects.requireNonNull(check, "check");
      this.holidaySeverity = Objects.requireNonNull(severity, "severity");
      for (String c : inChannels) {
        holidayChannels.add(c.toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /** Adds a quiet period. */
    public Builder quietPeriod(QuietPeriod period) {
      quietPeriods.add(Objects.requireNonNull(period, "period"));
      return this;
    }

    /** Defines an audience as a condition over contacts. */
    public Builder audience(String name, Condition condition) {
      audiences.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(condition, "condition"));
      return this;
    }

    /** Declares that two audiences overlap (share contacts). */
    public Builder audienceOverlap(String a, String b) {
      audienceOverlaps.add(List.of(a, b));
      return this;
    }

    /** Returns the rules. */
    public CalendarRules build() {
      return new CalendarRules(this);
    }
  }

  @Override
  public String toString() {
    return "CalendarRules[" + name + " " + version + "]";
  }

}
