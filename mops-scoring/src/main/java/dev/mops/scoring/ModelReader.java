package dev.mops.scoring;

import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.condition.Condition;
import dev.mops.core.condition.ConditionYaml;
import dev.mops.core.condition.Conditions;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.config.ConfigNode.ListNode;
import dev.mops.core.config.ConfigNode.MapNode;
import dev.mops.core.record.Schema;
import dev.mops.core.record.ValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads a scoring model document into compiled {@link Parts}, failing at the first bad key or value. */
final class ModelReader {

  static final List<String> ROOT_KEYS =
      List.of("version", "name", "description", "lead_fields", "event_fields", "limits", "scores",
          "grades", "grid", "thresholds");
  static final List<String> SCORE_KEYS = List.of("name", "description", "min", "max", "groups", "combine");
  static final List<String> GROUP_KEYS = List.of("name", "description", "reads", "decay", "min", "max", "rules");
  static final List<String> RULE_KEYS = List.of("name", "description", "when", "points", "max", "once", "within");
  static final List<String> GRADE_KEYS = List.of("name", "score", "bands", "otherwise");
  static final List<String> THRESHOLD_KEYS = List.of("name", "description", "when");
  static final List<String> FIELD_KEYS = List.of("type", "required");
  static final List<String> LIMIT_KEYS = List.of("max_events_per_lead");

  final ConfigDocument doc;
  String name = "";
  Schema leadSchema = Schema.of();
  List<String> requiredLeadFields = new ArrayList<>();
  Schema eventSchema = Schema.of();
  int maxEventsPerLead = ScoringModel.DEFAULT_MAX_EVENTS_PER_LEAD;
  final List<Parts.Rule> rules = new ArrayList<>();
  final List<Parts.Group> groups = new ArrayList<>();
  final List<Parts.Score> scores = new ArrayList<>();
  final List<Parts.GradeScale> grades = new ArrayList<>();
  int[] grid = new int[0];
  final List<Parts.Threshold> thresholds = new ArrayList<>();
  Schema outcomeSchema = Schema.of();
  final Map<String, List<Integer>> rulesByType = new LinkedHashMap<>();
  final List<Integer> untypedEventRules = new ArrayList<>();
  final List<Integer> leadRules = new ArrayList<>();

  ModelReader(ConfigDocument doc) {
    this.doc = doc;
  }

  ModelReader read() {
    MapNode root = doc.root();
    root.checkKeys(ROOT_KEYS);
    name = root.string("name", doc.source());
    leadSchema = fields(root.get("lead_fields"), "lead_fields", true);
    Schema.Builder eb = Schema.builder().field(ScoringModel.EVENT_TYPE, ValueType.STRING)
        .field(ScoringModel.EVENT_TIMESTAMP, ValueType.INSTANT);
    ConfigNode ef = root.get("event_fields");
    if (ef != null) {
      Schema props = fields(ef, "event_fields", false);
      for (int i = 0; i < props.size(); i++) {
        if (props.name(i).equals(ScoringModel.EVENT_TYPE) || props.name(i).equals(ScoringModel.EVENT_TIMESTAMP)) {
          throw ef.asMap("event fields").require(props.name(i), "an event property").error(
              "'" + props.name(i) + "' is always an event field; declare only the event's properties");
        }
        eb.field(props.name(i), props.type(i));
      }
    }
    eventSchema = eb.build();
    ConfigNode limits = root.get("limits");
    if (limits != null) {
      MapNode lm = limits.asMap("limits").checkKeys(LIMIT_KEYS);
      long max = lm.integer("max_events_per_lead", ScoringModel.DEFAULT_MAX_EVENTS_PER_LEAD);
      if (max < 1 || max > ScoringModel.MAX_EVENTS_PER_LEAD) {
        throw lm.require("max_events_per_lead", "a number").error(
            "expected max_events_per_lead between 1 and " + ScoringModel.MAX_EVENTS_PER_LEAD + ", found " + max);
      }
      maxEventsPerLead = (int) max;
    }
    ListNode scoreList = root.list("scores");
    if (scoreList.size() == 0) {
      throw scoreList.error("expected at least one score");
    }
    if (scoreList.size() > ScoringModel.MAX_SCORES) {
      throw scoreList.error("a model has at most " + ScoringModel.MAX_SCORES + " scores, found " + scoreList.size());
    }
    Set<String> scoreNames = new HashSet<>();
    for (ConfigNode sn : scoreList.items()) {
      readScore(sn.asMap("a score"), scoreNames);
    }
    readGrades(root);
    readThresholds(root);
    return this;
  }

  private Schema fields(@Nullable ConfigNode node, String what, boolean lead) {
    Schema.Builder b = Schema.builder();
    if (node == null) {
      return b.build();
    }
    MapNode m = node.asMap(what + " (field name to type)");
    for (Map.Entry<String, ConfigNode> e : m.entries().entrySet()) {
      ConfigNode v = e.getValue();
      String type;
      boolean required = false;
      if (v instanceof MapNode mapNode) {
        MapNode fm = mapNode.checkKeys(FIELD_KEYS);
        type = fm.string("type");
        required = fm.bool("required", false);
        if (required && !lead) {
          throw fm.require("required", "").error("'required' applies to lead fields only");
        }
      } else {
        type = v.asText("a field type");
      }
      try {
        b.field(e.getKey(), ValueType.ofName(type));
      } catch (IllegalArgumentException ex) {
        throw v.error(ex.getMessage());
      }
      if (required) {
        requiredLeadFields.add(e.getKey());
      }
    }
    return b.build();
  }

  private static String name(MapNode m, Set<String> seen, String what) {
    String n = m.string("name");
    if (n.isBlank()) {
      throw m.require("name", what).error("expected a non-blank " + what + " name");
    }
    if (!seen.add(n)) {
      throw m.require("name", what).error("duplicate " + what + " name '" + n + "'");
    }
    return n;
  }

  private static long micro(MapNode m, String key, long fallback) {
    ConfigNode n = m.get(key);
    if (n == null) {
      return fallback;
    }
    double v = n.asScalar("a number").number();
    if (!Double.isFinite(v) || Math.abs(v) > ScoringModel.MAX_POINTS) {
      throw n.error("expected a number of points within \u00b1" + (long) ScoringModel.MAX_POINTS + ", found " + v);
    }
    return Math.round(v * ScoringModel.MICRO);
  }

  private void readScore(MapNode m, Set<String> scoreNames) {
    m.checkKeys(SCORE_KEYS);
    String sname = name(m, scoreNames, "score");
    int index = scores.size();
    long min = micro(m, "min", Long.MIN_VALUE);
    long max = micro(m, "max", Long.MAX_VALUE);
    if (min > max) {
      throw m.require("min", "").error("min is above max");
    }
    boolean hasGroups = m.has("groups");
    boolean hasCombine = m.has("combine");
    if (hasGroups == hasCombine) {
      throw m.error("score '" + sname + "' needs exactly one of 'groups' (rules) or 'combine' (weights of earlier scores)");
    }
    int firstGroup = groups.size();
    double[] weights = null;
    if (hasCombine) {
      MapNode cm = m.map("combine");
      weights = new double[index];
      if (cm.entries().isEmpty()) {
        throw cm.error("expected at least one score to combine");
      }
      for (Map.Entry<String, ConfigNode> e : cm.entries().entrySet()) {
        int j = -1;
        for (Parts.Score s : scores) {
          if (s.name.equals(e.getKey())) {
            j = s.index;
          }
        }
        if (j < 0) {
          List<String> known = new ArrayList<>();
          scores.forEach(s -> known.add(s.name));
          throw e.getValue().error("'combine' names unknown score '" + e.getKey() + "'; earlier scores are " + known);
        }
        double w = e.getValue().asScalar("a weight").number();
        if (!Double.isFinite(w) || Math.abs(w) > 1000) {
          throw e.getValue().error("expected a weight within \u00b11000, found " + w);
        }
        weights[j] = w;
      }
    } else {
      ListNode gl = m.list("groups");
      Set<String> groupNames = new HashSet<>();
      for (ConfigNode gn : gl.items()) {
        readGroup(gn.asMap("a group"), index, groupNames);
      }
    }
    scores.add(new Parts.Score(sname, index, min, max, firstGroup, groups.size(), weights));
  }

  private void readGroup(MapNode m, int score, Set<String> groupNames) {
    m.checkKeys(GROUP_KEYS);
    String gname = name(m, groupNames, "group");
    String reads = m.string("reads", "lead");
    boolean events;
    if (reads.equals("lead")) {
      events = false;
    } else if (reads.equals("events")) {
      events = true;
    } else {
      throw m.require("reads", "").error("expected 'lead' (fit rules on the lead's fields) or 'events' (engagement rules), found '" + reads + "'");
    }
    Decay decay = Decay.NONE;
    ConfigNode dn = m.get("decay");
    if (dn != null) {
      if (!events) {
        throw dn.error("decay applies to groups that read events; this group reads the lead");
      }
      decay = decay(dn.asMap("a decay"));
    }
    long min = micro(m, "min", Long.MIN_VALUE);
    long max = micro(m, "max", Long.MAX_VALUE);
    if (min > max) {
      throw m.require("min", "").error("min is above max");
    }
    int gi = groups.size();
    int first = rules.size();
    ListNode rl = m.list("rules");
    if (rl.size() == 0) {
      throw rl.error("expected at least one rule");
    }
    Set<String> ruleNames = new HashSet<>();
    for (ConfigNode rn : rl.items()) {
      if (rules.size() >= ScoringModel.MAX_RULES) {
        throw rn.error("a model has at most " + ScoringModel.MAX_RULES + " rules");
      }
      readRule(rn.asMap("a rule"), gi, score, events, ruleNames);
    }
    groups.add(new Parts.Group(gname, gi, score, events, decay, min, max, first, rules.size()));
  }

  private static Decay decay(MapNode m) {
    String type = m.string("type");
    switch (type) {
      case "none":
        m.checkKeys(List.of("type"));
        return Decay.NONE;
      case "exponential":
        m.checkKeys(List.of("type", "half_life"));
        return Decay.exponential(seconds(m, "half_life"));
      case "linear": {
        m.checkKeys(List.of("type", "every", "fraction"));
        double f = m.number("fraction");
        if (!(f > 0 && f <= 1)) {
          throw m.require("fraction", "").error("expected a fraction in (0, 1] of the points lost each period, found " + f);
        }
        return Decay.linear(seconds(m, "every"), f);
      }
      case "step":
        m.checkKeys(List.of("type", "expire_after"));
        return Decay.step(seconds(m, "expire_after"));
      default:
        throw m.require("type", "").error("unknown decay type '" + type + "', expected one of none, exponential, linear, step");
    }
  }

  private static double seconds(MapNode m, String key) {
    ConfigNode n = m.require(key, "a duration such as 14d");
    Duration d;
    try {
      d = ConditionYaml.parseDuration(n.asText("a duration such as 14d"));
    } catch (IllegalArgumentException e) {
      throw n.error(e.getMessage());
    }
    if (d.isNegative() || d.isZero()) {
      throw n.error("expected a positive duration, found " + d);
    }
    return d.getSeconds() + d.getNano() / 1e9;
  }

  private void readRule(MapNode m, int group, int score, boolean events, Set<String> ruleNames) {
    m.checkKeys(RULE_KEYS);
    String rname = name(m, ruleNames, "rule");
    Schema schema = events ? eventSchema : leadSchema;
    ConfigNode whenNode = m.require("when", "a condition");
    Condition when = ConditionYaml.read(whenNode, schema);
    ConfigNode pn = m.require("points", "a number of points");
    double points = pn.asScalar("a number of points").number();
    if (!Double.isFinite(points) || Math.abs(points) > ScoringModel.MAX_POINTS) {
      throw pn.error("expected points within \u00b1" + (long) ScoringModel.MAX_POINTS + ", found " + points);
    }
    long cap = Long.MAX_VALUE;
    if (m.has("max")) {
      cap = micro(m, "max", Long.MAX_VALUE);
      if (cap <= 0) {
        throw m.require("max", "").error("a rule's max caps the size of its total and must be positive");
      }
    }
    boolean once = m.bool("once", false);
    double window = -1;
    String windowText = null;
    if (m.has("within")) {
      window = seconds(m, "within");
      windowText = m.string("within");
    }
    if (!events && (once || windowText != null)) {
      throw m.require(once ? "once" : "within", "").error(
          "'once' and 'within' apply to rules on events; fit rules on the lead fire at most once");
    }
    int index = rules.size();
    CompiledCondition full = compile(whenNode, when, schema);
    CompiledCondition test = full;
    if (events) {
      Set<String> types = new LinkedHashSet<>();
      Condition rest = splitType(when, types);
      if (rest != null) {
        test = compile(whenNode, rest, schema);
        for (String t : types) {
          rulesByType.computeIfAbsent(t, k -> new ArrayList<>()).add(index);
        }
      } else {
        untypedEventRules.add(index);
      }
    } else {
      leadRules.add(index);
    }
    rules.add(new Parts.Rule(rname, index, group, score, points, cap, once, window, windowText, events, when, test, full));
  }

  private static CompiledCondition compile(ConfigNode at, Condition c, Schema schema) {
    try {
      return CompiledCondition.compile(c, schema);
    } catch (IllegalArgumentException e) {
      throw at.error(e.getMessage());
    }
  }

  /**
   * When the condition requires the event type to be one of a fixed set of values (exact case),
   * adds them to {@code types} and returns the rest of the condition; otherwise returns null.
   */
  static @Nullable Condition splitType(Condition c, Set<String> types) {
    Set<String> direct = typeValues(c);
    if (direct != null) {
      types.addAll(direct);
      return Conditions.always();
    }
    if (c instanceof Condition.All all) {
      List<Condition> children = all.conditions();
      for (int i = 0; i < children.size(); i++) {
        Set<String> t = typeValues(children.get(i));
        if (t != null) {
          types.addAll(t);
          List<Condition> rest = new ArrayList<>(children);
          rest.remove(i);
          return Conditions.all(rest);
        }
      }
    }
    return null;
  }

  private static @Nullable Set<String> typeValues(Condition c) {
    if (c instanceof Condition.Eq eq) {
      
      if (eq.field().equals(ScoringModel.EVENT_TYPE) && !eq.ignoreCase() && eq.value() instanceof String) {
        return Set.of((String) eq.value());
      }
    } else if (c instanceof Condition.In in) {
      
      if (in.field().equals(ScoringModel.EVENT_TYPE) && !in.ignoreCase()
          && in.values().stream().allMatch(v -> v instanceof String)) {
        Set<String> out = new LinkedHashSet<>();
        in.values().forEach(v -> out.add((String) v));
        return out;
      }
    }
    return null;
  }

  private void readGrades(MapNode root) {
    ConfigNode gn = root.get("grades");
    Set<String> names = new HashSet<>();
    if (gn != null) {
      for (ConfigNode item : gn.asList("grade scales").items()) {
        MapNode m = item.asMap("a grade scale").checkKeys(GRADE_KEYS);
        String gname = name(m, names, "grade scale");
        String scoreName = m.string("score");
        int score = -1;
        for (Parts.Score s : scores) {
          if (s.name.equals(scoreName)) {
            score = s.index;
          }
        }
        if (score < 0) {
          throw m.require("score", "").error("unknown score '" + scoreName + "'");
        }
        MapNode bands = m.map("bands");
        if (bands.entries().isEmpty()) {
          throw bands.error("expected at least one band (label: minimum score)");
        }
        List<String> labels = new ArrayList<>();
        long[] mins = new long[bands.entries().size()];
        int i = 0;
        for (Map.Entry<String, ConfigNode> e : bands.entries().entrySet()) {
          long v = Math.round(e.getValue().asScalar("a minimum score").number() * ScoringModel.MICRO);
          if (i > 0 && v >= mins[i - 1]) {
            throw e.getValue().error("bands go from best to worst: the minimum of '" + e.getKey()
                + "' must be below that of '" + labels.get(i - 1) + "'");
          }
          labels.add(e.getKey());
          mins[i++] = v;
        }
        String otherwise = m.string("otherwise");
        if (labels.contains(otherwise)) {
          throw m.require("otherwise", "").error("'otherwise' label '" + otherwise + "' is already a band");
        }
        grades.add(new Parts.GradeScale(gname, score, List.copyOf(labels), mins, otherwise));
      }
    }
    ConfigNode gridNode = root.get("grid");
    List<Integer> g = new ArrayList<>();
    if (gridNode != null) {
      for (ConfigNode item : gridNode.asList("grade scale names").items()) {
        String n = item.asText("a grade scale name");
        int idx = -1;
        for (int i = 0; i < grades.size(); i++) {
          if (grades.get(i).name.equals(n)) {
            idx = i;
          }
        }
        if (idx < 0) {
          throw item.error("unknown grade scale '" + n + "'");
        }
        g.add(idx);
      }
    } else {
      for (int i = 0; i < grades.size(); i++) {
        g.add(i);
      }
    }
    long cells = 1;
    for (int i : g) {
      cells *= grades.get(i).size();
      if (cells > ScoringModel.MAX_GRID_CELLS) {
        throw (gridNode != null ? gridNode : root).error("the grade grid has more than " + ScoringModel.MAX_GRID_CELLS + " cells");
      }
    }
    grid = g.stream().mapToInt(Integer::intValue).toArray();
    Schema.Builder ob = Schema.builder();
    for (Parts.Score s : scores) {
      ob.field(s.name, ValueType.NUMBER);
    }
    for (Parts.GradeScale s : grades) {
      String f = s.name + "_grade";
      if (scores.stream().anyMatch(x -> x.name.equals(f))) {
        throw root.error("grade field '" + f + "' clashes with a score of that name");
      }
      ob.field(f, ValueType.STRING);
    }
    if (!grades.isEmpty()) {
      if (scores.stream().anyMatch(x -> x.name.equals("grade"))) {
        throw root.error("a score may not be named 'grade' when the model has grades");
      }
      ob.field("grade", ValueType.STRING);
    }
    outcomeSchema = ob.build();
  }

  private void readThresholds(MapNode root) {
    ConfigNode tn = root.get("thresholds");
    if (tn == null) {
      return;
    }
    Set<String> names = new HashSet<>();
    ListNode list = tn.asList("thresholds");
    if (list.size() > ScoringModel.MAX_THRESHOLDS) {
      throw list.error("a model has at most " + ScoringModel.MAX_THRESHOLDS + " thresholds");
    }
    for (ConfigNode item : list.items()) {
      MapNode m = item.asMap("a threshold").checkKeys(THRESHOLD_KEYS);
      String n = name(m, names, "threshold");
      if (outcomeSchema.has(n)) {
        throw m.require("name", "").error("threshold name '" + n + "' clashes with a score or grade field");
      }
      ConfigNode w = m.require("when", "a condition over scores and grades");
      Condition c = ConditionYaml.read(w, outcomeSchema);
      thresholds.add(new Parts.Threshold(n, c, compile(w, c, outcomeSchema)));
    }
  }

  static Map<String, int[]> toArrays(Map<String, List<Integer>> m) {
    Map<String, int[]> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }
}
