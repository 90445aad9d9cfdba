package dev.mops.flow.program;

import dev.mops.core.Finding;
import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.condition.Condition;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import dev.mops.core.time.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The simulator of a {@link Program}: compiled conditions and the walk through the steps.
 *
 * <p>Thread safety: immutable after construction; {@link #simulate} keeps all its state in locals.
 */
final class Simulator {

  private static final int TIMESTAMP = 1;
  private static final Comparator<Finding> FINDING_ORDER = Comparator.comparing(Finding::code)
      .thenComparing(Finding::field)
      .thenComparing(f -> f.rawValue() == null ? "" : f.rawValue())
      .thenComparing(Finding::message);

  private final Program p;
  private final @Nullable CompiledCondition entryLead;
  private final @Nullable CompiledCondition entryEvent;
  private final int entryFieldSlot;
  private final @Nullable CompiledCondition activity;
  private final List<Crit> criteria = new ArrayList<>();
  private final @Nullable CompiledCondition[] branchLead;
  private final @Nullable CompiledCondition[] branchEvent;
  private final int[] thenIndex;
  private final int[] elseIndex;
  private final @Nullable CompiledCondition capCounts;

  /** A compiled exit criterion or goal. */
  private record Crit(Criterion c, boolean goal, @Nullable CompiledCondition lead, @Nullable CompiledCondition event) {}

  /** An event read into the program's event schema. */
  private record Ev(Instant at, ArrayRow row, String key) {}

  /** How one run through the program ended, or that it is still going. */
  private record RunEnd(ProgramStatus status, String nextStepId, String nextAction, @Nullable Instant dueAt,
      @Nullable Instant leftAt, String leftBy, boolean blocksReentry) {}

  Simulator(Program p) {
    this.p = p;
    EntryCriteria e = p.entry();
    entryLead = compile(e.lead(), true);
    entryEvent = compile(e.event(), false);
    String field = e.field();
    entryFieldSlot = field == null ? -1 : p.leadSchema().slot(field);
    activity = compile(e.activity(), false);
    for (Criterion c : p.exits()) {
      criteria.add(new Crit(c, false, compile(c.lead(), true), compile(c.event(), false)));
    }
    for (Criterion c : p.goals()) {
      criteria.add(new Crit(c, true, compile(c.lead(), true), compile(c.event(), false)));
    }
    int n = p.steps().size();
    branchLead = new CompiledCondition[n];
    branchEvent = new CompiledCondition[n];
    thenIndex = new int[n];
    elseIndex = new int[n];
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(p.steps().get(i).id(), i);
    }
    for (int i = 0; i < n; i++) {
      if (p.steps().get(i) instanceof Step.Branch b) {
        branchLead[i] = compile(b.lead(), true);
        branchEvent[i] = compile(b.event(), false);
        thenIndex[i] = target(b.thenStep(), i, index);
        elseIndex[i] = target(b.elseStep(), i, index);
      }
    }
    FrequencyCap cap = p.frequencyCap();
    capCounts = cap == null ? null : compile(cap.counts(), false);
  }

  private @Nullable CompiledCondition compile(@Nullable Condition c, boolean lead) {
    return c == null ? null : CompiledCondition.compile(c, lead ? p.leadSchema() : p.eventSchema());
  }

  private int target(String t, int from, Map<String, Integer> index) {
    if (t.equals(Step.Branch.NEXT)) {
      return from + 1;
    }
    if (t.equals(Step.Branch.END)) {
      return p.steps().size();
    }
    Integer i = index.get(t);
    if (i == null || i <= from) {
      throw new IllegalArgumentException("branch target '" + t + "' must be a later step");
    }
    return i;
  }

  LeadProgramState simulate(String leadId, Record lead, Collection<? extends Record> events, Instant now) {
    List<Finding> findings = new ArrayList<>();
    ArrayRow leadRow = p.leadSchema().row(lead, findings::add);
    List<Ev> evs = readEvents(events, now, findings);

    List<Instant> triggers = triggers(leadRow, evs, now);
    List<ProgramAction> actions = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    List<Instant> ownSends = new ArrayList<>();
    List<Instant> counted = new ArrayList<>();
    if (capCounts != null) {
      for (Ev ev : evs) {
        if (capCounts.test(ev.row, ev.at)) {
          counted.add(ev.at);
        }
      }
    }
    RunEnd last = null;
    Instant free = null;
    Instant lastEntry = null;
    int entries = 0;
    boolean blocked = false;
    boolean eligible = false;
    ReEntry re = p.reentry();
    for (Instant tr : triggers) {
      if (free != null && !tr.isAfter(free)) {
        continue;
      }
      if (entryLead != null && !entryLead.test(leadRow, tr)) {
        continue;
      }
      eligible = true;
      if (entries > 0 && lastEntry != null) {
        if (!re.allowed()) {
          reasons.add("trigger at " + tr + " ignored: re-entry is not allowed");
          break;
        }
        if (blocked) {
          reasons.add("trigger at " + tr + " ignored: the lead left by '" + (last == null ? "" : last.leftBy)
              + "', which blocks re-entry");
          break;
        }
        if (entries >= re.maxEntries()) {
          reasons.add("trigger at " + tr + " ignored: the lead entered " + entries + " times, the most allowed");
          break;
        }
        if (tr.isBefore(lastEntry.plus(re.after()))) {
          continue;
        }
      }
      entries++;
      lastEntry = tr;
      reasons.add("entered at " + tr + ": " + triggerWhy() + (entryLead == null ? "" : "; entry.when held"));
      last = run(tr, leadRow, evs, now, ownSends, counted, actions, reasons, findings);
      if (last.status == ProgramStatus.ACTIVE) {
        break;
      }
      free = last.leftAt;
      blocked = last.blocksReentry;
    }
    findings.sort(FINDING_ORDER);
    if (last == null) {
      ProgramStatus status;
      if (!triggers.isEmpty() && !eligible) {
        status = ProgramStatus.NOT_ELIGIBLE;
        reasons.add("entry.when did not hold at any of " + triggers.size() + " entry triggers");
      } else if (entryLead != null && !entryLead.test(leadRow, now)) {
        status = ProgramStatus.NOT_ELIGIBLE;
        reasons.add("entry.when does not hold");
      } else {
        status = ProgramStatus.NOT_ENTERED;
        reasons.add("no entry trigger by " + now + " (" + triggerWhy() + ")");
      }
      return new LeadProgramState(leadId, p, now, status, 0, null, "", "", null, null, "", actions, reasons, findings);
    }
    return new LeadProgramState(leadId, p, now, last.status, entries, lastEntry, last.nextStepId, last.nextAction,
        last.dueAt, last.leftAt, last.leftBy, actions, reasons, findings);
  }

  private String triggerWhy() {
    EntryCriteria e = p.entry();
    if (e.event() != null) {
      return "an event matched entry.on_event";
    }
    if (e.field() != null) {
      return "the lead's " + e.field() + " (entry.on_field)";
    }
    return "no activity for " + e.inactiveFor() + " (entry.inactive)";
  }

  private List<Ev> readEvents(Collection<? extends Record> events, Instant now, List<Finding> findings) {
    List<Ev> evs = new ArrayList<>(events.size());
    int n = p.eventSchema().size();
    for (Record e : events) {
      List<Finding> ef = new ArrayList<>(0);
      ArrayRow row = p.eventSchema().row(e, ef::add);
      Object ts = row.get(TIMESTAMP);
      if (!(ts instanceof Instant at)) {
        if (ef.isEmpty()) {
          findings.add(Finding.error("EVENT_WITHOUT_TIMESTAMP", Program.EVENT_TIMESTAMP, null,
              "an event has no timestamp; it was left out"));
        } else {
          findings.addAll(ef);
        }
        continue;
      }
      findings.addAll(ef);
      if (at.isAfter(now)) {
        continue;
      }
      StringBuilder key = new StringBuilder();
      for (int i = 0; i < n; i++) {
        String s = Values.asString(row.get(i));
        key.append(s == null ? "\u0000" : s).append('\u0001');
      }
      evs.add(new Ev(at, row, key.toString()));
    }
    evs.sort(Comparator.comparing(Ev::at).thenComparing(Ev::key));
    int max = p.maxEventsPerLead();
    if (evs.size() > max) {
      findings.add(Finding.warning("EVENTS_OVER_LIMIT", "", evs.size(),
          "the lead has " + evs.size() + " events up to the as-of instant; only the earliest " + max + " were read"));
      return new ArrayList<>(evs.subList(0, max));
    }
    return evs;
  }

  private List<Instant> triggers(ArrayRow leadRow, List<Ev> evs, Instant now) {
    List<Instant> out = new ArrayList<>();
    if (entryEvent != null) {
      for (Ev ev : evs) {
        if (entryEvent.test(ev.row, ev.at)) {
          out.add(ev.at);
        }
      }
    } else if (entryFieldSlot >= 0) {
      if (leadRow.get(entryFieldSlot) instanceof Instant at && !at.isAfter(now)) {
        out.add(at);
      }
    } else if (activity != null) {
      Duration d = p.entry().inactiveFor();
      List<Instant> acts = new ArrayList<>();
      for (Ev ev : evs) {
        if (activity.test(ev.row, ev.at)) {
          acts.add(ev.at);
        }
      }
      for (int i = 0; i < acts.size(); i++) {
        Instant tr = acts.get(i).plus(d == null ? Duration.ZERO : d);
        boolean quiet = i + 1 == acts.size() || acts.get(i + 1).isAfter(tr);
        if (quiet && !tr.isAfter(now)) {
          out.add(tr);
        }
      }
    }
    Collections.sort(out);
    return out;
  }

  @SuppressWarnings("TooManyParameters")
  private RunEnd run(Instant entry, ArrayRow leadRow, List<Ev> evs, Instant now, List<Instant> ownSends,
      List<Instant> counted, List<ProgramAction> actions, List<String> reasons, List<Finding> findings) {
    actions.add(new ProgramAction(entry, ActionKind.ENTER, "", "entered " + p.name()));
    Instant exitAt = null;
    Crit exitBy = null;
    String exitWhy = "";
    for (Crit c : criteria) {
      Instant at = null;
      String why = "";
      if (c.event != null) {
        for (Ev ev : evs) {
          if (!ev.at.isBefore(entry) && c.event.test(ev.row, ev.at) && (c.lead == null || c.lead.test(leadRow, ev.at))) {
            at = ev.at;
            Object type = ev.row.get(0);
            why = "event " + type + " at " + ev.at + " matched on_event" + (c.lead == null ? "" : " and when held");
            break;
          }
        }
      } else if (c.lead != null && c.lead.test(leadRow, entry)) {
        at = entry;
        why = "the lead's fields match when";
      }
      if (at != null && (exitAt == null || at.isBefore(exitAt))) {
        exitAt = at;
        exitBy = c;
        exitWhy = why;
      }
    }
    List<Step> steps = p.steps();
    Instant t = entry;
    int i = 0;
    while (i < steps.size()) {
      Step s = steps.get(i);
      if (s instanceof Step.Wait w) {
        t = after(t, w);
        i++;
        continue;
      }
      Instant due = t;
      boolean skip = false;
      FrequencyCap cap = p.frequencyCap();
      if (s instanceof Step.Send && cap != null) {
        Instant room = room(t, cap, ownSends, counted);
        if (!room.equals(t)) {
          if (cap.skip()) {
            skip = true;
          } else {
            due = room;
          }
        }
      }
      if (skip && cap != null) {
        reasons.add("frequency cap: " + s.describe() + " at " + t + " skipped, " + cap.maxSends() + " sends in " + cap.per());
      } else if (!due.equals(t)) {
        reasons.add("frequency cap: " + s.describe() + " delayed from " + t + " to " + due);
      }
      if (exitAt != null && exitBy != null && !exitAt.isAfter(due)) {
        return leave(exitAt, exitBy, exitWhy, actions, reasons);
      }
      if (due.isAfter(now)) {
        return new RunEnd(ProgramStatus.ACTIVE, s.id(), s.describe(), due, null, "", false);
      }
      int next = i + 1;
      if (s instanceof Step.Send send) {
        if (skip) {
          actions.add(new ProgramAction(due, ActionKind.SKIP, s.id(), "skipped " + send.template() + ": frequency cap"));
        } else {
          actions.add(new ProgramAction(due, ActionKind.SEND, s.id(), s.describe()));
          ownSends.add(due);
        }
      } else if (s instanceof Step.Branch b) {
        CompiledCondition bl = branchLead[i];
        CompiledCondition be = branchEvent[i];
        boolean holds = bl == null || bl.test(leadRow, due);
        String evidence = "";
        if (holds && be != null) {
          holds = false;
          for (Ev ev : evs) {
            if (ev.at.isAfter(due)) {
              break;
            }
            if (!ev.at.isBefore(entry) && be.test(ev.row, ev.at)) {
              holds = true;
              evidence = " (event " + ev.row.get(0) + " at " + ev.at + ")";
              break;
            }
          }
        }
        next = holds ? thenIndex[i] : elseIndex[i];
        String to = holds ? b.thenStep() : b.elseStep();
        String detail = "branch " + b.id() + ": condition " + (holds ? "held" : "did not hold") + evidence + ", go to " + to;
        actions.add(new ProgramAction(due, ActionKind.BRANCH, s.id(), detail));
        reasons.add(detail);
      } else if (s instanceof Step.Update) {
        actions.add(new ProgramAction(due, ActionKind.UPDATE, s.id(), s.describe()));
      } else if (s instanceof Step.NotifyOwner n) {
        String owner = Values.asString(leadRow.get(n.ownerField()));
        if (owner == null || owner.isBlank()) {
          findings.add(Finding.warning("NO_OWNER", n.ownerField(), null,
              "step " + n.id() + " notifies the owner but the lead has none"));
          owner = "(no owner)";
        }
        actions.add(new ProgramAction(due, ActionKind.NOTIFY, s.id(), "notify " + owner + ": " + n.message()));
      }
      t = due;
      i = next;
    }
    if (exitAt != null && exitBy != null && !exitAt.isAfter(t)) {
      return leave(exitAt, exitBy, exitWhy, actions, reasons);
    }
    if (t.isAfter(now)) {
      return new RunEnd(ProgramStatus.ACTIVE, Step.Branch.END, "complete", t, null, "", false);
    }
    actions.add(new ProgramAction(t, ActionKind.LEAVE, "", "completed"));
    return new RunEnd(ProgramStatus.COMPLETED, "", "", null, t, "completed", false);
  }

  private static RunEnd leave(Instant at, Crit by, String why, List<ProgramAction> actions, List<String> reasons) {
    String kind = by.goal ? "goal" : "exit";
    actions.add(new ProgramAction(at, ActionKind.LEAVE, "", kind + " " + by.c.name()));
    reasons.add(kind + " '" + by.c.name() + "' met at " + at + ": " + why);
    return new RunEnd(by.goal ? ProgramStatus.GOAL_MET : ProgramStatus.EXITED, "", "", null, at, by.c.name(),
        by.c.blocksReentry());
  }

  /** The first instant at or after {@code t} when a send keeps within the cap. */
  private static Instant room(Instant t, FrequencyCap cap, List<Instant> ownSends, List<Instant> counted) {
    List<Instant> all = new ArrayList<>(ownSends.size() + counted.size());
    all.addAll(ownSends);
    all.addAll(counted);
    Collections.sort(all);
    Instant c = t;
    while (true) {
      Instant from = c.minus(cap.per());
      int n = 0;
      Instant oldest = null;
      for (Instant s : all) {
        if (s.isAfter(from) && !s.isAfter(c)) {
          if (oldest == null) {
            oldest = s;
          }
          n++;
        }
      }
      if (n < cap.maxSends() || oldest == null) {
        return c;
      }
      c = oldest.plus(cap.per());
    }
  }

  private Instant after(Instant t, Step.Wait w) {
    long a = w.amount();
    switch (w.unit()) {
      case MINUTES:
        return t.plus(Duration.ofMinutes(a));
      case HOURS:
        return t.plus(Duration.ofHours(a));
      case DAYS:
        return t.plus(Duration.ofDays(a));
      case WEEKS:
        return t.plus(Duration.ofDays(7 * a));
      case BUSINESS_HOURS:
        return p.calendar().dueTime(t, Duration.ofHours(a));
      default:
        return businessDays(p.calendar(), t, a);
    }
  }

  /** The same local time {@code days} working days after {@code t}, or the next opening after it. */
  static Instant businessDays(BusinessCalendar cal, Instant t, long days) {
    ZoneId zone = cal.zone();
    ZonedDateTime z = t.atZone(zone);
    LocalDate d = z.toLocalDate();
    long found = 0;
    long guard = BusinessCalendar.HORIZON_YEARS * 366L;
    while (found < days) {
      d = d.plusDays(1);
      if (cal.isWorkingDay(d)) {
        found++;
      }
      if (--guard < 0) {
        throw new IllegalArgumentException("no " + days + " working days within " + BusinessCalendar.HORIZON_YEARS + " years");
      }
    }
    Instant at = ZonedDateTime.of(d, z.toLocalTime(), zone).toInstant();
    return cal.isOpen(at) ? at : cal.nextOpening(at);
  }
}
