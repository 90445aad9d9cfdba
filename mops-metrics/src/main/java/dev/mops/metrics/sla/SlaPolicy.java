package dev.mops.metrics.sla;

import dev.mops.core.condition.Condition;
import dev.mops.core.condition.ConditionYaml;
import dev.mops.core.condition.Conditions;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigException;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.record.Schema;
import dev.mops.core.time.BusinessCalendar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An SLA policy: ordered goals (first match wins, a catch-all at the end), the business calendars
 * they count time in, and the at-risk share; loaded from versioned YAML.
 *
 * <pre>{@code
 * SlaPolicy policy = SlaPolicy.load(Path.of("sla.yaml"));
 * SlaEvaluator sla = policy.evaluator(Schema.of("id", "class", "priority"));
 * SlaResult r = sla.evaluate(request, List.of(SlaEvent.start(created), SlaEvent.stop(resolved)), asOf);
 * }</pre>
 *
 * <p>Every mistake fails at load with a {@link ConfigException} naming the file, line, column and
 * path; the format is in {@code docs/metrics.md}.
 *
 * <p>Thread safety: immutable and safe to share.
 */
public final class SlaPolicy {

  /** The default share of the target from which a running request is at risk. */
  public static final double DEFAULT_AT_RISK = 0.8;

  private static final Set<String> TOP_KEYS = Set.of("version", "name", "at_risk", "calendars", "default_calendar", "goals");
  private static final Set<String> GOAL_KEYS = Set.of("name", "when", "target", "calendar", "at_risk");

  private final String name;
  private final String version;
  private final String contentHash;
  private final List<SlaGoal> goals;
  private final Map<String, BusinessCalendar> calendars;

  private SlaPolicy(String name, String version, String contentHash, List<SlaGoal> goals,
      Map<String, BusinessCalendar> calendars) {
    this.name = name;
    this.version = version;
    this.contentHash = contentHash;
    this.goals = List.copyOf(goals);
    this.calendars = Collections.unmodifiableMap(new LinkedHashMap<>(calendars));
  }

  /** Loads a policy file; calendars given as {@code file:} are read relative to its folder. */
  public static SlaPolicy load(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    return read(ConfigLoader.standard().load(file), dir == null ? Path.of(".") : dir);
  }

  /** Reads a policy from YAML text; {@code file:} calendars are read relative to the working folder. */
  public static SlaPolicy parse(String source, String yaml) {
    return read(ConfigLoader.standard().loadString(source, yaml), Path.of("."));
  }

  /**
   * Returns a policy built in code: the goals in order (the last must apply to every request,
   * {@link Conditions#always()}).
   *
   * @throws IllegalArgumentException when there are no goals or the last is not a catch-all
   */
  public static SlaPolicy of(String name, String version, List<SlaGoal> goals) {
    if (goals.isEmpty() || !goals.get(goals.size() - 1).when().equals(Conditions.always())) {
      throw new IllegalArgumentException("an SLA policy needs goals, the last of them a catch-all (always)");
    }
    Map<String, BusinessCalendar> cals = new LinkedHashMap<>();
    for (SlaGoal g : goals) {
      cals.putIfAbsent(g.calendar().name(), g.calendar());
    }
    return new SlaPolicy(name, version, "", goals, cals);
  }

  private static SlaPolicy read(ConfigDocument doc, Path dir) {
    ConfigNode.MapNode root = doc.root().checkKeys(TOP_KEYS);
    String name = root.string("name", doc.source());
    double defaultShare = share(root, DEFAULT_AT_RISK);
    Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
    ConfigNode.MapNode cals = root.map("calendars");
    if (cals.keys().isEmpty()) {
      throw cals.error("expected at least one calendar");
    }
    for (String key : cals.keys()) {
      ConfigNode.MapNode c = cals.map(key);
      if (c.has("file")) {
        c.checkKeys(Set.of("file"));
        ConfigNode f = c.require("file", "a calendar file");
        Path p = dir.resolve(f.asText("a calendar file"));
        try {
          calendars.put(key, BusinessCalendar.load(p));
        } catch (ConfigException e) {
          throw f.error("calendar file " + p + " is invalid: " + e.getMessage());
        }
      } else {
        calendars.put(key, BusinessCalendar.fromNode(c, key, doc));
      }
    }
    String defaultCalendar = root.optionalString("default_calendar");
    if (defaultCalendar != null && !calendars.containsKey(defaultCalendar)) {
      throw root.require("default_calendar", "").error(
          "no calendar '" + defaultCalendar + "', expected one of " + calendars.keySet());
    }
    if (defaultCalendar == null && calendars.size() == 1) {
      defaultCalendar = calendars.keySet().iterator().next();
    }
    ConfigNode.ListNode list = root.list("goals");
    if (list.size() == 0) {
      throw list.error("expected at least one goal");
    }
    List<SlaGoal> goals = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      ConfigNode.MapNode g = list.get(i).asMap("a goal").checkKeys(GOAL_KEYS);
      String goalName = g.string("name", "goal-" + (i + 1));
      if (!names.add(goalName)) {
        throw g.require("name", "").error("duplicate goal name '" + goalName + "'");
      }
      boolean last = i == list.size() - 1;
      Condition when;
      ConfigNode w = g.get("when");
      if (w == null) {
        if (!last) {
          throw g.error("only the last goal may omit 'when' (it is the catch-all); goal '" + goalName + "' is not last");
        }
        when = Conditions.always();
      } else {
        when = ConditionYaml.read(w, null);
        if (last && !when.equals(Conditions.always())) {
          throw g.error("the last goal must be a catch-all: omit its 'when' (requests no goal matches would have no SLA)");
        }
      }
      ConfigNode t = g.require("target", "a business duration such as 16h or PT4H");
      Duration target;
      try {
        target = ConditionYaml.parseDuration(t.asText("a business duration such as 16h"));
      } catch (IllegalArgumentException e) {
        throw t.error("expected a business duration such as 16h, 90m or PT4H, found " + t.describe());
      }
      if (target.isNegative() || target.isZero()) {
        throw t.error("expected a positive business duration, found " + t.describe());
      }
      String calName = g.string("calendar", defaultCalendar == null ? "" : defaultCalendar);
      BusinessCalendar cal = calendars.get(calName);
      if (cal == null) {
        throw (g.has("calendar") ? g.require("calendar", "") : g).error(calName.isEmpty()
            ? "expected a calendar (the policy has several and no default_calendar), one of " + calendars.keySet()
            : "no calendar '" + calName + "', expected one of " + calendars.keySet());
      }
      goals.add(new SlaGoal(goalName, when, target, cal, share(g, defaultShare)));
    }
    return new SlaPolicy(name, doc.version(), doc.contentHash(), goals, calendars);
  }

  private static double share(ConfigNode.MapNode m, double fallback) {
    ConfigNode n = m.get("at_risk");
    if (n == null) {
      return fallback;
    }
    double v = n.asScalar("a share between 0 and 1").number();
    if (!(v > 0 && v <= 1)) {
      throw n.error("expected a share over 0 and at most 1 (such as 0.8), found " + n.describe());
    }
    return v;
  }

  /** Returns the policy's name (its {@code name} key, or the source). */
  public String name() {
    return name;
  }

  /** Returns the file's {@code version}, or {@link ConfigDocument#UNVERSIONED}. */
  public String version() {
    return version;
  }

  /** Returns {@code sha256:} and the hash of the document (empty for a policy built in code). */
  public String contentHash() {
    return contentHash;
  }

  /** Returns the goals in the order they are tried. */
  public List<SlaGoal> goals() {
    return goals;
  }

  /** Returns the calendars by their key in the policy. */
  public Map<String, BusinessCalendar> calendars() {
    return calendars;
  }

  /** Returns the request fields the goals read, in order of first use. */
  public Set<String> fields() {
    Set<String> out = new LinkedHashSet<>();
    for (SlaGoal g : goals) {
      out.addAll(Conditions.fieldsOf(g.when()));
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * Returns an evaluator whose goal conditions are bound to {@code schema} (fields the goals read
   * that the schema lacks are added, and read as missing).
   */
  public SlaEvaluator evaluator(Schema schema) {
    return new SlaEvaluator(this, schema.extendedWith(fields()));
  }

  /** Returns the goal for {@code name}, or {@code null}. */
  public @Nullable SlaGoal goal(String name) {
    Objects.requireNonNull(name, "name");
    for (SlaGoal g : goals) {
      if (g.name().equals(name)) {
        return g;
      }
    }
    return null;
  }
}
