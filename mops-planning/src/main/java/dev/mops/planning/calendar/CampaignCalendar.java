package dev.mops.planning.calendar;

import dev.mops.core.Finding;
import dev.mops.core.record.Record;
import dev.mops.planning.PlanningCodes;
import dev.mops.planning.RecordFields;
import dev.mops.planning.WorkingCalendar;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The campaign calendar check: reads campaigns from records and reports every conflict its {@link
 * CalendarRules} define.
 *
 * <ul>
 *   <li>{@code AUDIENCE_OVERLAP}: two campaigns in one channel whose runs share a day and whose
 *       audiences overlap (the same segment, a declared pair, or shared contacts).
 *   <li>{@code FREQUENCY_CAP}: an audience reached by more campaigns in one week than a cap allows;
 *       a campaign counts once in every week its run touches.
 *   <li>{@code HOLIDAY}: a launch (or, with {@code check: any_day}, any day of the run) on a
 *       holiday of the campaign's region, from the {@link WorkingCalendar}.
 *   <li>{@code QUIET_PERIOD}: a run that touches a quiet period of its channel and region.
 * </ul>
 *
 * <p>Record fields: {@code id}, {@code audience}, {@code channel}, {@code start} (required), {@code
 * end} (default: the start, a one-day send), {@code name}, {@code region}, {@code owner}. A record
 * with a missing or bad required field is reported with its findings and takes no part in the
 * checks; every record has exactly one {@link CampaignResult}. Overlaps are found with a sweep over
 * campaigns sorted by start, so a calendar of n campaigns costs O(n log n) plus the overlaps found.
 *
 * <p>Thread safety: immutable; {@link #check} may be called from any number of threads at once.
 */
public final class CampaignCalendar {

  /** The longest run accepted, in days; a longer one is a {@code BAD_DATE} finding on {@code end}. */
  public static final int MAX_RUN_DAYS = 3660;

  private final CalendarRules rules;
  private final WorkingCalendar workingCalendar;
  private final AudienceOverlap audienceOverlap;

  private CampaignCalendar(CalendarRules rules, WorkingCalendar workingCalendar, AudienceOverlap audienceOverlap) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.workingCalendar = Objects.requireNonNull(workingCalendar, "workingCalendar");
    this.audienceOverlap = Objects.requireNonNull(audienceOverlap, "audienceOverlap");
  }

  /**
   * Returns a check with {@code rules}, holidays from {@code workingCalendar}, and audience overlaps
   * from {@code audienceOverlap}.
   */
  public static CampaignCalendar of(CalendarRules rules, WorkingCalendar workingCalendar, AudienceOverlap audienceOverlap) {
    return new CampaignCalendar(rules, workingCalendar, audienceOverlap);
  }

  /** Returns a check with {@code rules}, weekday calendar without holidays, and the rules' declared overlaps. */
  public static CampaignCalendar of(CalendarRules rules) {
    return of(rules, WorkingCalendar.weekdays(), AudienceOverlap.declared(rules.audienceOverlaps()));
  }

  /** Returns the rules. */
  public CalendarRules rules() {
    return rules;
  }

  /** Reads campaigns from {@code records} and checks them. */
  public CalendarReport check(List<? extends Record> records) {
    List<@org.jspecify.annotations.Nullable Campaign> campaigns = new ArrayList<>(records.size());
    List<String> ids = new ArrayList<>(records.size());
    List<List<Finding>> findings = new ArrayList<>(records.size());
    Set<String> seen = new HashSet<>();
    for (Record r : records) {
      RecordFields f = new RecordFields(r);
      Campaign c = read(f, seen);
      campaigns.add(c);
      String id = f.optionalText("id");
      ids.add(id == null ? "" : id);
      findings.add(f.findings());
    }
    return report(campaigns, ids, findings);
  }

  /** Checks campaigns already built. */
  public CalendarReport checkCampaigns(List<Campaign> campaigns) {
    List<String> ids = new ArrayList<>();
    List<List<Finding>> findings = new ArrayList<>();
    for (Campaign c : campaigns) {
      ids.add(c.id());
      findings.add(List.of());
    }
    return report(new ArrayList<>(campaigns), ids, findings);
  }

  private @org.jspecify.annotations.Nullable Campaign read(RecordFields f, Set<String> seen) {
    String id = f.requiredText("id");
    String audience = f.requiredText("audience");
    String channel = f.requiredText("channel");
    LocalDate start = f.date("start", true);
    LocalDate end = f.date("end", false);
    if (id != null && !seen.add(id)) {
      f.add(Finding.warning(PlanningCodes.DUPLICATE_ID, "id", id, "campaign id " + id + " appears more than once"));
    }
    if (channel != null) {
      channel = channel.toLowerCase(Locale.ROOT);
      if (!rules.channels().isEmpty() && !rules.channels().contains(channel)) {
        f.add(Finding.warning(PlanningCodes.UNKNOWN_VALUE, "channel", channel,
            "channel '" + channel + "' is not one of " + rules.channels()));
      }
    }
    if (start != null && end != null) {
      if (end.isBefore(start)) {
        f.add(Finding.error(PlanningCodes.END_BEFORE_START, "end", end, "end " + end + " is before start " + start));
        return null;
      }
      if (ChronoUnit.DAYS.between(start, end) >= MAX_RUN_DAYS) {
        f.add(Finding.error(PlanningCodes.BAD_DATE, "end", end, "a run of more than " + MAX_RUN_DAYS + " days"));
        return null;
      }
    }
    if (id == null || audience == null || channel == null || start == null || f.hasErrors()) {
      return null;
    }
    return new Campaign(id, f.text("name", ""), audience, channel, f.text("region", ""), start,
        end == null ? start : end, f.text("owner", ""));
  }

  private CalendarReport report(List<@org.jspecify.annotations.Nullable Campaign> campaigns, List<String> ids,
      List<List<Finding>> findings) {
    List<Campaign> valid = new ArrayList<>();
    for (Campaign c : campaigns) {
      if (c != null) {
        valid.add(c);
      }
    }
    valid.sort(ORDER);
    List<Conflict> conflicts = new ArrayList<>();
    overlaps(valid, conflicts);
    frequencyCaps(valid, conflicts);
    holidays(valid, conflicts);
    quietPeriods(valid, conflicts);
    conflicts.sort(Comparator.comparing(Conflict::from).thenComparing(Conflict::code)
        .thenComparing(c -> String.join("+", c.campaignIds())));
    Map<String, List<Conflict>> byCampaign = new HashMap<>();
    for (Conflict c : conflicts) {
      for (String id : new java.util.LinkedHashSet<>(c.campaignIds())) {
        byCampaign.computeIfAbsent(id, k -> new ArrayList<>()).add(c);
      }
    }
    List<CampaignResult> results = new ArrayList<>(campaigns.size());
    for (int i = 0; i < campaigns.size(); i++) {
      Campaign c = campaigns.get(i);
      results.add(new CampaignResult(i + 1, ids.get(i), c, findings.get(i),
          c == null ? List.of() : byCampaign.getOrDefault(c.id(), List.of())));
    }
    return new CalendarReport(rules.name(), rules.version(), rules.contentHash(), results, conflicts);
  }

  private static final Comparator<Campaign> ORDER =
      Comparator.comparing(Campaign::start).thenComparing(Campaign::id);

  private void overlaps(List<Campaign> sorted, List<Conflict> out) {
    Map<String, List<Campaign>> active = new HashMap<>();
    for (Campaign c : sorted) {
      if (!rules.overlapChannels().isEmpty() && !rules.overlapChannels().contains(c.channel())) {
        continue;
      }
      List<Campaign> running = active.computeIfAbsent(c.channel(), k -> new ArrayList<>());
      running.removeIf(a -> a.end().isBefore(c.start()));
      for (Campaign a : running) {
        if (audienceOverlap.overlaps(a.audience(), c.audience())) {
          LocalDate to = a.end().isBefore(c.end()) ? a.end() : c.end();
          String audience = a.audience().equals(c.audience()) ? c.audience() : a.audience() + " & " + c.audience();
          long shared = a.audience().equals(c.audience()) ? -1 : audienceOverlap.sharedContacts(a.audience(), c.audience());
          out.add(new Conflict(PlanningCodes.AUDIENCE_OVERLAP, rules.overlapSeverity(), List.of(a.id(), c.id()),
              audience, c.channel(), c.start(), to,
              a.id() + " and " + c.id() + " both reach " + audience
                  + (shared >= 0 ? " (" + shared + " shared contacts)" : "")
                  + " by " + c.channel() + " from " + c.start() + " to " + to));
        }
      }
      running.add(c);
    }
  }

  private LocalDate weekOf(LocalDate d) {
    return d.with(TemporalAdjusters.previousOrSame(rules.weekStart()));
  }

  private void frequencyCaps(List<Campaign> sorted, List<Conflict> out) {
    for (CalendarRules.FrequencyCap cap : rules.frequencyCaps()) {
      Map<List<String>, List<Campaign>> touches = new LinkedHashMap<>();
      for (Campaign c : sorted) {
        if ((!cap.channels().isEmpty() && !cap.channels().contains(c.channel()))
            || (!cap.audiences().isEmpty() && !cap.audiences().contains(c.audience()))) {
          continue;
        }
        for (LocalDate w = weekOf(c.start()); !w.isAfter(c.end()); w = w.plusWeeks(1)) {
          touches.computeIfAbsent(List.of(c.audience(), w.toString()), k -> new ArrayList<>()).add(c);
        }
      }
      String channels = cap.channels().isEmpty() ? "" : String.join("|", new java.util.TreeSet<>(cap.channels()));
      for (Map.Entry<List<String>, List<Campaign>> e : touches.entrySet()) {
        List<Campaign> in = e.getValue();
        if (in.size() > cap.maxPerWeek()) {
          LocalDate week = LocalDate.parse(e.getKey().get(1));
          List<String> ids = in.stream().map(Campaign::id).toList();
          out.add(new Conflict(PlanningCodes.FREQUENCY_CAP, cap.severity(), ids, e.getKey().get(0), channels, week,
              week.plusDays(6),
              e.getKey().get(0) + " gets " + in.size() + (channels.isEmpty() ? "" : " " + channels)
                  + " campaigns in the week of " + week + ", over its cap of " + cap.maxPerWeek() + " ("
                  + String.join(", ", ids) + ")"));
        }
      }
    }
  }

  private void holidays(List<Campaign> sorted, List<Conflict> out) {
    if (rules.holidayCheck() == CalendarRules.HolidayCheck.OFF) {
      return;
    }
    for (Campaign c : sorted) {
      if (!rules.holidayChannels().isEmpty() && !rules.holidayChannels().contains(c.channel())) {
        continue;
      }
      LocalDate last = rules.holidayCheck() == CalendarRules.HolidayCheck.LAUNCH ? c.start() : c.end();
      for (LocalDate d = c.start(); !d.isAfter(last); d = d.plusDays(1)) {
        LocalDate day = d;
        workingCalendar.holiday(c.region(), d).ifPresent(name -> out.add(new Conflict(PlanningCodes.HOLIDAY,
            rules.holidaySeverity(), List.of(c.id()), c.audience(), c.channel(), day, day,
            c.id() + (day.equals(c.start()) ? " launches" : " runs") + " on " + day + ", " + name
                + (c.region().isEmpty() ? "" : " in " + c.region()))));
      }
    }
  }

  private void quietPeriods(List<Campaign> sorted, List<Conflict> out) {
    for (CalendarRules.QuietPeriod q : rules.quietPeriods()) {
      for (Campaign c : sorted) {
        if (c.start().isAfter(q.end())) {
          break;
        }
        if (!c.runsDuring(q.start(), q.end())
            || (!q.channels().isEmpty() && !q.channels().contains(c.channel()))
            || (!q.regions().isEmpty() && !q.regions().contains(c.region()))) {
          continue;
        }
        LocalDate from = c.start().isAfter(q.start()) ? c.start() : q.start();
        LocalDate to = c.end().isBefore(q.end()) ? c.end() : q.end();
        out.add(new Conflict(PlanningCodes.QUIET_PERIOD, q.severity(), List.of(c.id()), c.audience(), c.channel(),
            from, to, c.id() + " runs during " + q.name() + " (" + q.start() + " to " + q.end() + ")"));
      }
    }
  }
}
