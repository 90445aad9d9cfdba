package dev.mops.routing;

import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.condition.ConditionExplanation;
import dev.mops.core.record.Record;
import dev.mops.core.record.Row;
import dev.mops.core.record.Schema;
import dev.mops.core.record.Values;
import dev.mops.core.time.BusinessCalendar;
import dev.mops.routing.AssignmentState.Ledger;
import dev.mops.routing.AssignmentState.Period;
import dev.mops.routing.RoutingDecision.Outcome;
import dev.mops.routing.RoutingExplanation.Candidate;
import dev.mops.routing.RoutingExplanation.RuleCheck;
import dev.mops.routing.RoutingExplanation.StateChange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The router of a {@link RoutingTable}: evaluates its rules in order on a lead and sends the lead to
 * the first match's destination (or the default), choosing a rep of a pool by the pool's strategy,
 * skipping reps that are inactive, out of office or at a cap, and falling back (hold or escalate)
 * when nobody can take it. Never throws on a lead's data.
 *
 * <p>A decision is a pure function of the lead, the instant {@code at} and the {@link
 * AssignmentState}; the state is read and written in one {@link AssignmentState#atomically} call
 * per decision, so routing from any number of threads assigns each lead exactly once and never
 * exceeds a cap. {@link #explain} gives the same decision with its full explanation (and changes
 * the state the same way).
 *
 * <pre>{@code
 * Router router = Router.create(RoutingTable.load(Path.of("routing.yaml")), AssignmentState.inMemory());
 * RoutingDecision d = router.route(Records.of(Map.of("country", "US", "employees", 500)), now);
 * }</pre>
 *
 * <p>Thread safety: thread-safe; decisions from many threads are serialised only inside the state.
 */
public final class Router {

  private final RoutingTable table;
  private final AssignmentState state;
  private final Schema schema;
  private final RoutingRule[] rules;
  private final CompiledCondition[] conditions;
  private final Rep[] reps;
  private final Map<String, Integer> repIndex;
  private final Map<String, PoolPlan> pools;
  private final int ownerSlot;
  private final String label;

  /** A pool bound to rep indices, with its members' distinct time zones. */
  private static final class PoolPlan {
    final Pool pool;
    final int[] members;
    final ZoneId[] zones;
    final int[] memberZone;
    final @Nullable ZoneWindow[] windows;

    PoolPlan(Pool pool, int[] members, ZoneId[] zones, int[] memberZone) {
      this.pool = pool;
      this.members = members;
      this.zones = zones;
      this.memberZone = memberZone;
      this.windows = new ZoneWindow[zones.length];
    }
  }

  private Router(RoutingTable table, AssignmentState state) {
    this.table = table;
    this.state = state;
    this.schema = Schema.of(table.fieldsRead());
    this.rules = table.rules().toArray(new RoutingRule[0]);
    this.conditions = new CompiledCondition[rules.length];
    for (int i = 0; i < rules.length; i++) {
      conditions[i] = CompiledCondition.compile(rules[i].when(), schema);
    }
    this.reps = table.reps().values().toArray(new Rep[0]);
    this.repIndex = new HashMap<>();
    for (int i = 0; i < reps.length; i++) {
      repIndex.put(reps[i].id(), i);
    }
    this.pools = new HashMap<>();
    for (Pool p : table.pools().values()) {
      int n = p.members().size();
      int[] members = new int[n];
      int[] memberZone = new int[n];
      List<ZoneId> zones = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        members[i] = Objects.requireNonNull(repIndex.get(p.members().get(i)), "member");
        ZoneId z = reps[members[i]].timeZone();
        int zi = zones.indexOf(z);
        if (zi < 0) {
          zi = zones.size();
          zones.add(z);
        }
        memberZone[i] = zi;
      }
      pools.put(p.name(), new PoolPlan(p, members, zones.toArray(new ZoneId[0]), memberZone));
    }
    this.ownerSlot = schema.slot(table.accountOwnerField());
    this.label = table.name() + " " + table.version() + " (" + table.shortHash() + ")";
  }

  /** Returns a router of {@code table} keeping its state in {@code state}. */
  public static Router create(RoutingTable table, AssignmentState state) {
    return new Router(Objects.requireNonNull(table, "table"), Objects.requireNonNull(state, "state"));
  }

  /** Returns a router of {@code table} with a new in-memory state. */
  public static Router create(RoutingTable table) {
    return create(table, AssignmentState.inMemory());
  }

  /** Returns the table. */
  public RoutingTable table() {
    return table;
  }

  /** Returns the state. */
  public AssignmentState state() {
    return state;
  }

  /** Returns the schema of the fields the rules read (and the account owner field), for {@link #routeRow(Row, Instant)}. */
  public Schema schema() {
    return schema;
  }

  /** Routes a lead at instant {@code at}. */
  public RoutingDecision route(Record lead, Instant at) {
    return decide(schema.row(lead), at, null);
  }

  /**
   * Routes a lead already bound to {@link #schema()} (the allocation-light path for batches).
   *
   * @throws IllegalArgumentException when the row belongs to another schema
   */
  public RoutingDecision routeRow(Row lead, Instant at) {
    if (!lead.schema().equals(schema)) {
      throw new IllegalArgumentException("the row's schema is not the router's: " + lead.schema());
    }
    return decide(lead, at, null);
  }

  /** Routes a lead and explains the decision; the state changes as {@link #route} would change it. */
  public RoutingExplanation explain(Record lead, Instant at) {
    Trace trace = new Trace();
    RoutingDecision d = decide(schema.row(lead), at, trace);
    return new RoutingExplanation(d, label, trace.rules, trace.candidates, trace.state);
  }

  /** What an explanation collects. */
  private static final class Trace {
    final List<RuleCheck> rules = new ArrayList<>();
    final List<Candidate> candidates = new ArrayList<>();
    @Nullable StateChange state;
  }

  private RoutingDecision decide(Row row, Instant at, @Nullable Trace trace) {
    int matched = -1;
    for (int i = 0; i < conditions.length; i++) {
      boolean yes;
      if (trace != null) {
        ConditionExplanation e = conditions[i].explain(row, at);
        yes = e.result();
        trace.rules.add(new RuleCheck(rules[i].name(), yes, e.describe()));
      } else {
        yes = conditions[i].test(row, at);
      }
      if (yes) {
        matched = i;
        break;
      }
    }
    String rule;
    Destination d;
    Fallback fallback;
    if (matched < 0) {
      rule = RoutingTable.DEFAULT_RULE;
      d = table.defaultDestination();
      fallback = table.fallback();
      if (trace != null) {
        trace.rules.add(new RuleCheck(rule, true, "no rule matched"));
      }
    } else {
      RoutingRule r = rules[matched];
      rule = r.name();
      d = r.destination();
      Fallback own = r.fallback();
      fallback = own != null ? own : table.fallback();
    }
    if (d instanceof Destination.Queue) {
      return new RoutingDecision(Outcome.QUEUED, d.name(), null, rule, "queue " + d.name());
    }
    if (d instanceof Destination.Owner) {
      return toOwner(d.name(), rule, fallback, at, trace);
    }
    PoolPlan plan = pools.get(d.name());
    if (plan == null) {
      throw new IllegalStateException("pool '" + d.name() + "' missing from a validated table");
    }
    return toPool(plan, row, rule, fallback, at, trace);
  }

  static long dayIndex(ZoneId zone, Instant at) {
    long local = at.getEpochSecond() + zone.getRules().getOffset(at).getTotalSeconds();
    return Math.floorDiv(local, 86_400L);
  }

  /**
   * A zone's UTC offset over the interval between two of its transitions, so that most decisions
   * find a rep's day with two comparisons instead of a time-zone rules lookup. Immutable; a stale
   * one is replaced, races only repeat the lookup.
   */
  private static final class ZoneWindow {
    final long from; // epoch second, inclusive
    final long until; // epoch second, exclusive
    final int offset;

    ZoneWindow(long from, long until, int offset) {
      this.from = from;
      this.until = until;
      this.offset = offset;
    }

    static ZoneWindow of(ZoneId zone, Instant at) {
      java.time.zone.ZoneRules rules = zone.getRules();
      int offset = rules.getOffset(at).getTotalSeconds();
      if (rules.isFixedOffset()) {
        return new ZoneWindow(Long.MIN_VALUE, Long.MAX_VALUE, offset);
      }
      java.time.zone.ZoneOffsetTransition prev = rules.previousTransition(at.plusSeconds(1));
      java.time.zone.ZoneOffsetTransition next = rules.nextTransition(at);
      long from = prev == null ? Long.MIN_VALUE : prev.getInstant().getEpochSecond();
      long until = next == null ? Long.MAX_VALUE : next.getInstant().getEpochSecond();
      return new ZoneWindow(from, until, offset);
    }
  }

  private long dayIndex(PoolPlan plan, int zone, Instant at) {
    long sec = at.getEpochSecond();
    ZoneWindow w = plan.windows[zone];
    if (w == null || sec < w.from || sec >= w.until) {
      w = ZoneWindow.of(plan.zones[zone], at);
      plan.windows[zone] = w;
    }
    return Math.floorDiv(sec + w.offset, 86_400L);
  }

  static long weekIndex(long dayIndex) {
    // Epoch day 0 (1970-01-01) is a Thursday; ISO weeks start on Monday (epoch day -3).
    return Math.floorDiv(dayIndex + 3, 7L);
  }

  private static @Nullable SkipReason staticSkip(Rep r, long day, Instant at) {
    if (!r.active()) {
      return SkipReason.INACTIVE;
    }
    if (r.isAway(day)) {
      return SkipReason.OUT_OF_OFFICE;
    }
    if (!r.isWorking(at)) {
      return SkipReason.OUTSIDE_WORKING_HOURS;
    }
    return null;
  }

  private static @Nullable SkipReason capSkip(Ledger l, Rep r, long day, long week) {
    if (r.dailyCap() != Rep.NO_CAP && l.assigned(r.id(), Period.DAY, day) >= r.dailyCap()) {
      return SkipReason.DAILY_CAP;
    }
    if (r.weeklyCap() != Rep.NO_CAP && l.assigned(r.id(), Period.WEEK, week) >= r.weeklyCap()) {
      return SkipReason.WEEKLY_CAP;
    }
    return null;
  }

  private static String detail(Rep r, @Nullable SkipReason s, long day, int today, int week) {
    if (s == SkipReason.OUT_OF_OFFICE) {
      return "out of office " + r.outOfOfficeOn(day);
    }
    if (s == SkipReason.INACTIVE) {
      return "inactive";
    }
    BusinessCalendar hours = r.workingHours();
    if (s == SkipReason.OUTSIDE_WORKING_HOURS && hours != null) {
      return "outside working hours (" + hours.name() + ", " + hours.zone() + ")";
    }
    String t = today + (r.dailyCap() == Rep.NO_CAP ? "" : " of " + r.dailyCap()) + " today";
    String w = week + (r.weeklyCap() == Rep.NO_CAP ? "" : " of " + r.weeklyCap()) + " this week";
    return t + ", " + w;
  }

  /** The outcome of the atomic part of one decision. */
  private static final class Pick {
    int chosen = -1; // member index, or OWNER
    @Nullable SkipReason ownerSkip;
    long rotationBefore;
    long rotationAfter;
    int todayBefore;
    int weekBefore;
    int[] today = NONE; // per member, when tracing
    int[] week = NONE;
    int ownerToday;
    int ownerWeek;
  }

  private static final int OWNER = -2;
  private static final int[] NONE = new int[0];

  private RoutingDecision toOwner(String id, String rule, Fallback fallback, Instant at, @Nullable Trace trace) {
    Rep r = reps[Objects.requireNonNull(repIndex.get(id), "owner")];
    long day = dayIndex(r.timeZone(), at);
    long week = weekIndex(day);
    SkipReason fixed = staticSkip(r, day, at);
    Pick p = state.atomically(l -> {
      Pick x = new Pick();
      x.todayBefore = l.assigned(r.id(), Period.DAY, day);
      x.weekBefore = l.assigned(r.id(), Period.WEEK, week);
      x.ownerSkip = fixed != null ? fixed : capSkip(l, r, day, week);
      if (x.ownerSkip == null) {
        l.record(null, r.id(), day, week);
        x.chosen = OWNER;
      }
      return x;
    });
    boolean ok = p.chosen == OWNER;
    if (trace != null) {
      trace.candidates.add(new Candidate(r.id(), p.ownerSkip, detail(r, p.ownerSkip, day, p.todayBefore, p.weekBefore), ok));
      trace.state = new StateChange(null, 0, 0, ok ? r.id() : null, p.todayBefore, p.todayBefore + (ok ? 1 : 0),
          p.weekBefore, p.weekBefore + (ok ? 1 : 0));
    }
    if (ok) {
      return new RoutingDecision(Outcome.ASSIGNED, r.id(), r.id(), rule, "owner " + r.id());
    }
    String why = "owner " + r.id() + " is unavailable (" + detail(r, p.ownerSkip, day, p.todayBefore, p.weekBefore)
        + (p.ownerSkip == SkipReason.DAILY_CAP || p.ownerSkip == SkipReason.WEEKLY_CAP ? ", " + p.ownerSkip.code() : "")
        + ")";
    return fallback(fallback, r, rule, why);
  }

  private RoutingDecision fallback(Fallback f, @Nullable Rep owner, String rule, String why) {
    if (f.kind() == Fallback.Kind.HOLD) {
      return new RoutingDecision(Outcome.HELD, f.target(), null, rule, why + "; held in " + f.target());
    }
    String manager = f.target();
    if (manager.equals(Fallback.REP_MANAGER) && owner != null && owner.manager() != null) {
      manager = owner.manager();
    }
    return new RoutingDecision(Outcome.ESCALATED, RoutingDecision.ESCALATED, manager, rule, why + "; escalated to " + manager);
  }

  private RoutingDecision toPool(PoolPlan plan, Row row, String rule, Fallback fallback, Instant at, @Nullable Trace trace) {
    Pool pool = plan.pool;
    int n = plan.members.length;
    long[] zoneDay = new long[plan.zones.length];
    for (int z = 0; z < zoneDay.length; z++) {
      zoneDay[z] = dayIndex(plan, z, at);
    }
    @Nullable SkipReason[] skips = new SkipReason[n];
    for (int i = 0; i < n; i++) {
      skips[i] = staticSkip(reps[plan.members[i]], zoneDay[plan.memberZone[i]], at);
    }
    PoolStrategy strategy = pool.strategy();
    Rep owner = null;
    long ownerDay = 0;
    SkipReason ownerFixed = null;
    String ownerName = null;
    if (strategy == PoolStrategy.ACCOUNT_OWNER_FIRST) {
      strategy = pool.then();
      if (ownerSlot >= 0) {
        String o = Values.asString(row.get(ownerSlot));
        if (o != null && !o.isBlank()) {
          ownerName = o.trim();
          Integer oi = repIndex.get(ownerName);
          if (oi == null) {
            ownerFixed = SkipReason.UNKNOWN_OWNER;
          } else {
            owner = reps[oi];
            ownerDay = dayIndex(owner.timeZone(), at);
            ownerFixed = staticSkip(owner, ownerDay, at);
          }
        }
      }
    }
    final PoolStrategy pick = strategy;
    final Rep accountOwner = owner;
    final long aoDay = ownerDay;
    final SkipReason aoFixed = ownerFixed;
    final boolean tracing = trace != null;
    Pick p = state.atomically(l -> {
      Pick x = new Pick();
      x.rotationBefore = l.rotation(pool.name());
      x.rotationAfter = x.rotationBefore;
      x.ownerSkip = aoFixed;
      if (accountOwner != null) {
        long w = weekIndex(aoDay);
        x.ownerToday = l.assigned(accountOwner.id(), Period.DAY, aoDay);
        x.ownerWeek = l.assigned(accountOwner.id(), Period.WEEK, w);
        x.ownerSkip = aoFixed != null ? aoFixed : capSkip(l, accountOwner, aoDay, w);
        if (x.ownerSkip == null) {
          x.chosen = OWNER;
          x.todayBefore = x.ownerToday;
          x.weekBefore = x.ownerWeek;
          l.record(null, accountOwner.id(), aoDay, w);
          return x;
        }
      }
      if (tracing) {
        x.today = new int[n];
        x.week = new int[n];
      }
      int start = (int) Math.floorMod(x.rotationBefore, (long) n);
      int best = -1;
      long bestLoad = 0;
      for (int k = 0; k < n; k++) {
        int i = start + k < n ? start + k : start + k - n;
        Rep r = reps[plan.members[i]];
        long day = zoneDay[plan.memberZone[i]];
        long week = weekIndex(day);
        if (tracing) {
          x.today[i] = l.assigned(r.id(), Period.DAY, day);
          x.week[i] = l.assigned(r.id(), Period.WEEK, week);
        }
        if (skips[i] != null) {
          continue;
        }
        SkipReason s = capSkip(l, r, day, week);
        if (s != null) {
          skips[i] = s;
          continue;
        }
        if (pick == PoolStrategy.ROUND_ROBIN) {
          best = i;
          if (!tracing) {
            break;
          }
          continue;
        }
        if (pick == PoolStrategy.LEAST_LOADED) {
          long load = l.assigned(r.id(), Period.DAY, day);
          if (best < 0 || load < bestLoad) {
            best = i;
            bestLoad = load;
          }
        } else { // WEIGHTED: smallest (assigned + 1) / weight, compared without division
          long a = l.assignedInPool(pool.name(), r.id()) + 1;
          if (best < 0 || a * pool.weight(best) < bestLoad * pool.weight(i)) {
            best = i;
            bestLoad = a;
          }
        }
      }
      if (pick == PoolStrategy.ROUND_ROBIN && tracing) {
        // with tracing the loop visited everyone; the choice is the first available in rotation order
        best = -1;
        for (int k = 0; k < n && best < 0; k++) {
          int i = start + k < n ? start + k : start + k - n;
          if (skips[i] == null) {
            best = i;
          }
        }
      }
      if (best >= 0) {
        Rep r = reps[plan.members[best]];
        long day = zoneDay[plan.memberZone[best]];
        long week = weekIndex(day);
        x.todayBefore = l.assigned(r.id(), Period.DAY, day);
        x.weekBefore = l.assigned(r.id(), Period.WEEK, week);
        l.record(pool.name(), r.id(), day, week);
        x.rotationAfter = best + 1L;
        l.rotation(pool.name(), x.rotationAfter);
        x.chosen = best;
      }
      return x;
    });
    String strategyLabel = pick.label();
    if (trace != null) {
      if (ownerName != null) {
        boolean ok = p.chosen == OWNER;
        String det = accountOwner == null ? "account owner '" + ownerName + "' is not a rep of this table"
            : "account owner; " + detail(accountOwner, p.ownerSkip, aoDay, p.ownerToday, p.ownerWeek);
        trace.candidates.add(new Candidate(ownerName, p.ownerSkip, det, ok));
      }
      if (p.chosen != OWNER) {
        int start = (int) Math.floorMod(p.rotationBefore, (long) n);
        for (int k = 0; k < n; k++) {
          int i = (start + k) % n;
          Rep r = reps[plan.members[i]];
          long day = zoneDay[plan.memberZone[i]];
          trace.candidates.add(new Candidate(r.id(), i == p.chosen ? null : skips[i],
              detail(r, skips[i], day, p.today[i], p.week[i]), i == p.chosen));
        }
      }
      String rep = p.chosen == OWNER ? Objects.requireNonNull(accountOwner).id()
          : p.chosen >= 0 ? reps[plan.members[p.chosen]].id() : null;
      trace.state = new StateChange(pool.name(), p.rotationBefore, p.rotationAfter, rep,
          p.todayBefore, p.todayBefore + (rep == null ? 0 : 1), p.weekBefore, p.weekBefore + (rep == null ? 0 : 1));
    }
    if (p.chosen == OWNER) {
      String id = Objects.requireNonNull(accountOwner).id();
      return new RoutingDecision(Outcome.ASSIGNED, pool.name(), id, rule, "account owner " + id + " is available");
    }
    StringBuilder why = new StringBuilder();
    if (ownerName != null) {
      why.append("account owner ").append(ownerName).append(" skipped (").append(Objects.requireNonNull(p.ownerSkip).code())
          .append("); ");
    }
    if (p.chosen >= 0) {
      String id = reps[plan.members[p.chosen]].id();
      why.append(strategyLabel).append(" in pool ").append(pool.name()).append(" chose ").append(id);
      appendSkips(why, plan, skips, p.chosen, "; skipped ");
      return new RoutingDecision(Outcome.ASSIGNED, pool.name(), id, rule, why.toString());
    }
    why.append("nobody in pool ").append(pool.name()).append(" can take the lead");
    appendSkips(why, plan, skips, -1, ": ");
    return fallback(fallback, null, rule, why.toString());
  }

  private void appendSkips(StringBuilder sb, PoolPlan plan, @Nullable SkipReason[] skips, int chosen, String lead) {
    boolean any = false;
    for (SkipReason reason : SkipReason.values()) {
      boolean named = false;
      for (int i = 0; i < skips.length; i++) {
        if (i != chosen && skips[i] == reason) {
          if (!any) {
            sb.append(lead);
            any = true;
          } else if (!named) {
            sb.append(", ");
          }
          if (!named) {
            sb.append(reason.code());
            named = true;
          }
          sb.append(' ').append(reps[plan.members[i]].id());
        }
      }
    }
  }
}
