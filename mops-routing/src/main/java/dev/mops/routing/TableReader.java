package dev.mops.routing;

import dev.mops.core.condition.Condition;
import dev.mops.core.condition.ConditionYaml;
import dev.mops.core.condition.Conditions;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.config.ConfigNode.ListNode;
import dev.mops.core.config.ConfigNode.MapNode;
import dev.mops.core.time.BusinessCalendar;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads a routing table document, failing at the first bad key or value with its position. */
final class TableReader {

  static final List<String> ROOT_KEYS =
      List.of("version", "name", "description", "calendars", "reps", "pools", "fallback", "rules", "default", "account_owner_field");
  static final List<String> REP_KEYS =
      List.of("id", "name", "time_zone", "working_hours", "caps", "out_of_office", "active", "manager");
  static final List<String> CAP_KEYS = List.of("day", "week");
  static final List<String> SPAN_KEYS = List.of("from", "to");
  static final List<String> POOL_KEYS = List.of("name", "description", "strategy", "then", "reps");
  static final List<String> MEMBER_KEYS = List.of("rep", "weight");
  static final List<String> RULE_KEYS = List.of("name", "description", "when", "route", "fallback");
  static final List<String> DESTINATION_KEYS = List.of("owner", "queue", "pool");
  static final List<String> FALLBACK_KEYS = List.of("hold", "escalate");

  private final ConfigDocument doc;

  TableReader(ConfigDocument doc) {
    this.doc = doc;
  }

  RoutingTable read() {
    MapNode root = doc.root();
    root.checkKeys(ROOT_KEYS);
    RoutingTable.Builder b = RoutingTable.builder(root.string("name", doc.source()))
        .version(doc.version(), doc.contentHash());
    ConfigNode ownerField = root.get("account_owner_field");
    if (ownerField != null) {
      b.accountOwnerField(nonBlank(ownerField, "a field name"));
    }
    Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
    ConfigNode cals = root.get("calendars");
    if (cals != null) {
      for (Map.Entry<String, ConfigNode> e : cals.asMap("calendars (name to calendar)").entries().entrySet()) {
        calendars.put(e.getKey(), BusinessCalendar.fromNode(e.getValue().asMap("a business calendar"), e.getKey(), doc));
      }
    }
    ConfigNode reps = root.get("reps");
    if (reps != null) {
      ListNode list = reps.asList("reps");
      if (list.size() > RoutingTable.MAX_REPS) {
        throw list.error("a table has at most " + RoutingTable.MAX_REPS + " reps, found " + list.size());
      }
      for (ConfigNode n : list.items()) {
        Rep rep = rep(n.asMap("a rep"), calendars);
        wrap(n, () -> b.rep(rep));
      }
    }
    ConfigNode pools = root.get("pools");
    if (pools != null) {
      for (ConfigNode n : pools.asList("pools").items()) {
        Pool pool = pool(n.asMap("a pool"));
        wrap(n, () -> b.pool(pool));
      }
    }
    ConfigNode fb = root.get("fallback");
    if (fb != null) {
      Fallback f = fallback(fb);
      wrap(fb, () -> b.fallback(f));
    }
    ConfigNode rules = root.get("rules");
    if (rules != null) {
      ListNode list = rules.asList("rules");
      if (list.size() > RoutingTable.MAX_RULES) {
        throw list.error("a table has at most " + RoutingTable.MAX_RULES + " rules, found " + list.size());
      }
      for (ConfigNode n : list.items()) {
        MapNode m = n.asMap("a rule").checkKeys(RULE_KEYS);
        String name = nonBlank(m.require("name", "a rule name"), "a rule name");
        Condition when = m.has("when") ? ConditionYaml.read(m.require("when", "a condition"), null) : Conditions.always();
        ConfigNode routeNode = m.require("route", "a destination ({owner: id}, {queue: name} or {pool: name})");
        Destination d = destination(routeNode);
        ConfigNode rf = m.get("fallback");
        Fallback f = rf == null ? null : fallback(rf);
        wrap(routeNode, () -> b.check(d));
        if (rf != null && f != null) {
          wrap(rf, () -> b.check(d, f));
        }
        wrap(m.require("name", ""), () -> b.rule(name, when, d, f));
      }
    }
    ConfigNode def = root.require("default", "the default destination, taken when no rule matches");
    Destination d = destination(def);
    wrap(def, () -> b.defaultDestination(d));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw root.error(e.getMessage());
    }
  }

  private static void wrap(ConfigNode at, Runnable r) {
    try {
      r.run();
    } catch (IllegalArgumentException e) {
      throw at.error(e.getMessage());
    }
  }

  private static String nonBlank(ConfigNode n, String what) {
    String s = n.asText(what);
    if (s.isBlank()) {
      throw n.error("expected " + what + ", found an empty string");
    }
    return s;
  }

  private static Rep rep(MapNode m, Map<String, BusinessCalendar> calendars) {
    m.checkKeys(REP_KEYS);
    String id = nonBlank(m.require("id", "the rep's id"), "a rep id");
    Rep.Builder b = Rep.builder(id);
    String display = m.optionalString("name");
    if (display != null) {
      b.displayName(display);
    }
    ConfigNode tz = m.get("time_zone");
    if (tz != null) {
      try {
        b.timeZone(ZoneId.of(tz.asText("a time zone").trim()));
      } catch (DateTimeException e) {
        throw tz.error("expected an IANA time zone such as America/New_York, found " + tz.describe());
      }
    }
    ConfigNode wh = m.get("working_hours");
    if (wh != null) {
      String cal = nonBlank(wh, "a calendar name");
      BusinessCalendar c = calendars.get(cal);
      if (c == null) {
        throw wh.error("unknown calendar '" + cal + "'; calendars are " + calendars.keySet());
      }
      b.workingHours(c);
    }
    ConfigNode caps = m.get("caps");
    if (caps != null) {
      MapNode cm = caps.asMap("caps").checkKeys(CAP_KEYS);
      if (cm.has("day")) {
        b.dailyCap(cap(cm.require("day", "")));
      }
      if (cm.has("week")) {
        b.weeklyCap(cap(cm.require("week", "")));
      }
    }
    ConfigNode ooo = m.get("out_of_office");
    if (ooo != null) {
      for (ConfigNode s : ooo.asList("out-of-office dates").items()) {
        if (s instanceof MapNode) {
          MapNode sm = ((MapNode) s).checkKeys(SPAN_KEYS);
          LocalDate from = date(sm.require("from", "a date"));
          LocalDate to = date(sm.require("to", "a date"));
          if (to.isBefore(from)) {
            throw s.error("out-of-office span ends (" + to + ") before it starts (" + from + ")");
          }
          b.outOfOffice(new DateSpan(from, to));
        } else {
          b.outOfOffice(DateSpan.of(date(s)));
        }
      }
    }
    b.active(m.bool("active", true));
    String manager = m.optionalString("manager");
    if (manager != null) {
      b.manager(manager);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw m.error(e.getMessage());
    }
  }

  private static int cap(ConfigNode n) {
    long v = n.asScalar("a cap (a whole number)").integer();
    if (v < 0 || v > 1_000_000_000) {
      throw n.error("expected a cap from 0 to 1000000000, found " + v);
    }
    return (int) v;
  }

  private static LocalDate date(ConfigNode n) {
    String s = n.asText("a date (YYYY-MM-DD)").trim();
    try {
      return LocalDate.parse(s);
    } catch (DateTimeException e) {
      throw n.error("expected a date (YYYY-MM-DD), found " + n.describe());
    }
  }

  private static Pool pool(MapNode m) {
    m.checkKeys(POOL_KEYS);
    String name = nonBlank(m.require("name", "the pool's name"), "a pool name");
    PoolStrategy strategy = strategy(m.get("strategy"), PoolStrategy.ROUND_ROBIN);
    Pool.Builder b = Pool.builder(name, strategy);
    ConfigNode then = m.get("then");
    if (then != null) {
      if (strategy != PoolStrategy.ACCOUNT_OWNER_FIRST) {
        throw then.error("'then' applies to account_owner_first pools only");
      }
      PoolStrategy t = strategy(then, PoolStrategy.ROUND_ROBIN);
      wrap(then, () -> b.then(t));
    }
    ListNode reps = m.list("reps");
    if (reps.size() > RoutingTable.MAX_POOL_MEMBERS) {
      throw reps.error("a pool has at most " + RoutingTable.MAX_POOL_MEMBERS + " members, found " + reps.size());
    }
    for (ConfigNode r : reps.items()) {
      if (r instanceof MapNode) {
        MapNode rm = ((MapNode) r).checkKeys(MEMBER_KEYS);
        String id = nonBlank(rm.require("rep", "a rep id"), "a rep id");
        long w = rm.integer("weight", 1);
        if (w < 1 || w > 1000) {
          throw rm.require("weight", "").error("expected a weight from 1 to 1000, found " + w);
        }
        wrap(r, () -> b.member(id, (int) w));
      } else {
        String id = nonBlank(r, "a rep id");
        wrap(r, () -> b.member(id));
      }
    }
    if (reps.size() == 0) {
      throw reps.error("expected at least one rep in pool '" + name + "'");
    }
    return b.build();
  }

  private static PoolStrategy strategy(@Nullable ConfigNode n, PoolStrategy fallback) {
    if (n == null) {
      return fallback;
    }
    try {
      return PoolStrategy.parse(n.asText("a strategy"));
    } catch (IllegalArgumentException e) {
      throw n.error(e.getMessage());
    }
  }

  private static Destination destination(ConfigNode n) {
    MapNode m = n.asMap("a destination ({owner: id}, {queue: name} or {pool: name})").checkKeys(DESTINATION_KEYS);
    if (m.entries().size() != 1) {
      throw n.error("expected exactly one of owner, queue or pool, found " + m.keys());
    }
    Map.Entry<String, ConfigNode> e = m.entries().entrySet().iterator().next();
    String name = nonBlank(e.getValue(), "a name");
    switch (e.getKey()) {
      case "owner":
        return new Destination.Owner(name);
      case "queue":
        return new Destination.Queue(name);
      default:
        return new Destination.ToPool(name);
    }
  }

  private static Fallback fallback(ConfigNode n) {
    MapNode m = n.asMap("a fallback ({hold: queue} or {escalate: manager})").checkKeys(FALLBACK_KEYS);
    if (m.entries().size() != 1) {
      throw n.error("expected exactly one of hold or escalate, found " + m.keys());
    }
    Map.Entry<String, ConfigNode> e = m.entries().entrySet().iterator().next();
    String target = nonBlank(e.getValue(), "a name");
    return e.getKey().equals("hold") ? Fallback.hold(target) : Fallback.escalate(target);
  }
}
