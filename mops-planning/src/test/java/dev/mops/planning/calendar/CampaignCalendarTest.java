package dev.mops.planning.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Severity;
import dev.mops.core.config.ConfigException;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.planning.PlanningCodes;
import dev.mops.planning.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CampaignCalendarTest {

  static Record campaign(String id, String audience, String channel, String start, String end, String region) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("audience", audience);
    m.put("channel", channel);
    m.put("start", start);
    m.put("end", end);
    m.put("region", region);
    return Records.of(m);
  }

  @Test
  void sameAudienceSameChannelOverlappingDaysIsAConflict() {
    CalendarReport r = CampaignCalendar.of(CalendarRules.defaults()).check(List.of(
        campaign("spring-nurture", "emea_customers", "email", "2026-03-02", "2026-03-13", ""),
        campaign("webinar-invite", "emea_customers", "Email", "2026-03-10", "2026-03-10", ""),
        campaign("paid-retarget", "emea_customers", "paid_social", "2026-03-01", "2026-03-31", ""),
        campaign("later", "emea_customers", "email", "2026-03-14", "2026-03-20", "")));
    assertThat(r.conflicts()).hasSize(1);
    Conflict c = r.conflicts().get(0);
    assertThat(c.code()).isEqualTo(PlanningCodes.AUDIENCE_OVERLAP);
    assertThat(c.campaignIds()).containsExactly("spring-nurture", "webinar-invite");
    assertThat(c.from()).isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(c.to()).isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(c.severity()).isEqualTo(Severity.WARNING);
    assertThat(r.campaigns()).extracting(CampaignResult::status).containsExactly("conflict", "conflict", "ok", "ok");
  }

  @Test
  void declaredAudienceOverlapsCount() {
    CalendarRules rules = CalendarRules.builder().audienceOverlap("all_customers", "emea_customers").build();
    CalendarReport r = CampaignCalendar.of(rules).check(List.of(
        campaign("a", "all_customers", "email", "2026-03-02", "2026-03-05", ""),
        campaign("b", "emea_customers", "email", "2026-03-05", "2026-03-06", ""),
        campaign("c", "apac_prospects", "email", "2026-03-05", "2026-03-06", "")));
    assertThat(r.conflicts()).extracting(Conflict::shortForm).containsExactly("AUDIENCE_OVERLAP(a+b)");
    assertThat(r.conflicts().get(0).audience()).isEqualTo("all_customers & emea_customers");
  }

  @Test
  void audienceOverlapMeasuredOnContacts() {
    CalendarRules rules = CalendarRules.parse("cal.yaml", """
        version: 1
        audiences:
          emea: {eq: {field: region, value: EMEA}}
          customers: {eq: {field: stage, value: customer}}
          prospects: {eq: {field: stage, value: prospect}}
        """);
    List<Record> contacts = List.of(
        Records.of(Map.of("region", "EMEA", "stage", "customer")),
        Records.of(Map.of("region", "EMEA", "stage", "customer")),
        Records.of(Map.of("region", "NA", "stage", "prospect")));
    AudienceOverlap overlap = AudienceOverlap.fromContacts(rules.audiences(), contacts, Instant.EPOCH,
        AudienceOverlap.sameNameOnly());
    assertThat(overlap.sharedContacts("emea", "customers")).isEqualTo(2);
    assertThat(overlap.overlaps("emea", "prospects")).isFalse();
    CalendarReport r = CampaignCalendar.of(rules, WorkingCalendar.weekdays(), overlap).check(List.of(
        campaign("a", "emea", "email", "2026-03-02", "2026-03-05", ""),
        campaign("b", "customers", "email", "2026-03-03", "2026-03-03", ""),
        campaign("c", "prospects", "email", "2026-03-03", "2026-03-03", "")));
    assertThat(r.conflicts()).extracting(Conflict::shortForm).containsExactly("AUDIENCE_OVERLAP(a+b)");
    assertThat(r.conflicts().get(0).message()).contains("2 shared contacts");
  }

  @Test
  void frequencyCapPerAudiencePerWeek() {
    CalendarRules rules = CalendarRules.parse("cal.yaml", """
        version: 1
        overlap: {channels: [sms]}
        frequency_caps:
          - max_per_week: 2
            channels: [email]
        """);
    CalendarReport r = CampaignCalendar.of(rules).check(List.of(
        campaign("mon", "customers", "email", "2026-03-02", "", ""),
        campaign("wed", "customers", "email", "2026-03-04", "", ""),
        campaign("fri", "customers", "email", "2026-03-06", "", ""),
        campaign("next-mon", "customers", "email", "2026-03-09", "", ""),
        campaign("other", "prospects", "email", "2026-03-04", "", "")));
    assertThat(r.conflicts()).hasSize(1);
    Conflict c = r.conflicts().get(0);
    assertThat(c.code()).isEqualTo(PlanningCodes.FREQUENCY_CAP);
    assertThat(c.campaignIds()).containsExactly("mon", "wed", "fri");
    assertThat(c.from()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(c.to()).isEqualTo(LocalDate.of(2026, 3, 8));
    assertThat(c.message()).contains("over its cap of 2");
  }

  @Test
  void weekStartMovesTheWeeks() {
    CalendarRules rules = CalendarRules.builder().weekStart(DayOfWeek.SUNDAY).overlap(Severity.INFO, "none")
        .frequencyCap(new CalendarRules.FrequencyCap(1, Set.of(), Set.of(), Severity.ERROR)).build();
    // Saturday 7 March and Sunday 8 March: the same ISO week, different Sunday-start weeks
    CalendarReport r = CampaignCalendar.of(rules).check(List.of(
        campaign("sat", "x", "email", "2026-03-07", "", ""),
        campaign("sun", "x", "email", "2026-03-08", "", "")));
    assertThat(r.conflicts()).isEmpty();
  }

  @Test
  void launchOnAHolidayOfTheRegion() {
    WorkingCalendar wc = WorkingCalendar.of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
        Map.of("US", Map.of(LocalDate.of(2026, 7, 3), "Independence Day (observed)"),
            "DE", Map.of(LocalDate.of(2026, 10, 3), "Tag der Deutschen Einheit")));
    CalendarReport r = CampaignCalendar.of(CalendarRules.defaults(), wc, AudienceOverlap.sameNameOnly()).check(List.of(
        campaign("us-promo", "us", "email", "2026-07-03", "2026-07-10", "US"),
        campaign("de-promo", "de", "email", "2026-07-03", "2026-07-10", "DE"),
        campaign("us-run", "us2", "email", "2026-07-01", "2026-07-10", "US")));
    assertThat(r.conflicts()).extracting(Conflict::shortForm).containsExactly("HOLIDAY(us-promo)");
    assertThat(r.conflicts().get(0).message()).contains("Independence Day (observed)");

    CalendarRules anyDay = CalendarRules.builder().holidays(CalendarRules.HolidayCheck.ANY_DAY, Severity.ERROR).build();
    CalendarReport r2 = CampaignCalendar.of(anyDay, wc, AudienceOverlap.sameNameOnly()).check(List.of(
        campaign("us-run", "us2", "email", "2026-07-01", "2026-07-10", "US")));
    assertThat(r2.conflicts()).extracting(Conflict::shortForm).containsExactly("HOLIDAY(us-run)");
  }

  @Test
  void quietPeriodsByChannelAndRegion() {
    CalendarRules rules = CalendarRules.parse("cal.yaml", """
        version: 3
        quiet_periods:
          - name: Year-end freeze
            start: 2026-12-21
            end: 2027-01-01
            channels: [email]
            regions: [US]
        """);
    CalendarReport r = CampaignCalendar.of(rules).check(List.of(
        campaign("a", "x", "email", "2026-12-15", "2026-12-22", "US"),
        campaign("b", "y", "email", "2026-12-15", "2026-12-22", "DE"),
        campaign("c", "z", "sms", "2026-12-24", "", "US"),
        campaign("d", "w", "email", "2027-01-02", "", "US")));
    assertThat(r.conflicts()).extracting(Conflict::shortForm).containsExactly("QUIET_PERIOD(a)");
    Conflict c = r.conflicts().get(0);
    assertThat(c.severity()).isEqualTo(Severity.ERROR);
    assertThat(c.from()).isEqualTo(LocalDate.of(2026, 12, 21));
    assertThat(c.to()).isEqualTo(LocalDate.of(2026, 12, 22));
  }

  @Test
  void badRecordsAreFindingsAndAccountedFor() {
    CalendarRules rules = CalendarRules.builder().channels("email", "sms").build();
    CalendarReport r = CampaignCalendar.of(rules).check(List.of(
        campaign("a", "x", "email", "2026-02-30", "", ""),
        campaign("b", "x", "email", "2026-03-05", "2026-03-01", ""),
        campaign("", "x", "email", "2026-03-05", "", ""),
        campaign("d", "x", "fax", "2026-03-05", "", ""),
        campaign("d", "y", "sms", "2026-03-05", "", "")));
    assertThat(r.campaigns()).hasSize(5);
    assertThat(r.campaigns()).extracting(CampaignResult::status)
        .containsExactly("invalid", "invalid", "invalid", "ok", "ok");
    assertThat(r.campaigns().get(0).findings().get(0).code()).isEqualTo(PlanningCodes.BAD_DATE);
    assertThat(r.campaigns().get(0).findings().get(0).rawValue()).isEqualTo("2026-02-30");
    assertThat(r.campaigns().get(1).findings().get(0).code()).isEqualTo(PlanningCodes.END_BEFORE_START);
    assertThat(r.campaigns().get(2).findings().get(0).code()).isEqualTo(PlanningCodes.MISSING_FIELD);
    assertThat(r.campaigns().get(3).findings().get(0).code()).isEqualTo(PlanningCodes.UNKNOWN_VALUE);
    assertThat(r.campaigns().get(4).findings().get(0).code()).isEqualTo(PlanningCodes.DUPLICATE_ID);
    assertThat(r.invalidCount()).isEqualTo(3);
  }

  @Test
  void badConfigNamesThePosition() {
    assertThatThrownBy(() -> CalendarRules.parse("cal.yaml", """
        version: 1
        frequency_caps:
          - max_per_week: two
        """)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("cal.yaml:3:").hasMessageContaining("expected a whole number");
    assertThatThrownBy(() -> CalendarRules.parse("cal.yaml", """
        version: 1
        channels: [email]
        quiet_periods:
          - {name: x, start: 2026-01-01, end: 2026-01-02, channels: [sms]}
        """)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("cal.yaml:4:").hasMessageContaining("declared channels");
    assertThatThrownBy(() -> CalendarRules.parse("cal.yaml", "version: 1\nfrequency_cap: []\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("did you mean 'frequency_caps'");
    assertThatThrownBy(() -> CalendarRules.parse("cal.yaml", "version: 1\nholidays: {check: sometimes}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("expected launch, any_day or off");
  }

  static List<Long> seeds() {
    long base = Long.getLong("mops.seed", 20260302L);
    return List.of(base, base + 1, base + 2, base + 3);
  }

  /** The sweep finds exactly the pairs a naive all-pairs comparison finds, whatever the input order. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void overlapSweepMatchesAllPairsAndIgnoresOrder(long seed) {
    Random rnd = new Random(seed);
    List<Record> records = new ArrayList<>();
    List<Campaign> campaigns = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      LocalDate start = LocalDate.of(2026, 1, 1).plusDays(rnd.nextInt(120));
      LocalDate end = start.plusDays(rnd.nextInt(10));
      String audience = "seg" + rnd.nextInt(12);
      String channel = rnd.nextBoolean() ? "email" : "sms";
      records.add(campaign("c" + i, audience, channel, start.toString(), end.toString(), ""));
      campaigns.add(new Campaign("c" + i, "", audience, channel, "", start, end, ""));
    }
    CampaignCalendar cal = CampaignCalendar.of(CalendarRules.builder().holidays(CalendarRules.HolidayCheck.OFF, Severity.INFO).build());
    Set<Set<String>> expected = new HashSet<>();
    for (int i = 0; i < campaigns.size(); i++) {
      for (int j = i + 1; j < campaigns.size(); j++) {
        Campaign a = campaigns.get(i);
        Campaign b = campaigns.get(j);
        if (a.channel().equals(b.channel()) && a.audience().equals(b.audience()) && a.runsDuring(b.start(), b.end())) {
          expected.add(Set.of(a.id(), b.id()));
        }
      }
    }
    Set<Set<String>> found = new HashSet<>();
    for (Conflict c : cal.check(records).conflicts()) {
      found.add(Set.copyOf(c.campaignIds()));
    }
    assertThat(found).as("seed %d (set -Dmops.seed to replay)", seed).isEqualTo(expected);
    List<Record> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, rnd);
    assertThat(cal.check(shuffled).conflicts()).isEqualTo(cal.check(records).conflicts());
  }
}
