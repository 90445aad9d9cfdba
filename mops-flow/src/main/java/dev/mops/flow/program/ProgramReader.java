package dev.mops.flow.program;

import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.condition.Condition;
import dev.mops.core.condition.ConditionYaml;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.config.ConfigNode.MapNode;
import dev.mops.core.record.Schema;
import dev.mops.core.record.ValueType;
import dev.mops.core.time.BusinessCalendar;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reader of program files: checks every key of the YAML document and builds a {@link
 * Program}, failing with file, line, column and path on the first problem. The value types hold
 * no parsing.
 *
 * <p>Thread safety: one instance reads one document, on one thread.
 */
final class ProgramReader {

  static final List<String> ROOT_KEYS = List.of("version", "name", "description", "lead_fields", "event_fields",
      "calendar", "entry", "steps", "exit", "goals", "reentry", "frequency_cap", "limits");
  static final List<String> ENTRY_KEYS = List.of("when", "on_event", "on_field", "inactive");
  static final List<String> STEP_KEYS = List.of("id", "description", "send", "wait", "branch", "update", "notify_owner");
  static final List<String> STEP_KINDS = List.of("send", "wait", "branch", "update", "notify_owner");
  static final List<String> CRITERION_KEYS = List.of("name", "description", "when", "on_event", "blocks_reentry");

  private final ConfigDocument doc;
  Schema leadSchema = Schema.of();
  Schema eventSchema = Schema.of();

  ProgramReader(ConfigDocument doc) {
    this.doc = doc;
  }

  Program read() {
    MapNode root = doc.root().checkKeys(ROOT_KEYS);
    String name = root.string("name", doc.source());
    String description = root.string("description", "");
    leadSchema = fields(root.get("lead_fields"), "lead_fields", Schema.builder());
    Schema.Builder eb = Schema.builder().field(Program.EVENT_TYPE, ValueType.STRING)
        .field(Program.EVENT_TIMESTAMP, ValueType.INSTANT);
    ConfigNode ef = root.get("event_fields");
    if (ef != null) {
      for (String k : List.of(Program.EVENT_TYPE, Program.EVENT_TIMESTAMP)) {
        ConfigNode n = ef.asMap("event fields").get(k);
        if (n != null) {
          throw n.error("'" + k + "' is always an event field; declare only the event's properties");
        }
      }
    }
    eventSchema = fields(ef, "event_fields", eb);

    ConfigNode cal = root.get("calendar");
    BusinessCalendar calendar = cal == null
        ? BusinessCalendar.builder(ZoneOffset.UTC).name("weekdays 09:00-17:00 UTC").weekdays("09:00-17:00").build()
        : BusinessCalendar.fromNode(cal.asMap("a business calendar"), name + " calendar", doc);

    EntryCriteria entry = readEntry(root.map("entry"));
    List<Step> steps = readSteps(root.list("steps"));
    List<Criterion> exits = criteria(root.get("exit"), "exit criteria", true);
    List<Criterion> goals = criteria(root.get("goals"), "goals", false);
    Set<String> names = new LinkedHashSet<>();
    for (Criterion c : exits) {
      names.add(c.name());
    }
    for (int i = 0; i < goals.size(); i++) {
      if (!names.add(goals.get(i).name())) {
        throw root.list("goals").get(i).error("'" + goals.get(i).name() + "' names both an exit criterion and a goal");
      }
    }
    ReEntry reentry = readReEntry(root.get("reentry"));
    @Nullable FrequencyCap cap = readCap(root.get("frequency_cap"));
    int maxEvents = Program.DEFAULT_MAX_EVENTS_PER_LEAD;
    ConfigNode limits = root.get("limits");
    if (limits != null) {
      MapNode lm = limits.asMap("limits").checkKeys(List.of("max_events_per_lead"));
      long max = lm.integer("max_events_per_lead", Program.DEFAULT_MAX_EVENTS_PER_LEAD);
      if (max < 1 || max > Program.MAX_EVENTS_PER_LEAD) {
        throw lm.require("max_events_per_lead", "a number").error(
            "expected max_events_per_lead between 1 and " + Program.MAX_EVENTS_PER_LEAD + ", found " + max);
      }
      maxEvents = (int) max;
    }
    return new Program(doc, name, description, leadSchema, eventSchema, calendar, entry, steps, exits, goals, reentry,
        cap, maxEvents);
  }

  private static Schema fields(@Nullable ConfigNode node, String what, Schema.Builder b) {
    if (node == null) {
      return b.build();
    }
    MapNode m = node.asMap(what + " (field name to type)");
    for (Map.Entry<String, ConfigNode> e : m.entries().entrySet()) {
      ConfigNode v = e.getValue();
      String type = v.asText("a field type (" + ValueType.NAMES + ")");
      try {
        b.field(e.getKey(), ValueType.ofName(type));
      } catch (IllegalArgumentException ex) {
        throw v.error(ex.getMessage());
      }
    }
    return b.build();
  }

  private @Nullable Condition condition(MapNode m, String key, Schema schema) {
    ConfigNode n = m.get(key);
    if (n == null) {
      return null;
    }
    Condition c = ConditionYaml.read(n, schema);
    try {
      CompiledCondition.compile(c, schema);
    } catch (IllegalArgumentException e) {
      throw n.error(e.getMessage());
    }
    return c;
  }

  private EntryCriteria readEntry(MapNode m) {
    m.checkKeys(ENTRY_KEYS);
    Condition lead = condition(m, "when", leadSchema);
    Condition event = condition(m, "on_event", eventSchema);
    String field = m.optionalString("on_field");
    Duration inactiveFor = null;
    Condition activity = null;
    ConfigNode in = m.get("inactive");
    if (in != null) {
      MapNode im = in.asMap("an inactivity trigger {for, activity}").checkKeys(List.of("for", "activity"));
      inactiveFor = duration(im.require("for", "a duration such as 90d"));
      activity = condition(im, "activity", eventSchema);
      if (activity == null) {
        throw im.error("expected 'activity': the condition on the events that count as activity");
      }
    }
    int triggers = (event == null ? 0 : 1) + (field == null ? 0 : 1) + (inactiveFor == null ? 0 : 1);
    if (triggers != 1) {
      throw m.error("expected exactly one entry trigger: on_event (a condition on events), on_field (a lead field "
          + "holding an instant) or inactive ({for, activity}), found " + triggers);
    }
    if (field != null) {
      int slot = leadSchema.slot(field);
      if (slot < 0 || leadSchema.type(slot) != ValueType.INSTANT) {
        throw m.require("on_field", "").error(
            "on_field must name a lead field declared as instant in lead_fields, found '" + field + "'");
      }
    }
    return new EntryCriteria(lead, event, field, inactiveFor, activity);
  }

  private List<Step> readSteps(ConfigNode.ListNode list) {
    if (list.size() == 0) {
      throw list.error("expected at least one step");
    }
    if (list.size() > Program.MAX_STEPS) {
      throw list.error("a program has at most " + Program.MAX_STEPS + " steps, found " + list.size());
    }
    List<MapNode> nodes = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      MapNode m = list.get(i).asMap("a step").checkKeys(STEP_KEYS);
      String id = m.string("id");
      if (!id.matches("[A-Za-z0-9_.-]+") || id.equals(Step.Branch.NEXT) || id.equals(Step.Branch.END)) {
        throw m.require("id", "").error("expected a step id of letters, digits, '_', '.' or '-' (not 'next' or 'end'), found '" + id + "'");
      }
      if (index.put(id, i) != null) {
        throw m.require("id", "").error("duplicate step id '" + id + "'");
      }
      nodes.add(m);
    }
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      MapNode m = nodes.get(i);
      String id = m.string("id");
      List<String> kinds = new ArrayList<>();
      for (String k : STEP_KINDS) {
        if (m.has(k)) {
          kinds.add(k);
        }
      }
      if (kinds.size() != 1) {
        throw m.error("expected exactly one of " + STEP_KINDS + " in step '" + id + "', found " + kinds);
      }
      ConfigNode v = m.require(kinds.get(0), "");
      switch (kinds.get(0)) {
        case "send": {
          String template = v.asText("a template name");
          if (template.isBlank()) {
            throw v.error("expected a template name, found an empty string");
          }
          steps.add(new Step.Send(id, template));
          break;
        }
        case "wait":
          steps.add(readWait(id, v));
          break;
        case "branch": {
          MapNode b = v.asMap("a branch {if, if_event, then, else}").checkKeys(List.of("if", "if_event", "then", "else"));
          Condition lead = condition(b, "if", leadSchema);
          Condition event = condition(b, "if_event", eventSchema);
          if (lead == null && event == null) {
            throw b.error("expected 'if' (a condition on the lead), 'if_event' (a condition on its events) or both");
          }
          String then = target(b, "then", i, index);
          String otherwise = target(b, "else", i, index);
          steps.add(new Step.Branch(id, lead, event, then, otherwise));
          break;
        }
        case "update": {
          MapNode u = v.asMap("an update {field, value}").checkKeys(List.of("field", "value"));
          steps.add(new Step.Update(id, u.string("field"), u.require("value", "a value").asText("a value")));
          break;
        }
        default: {
          MapNode n = v.asMap("a notification {message, owner_field}").checkKeys(List.of("message", "owner_field"));
          String ownerField = n.string("owner_field", "owner");
          if (!leadSchema.has(ownerField)) {
            throw (n.has("owner_field") ? n.require("owner_field", "") : n).error(
                "the owner field '" + ownerField + "' is not declared in lead_fields");
          }
          steps.add(new Step.NotifyOwner(id, ownerField, n.string("message")));
          break;
        }
      }
    }
    return steps;
  }

  private static String target(MapNode b, String key, int from, Map<String, Integer> index) {
    ConfigNode n = b.get(key);
    if (n == null) {
      return Step.Branch.NEXT;
    }
    String t = n.asText("a step id, 'next' or 'end'");
    if (t.equals(Step.Branch.NEXT) || t.equals(Step.Branch.END)) {
      return t;
    }
    Integer to = index.get(t);
    if (to == null) {
      throw n.error("unknown step '" + t + "', expected a later step's id, 'next' or 'end'");
    }
    if (to <= from) {
      throw n.error("a branch may only jump forward; step '" + t + "' does not come after this one");
    }
    return t;
  }

  private static Step.Wait readWait(String id, ConfigNode v) {
    if (v instanceof ConfigNode.ScalarNode) {
      Duration d = duration(v);
      if (d.toMinutes() < 1 || d.toSeconds() % 60 != 0) {
        throw v.error("expected a wait of whole minutes, at least one, found " + v.describe());
      }
      return new Step.Wait(id, d.toMinutes(), WaitUnit.MINUTES);
    }
    MapNode m = v.asMap("a wait (30d, or {business_days: 2})");
    Map<String, WaitUnit> units = Map.of("minutes", WaitUnit.MINUTES, "hours", WaitUnit.HOURS, "days", WaitUnit.DAYS,
        "weeks", WaitUnit.WEEKS, "business_hours", WaitUnit.BUSINESS_HOURS, "business_days", WaitUnit.BUSINESS_DAYS);
    m.checkKeys(units.keySet());
    if (m.keys().size() != 1) {
      throw m.error("expected exactly one of " + new java.util.TreeSet<>(units.keySet()) + " in a wait");
    }
    String key = m.keys().iterator().next();
    long amount = m.integer(key);
    if (amount < 1 || amount > Program.MAX_WAIT_AMOUNT) {
      throw m.require(key, "").error("expected a wait between 1 and " + Program.MAX_WAIT_AMOUNT + ", found " + amount);
    }
    return new Step.Wait(id, amount, java.util.Objects.requireNonNull(units.get(key)));
  }

  private static Duration duration(ConfigNode n) {
    String text = n.asText("a duration such as 30d, 12h or P30D");
    Duration d;
    try {
      d = ConditionYaml.parseDuration(text);
    } catch (IllegalArgumentException e) {
      throw n.error("expected a duration such as 30d, 12h or P30D, found '" + text + "'");
    }
    if (d.isNegative() || d.isZero()) {
      throw n.error("expected a positive duration, found '" + text + "'");
    }
    return d;
  }

  private List<Criterion> criteria(@Nullable ConfigNode node, String what, boolean exits) {
    List<Criterion> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    Set<String> names = new LinkedHashSet<>();
    for (ConfigNode item : node.asList(what).items()) {
      MapNode m = item.asMap("a criterion {name, when, on_event}").checkKeys(CRITERION_KEYS);
      String n = m.string("name");
      if (n.isBlank() || !names.add(n)) {
        throw m.require("name", "").error(n.isBlank() ? "a criterion name must not be blank" : "duplicate name '" + n + "'");
      }
      Condition lead = condition(m, "when", leadSchema);
      Condition event = condition(m, "on_event", eventSchema);
      if (lead == null && event == null) {
        throw m.error("expected 'when' (a condition on the lead), 'on_event' (a condition on its events) or both");
      }
      out.add(new Criterion(n, lead, event, m.bool("blocks_reentry", exits)));
    }
    return out;
  }

  private static ReEntry readReEntry(@Nullable ConfigNode node) {
    if (node == null) {
      return ReEntry.NEVER;
    }
    MapNode m = node.asMap("re-entry rules {allowed, after, max_entries}").checkKeys(List.of("allowed", "after", "max_entries"));
    boolean allowed = m.bool("allowed", true);
    Duration after = m.has("after") ? duration(m.require("after", "")) : Duration.ZERO;
    long max = m.integer("max_entries", ReEntry.UNLIMITED);
    if (max < 1) {
      throw m.require("max_entries", "").error("expected max_entries of at least 1, found " + max);
    }
    if (!allowed && (m.has("after") || m.has("max_entries"))) {
      throw m.error("'after' and 'max_entries' apply only when re-entry is allowed");
    }
    return new ReEntry(allowed, after, (int) Math.min(max, ReEntry.UNLIMITED));
  }

  private @Nullable FrequencyCap readCap(@Nullable ConfigNode node) {
    if (node == null) {
      return null;
    }
    MapNode m = node.asMap("a frequency cap {max_sends, per, counts, when_capped}")
        .checkKeys(List.of("max_sends", "per", "counts", "when_capped"));
    long max = m.integer("max_sends");
    if (max < 1 || max > 1000) {
      throw m.require("max_sends", "").error("expected max_sends between 1 and 1000, found " + max);
    }
    Duration per = duration(m.require("per", "a duration such as 7d"));
    Condition counts = condition(m, "counts", eventSchema);
    String whenCapped = m.string("when_capped", "delay");
    if (!whenCapped.equals("delay") && !whenCapped.equals("skip")) {
      throw m.require("when_capped", "").error("expected 'delay' or 'skip', found '" + whenCapped + "'");
    }
    return new FrequencyCap((int) max, per, counts, whenCapped.equals("skip"));
  }

}
