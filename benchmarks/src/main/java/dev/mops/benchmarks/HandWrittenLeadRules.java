package dev.mops.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules of {@code conditions-20.yaml} written by hand in plain Java over a typed lead, as a
 * careful engineer would: null checks, {@code equalsIgnoreCase}/{@code regionMatches} rather than
 * lower-casing copies, one precompiled {@link java.util.regex.Pattern}, and the 30-day cutoff
 * computed once per batch.
 */
final class HandWrittenLeadRules {

  /** The number of rules, one bit each in {@link #matchMask}. */
  static final int RULES = 13;

  private static final Pattern SENIOR_TITLE =
      Pattern.compile("(?i)\\b(vp|svp|director|head of|chief)\\b");

  private final Instant now;
  private final Instant cutoff;

  /** Rules evaluated at {@code now}. */
  HandWrittenLeadRules(Instant now) {
    this.now = now;
    this.cutoff = now.minus(Duration.ofDays(30));
  }

  /**
   * A lead with typed fields.
   *
   * @param country ISO country code
   * @param industry industry name
   * @param employees head count
   * @param title job title
   * @param email email address
   * @param phone phone number
   * @param company company name
   * @param lastVisit last web visit
   * @param tags engagement tags
   * @param leadSource where the lead came from
   */
  record Lead(
      @Nullable String country,
      @Nullable String industry,
      @Nullable Long employees,
      @Nullable String title,
      @Nullable String email,
      @Nullable String phone,
      @Nullable String company,
      @Nullable Instant lastVisit,
      @Nullable List<String> tags,
      @Nullable String leadSource) {

    /** Reads a lead from the synthetic field map. */
    @SuppressWarnings("unchecked")
    static Lead of(Map<String, @Nullable Object> m) {
      return new Lead(
          (String) m.get("country"),
          (String) m.get("industry"),
          (Long) m.get("employees"),
          (String) m.get("title"),
          (String) m.get("email"),
          (String) m.get("phone"),
          (String) m.get("company"),
          (Instant) m.get("last_visit"),
          (List<String>) m.get("tags"),
          (String) m.get("lead_source"));
    }
  }

  /** Returns the rules that match {@code lead}: bit {@code i} set when rule {@code i} matches. */
  int matchMask(Lead lead) {
    String country = lead.country();
    String industry = lead.industry();
    Long employees = lead.employees();
    String title = lead.title();
    String email = lead.email();
    String phone = lead.phone();
    String company = lead.company();
    Instant lastVisit = lead.lastVisit();
    List<String> tags = lead.tags();

    int mask = 0;
    // us_lead
    if ("US".equals(country)) {
      mask |= 1;
    }
    // target_industry
    if (industry != null
        && ("Software".equalsIgnoreCase(industry) || "SaaS".equalsIgnoreCase(industry)
            || "Internet".equalsIgnoreCase(industry) || "Fintech".equalsIgnoreCase(industry))) {
      mask |= 1 << 1;
    }
    if (employees != null) {
      long e = employees;
      // mid_market
      if (e >= 200 && e <= 2000) {
        mask |= 1 << 2;
      }
      // enterprise
      if (e >= 5000) {
        mask |= 1 << 3;
      }
    }
    if (title != null) {
      // marketing_persona
      if (containsIgnoreCase(title, "marketing")) {
        mask |= 1 << 4;
      }
      // senior_title
      if (SENIOR_TITLE.matcher(title).find()) {
        mask |= 1 << 5;
      }
    }
    // business_email
    if (email != null && !endsWithIgnoreCase(email, "@gmail.com") && !endsWithIgnoreCase(email, "@yahoo.com")) {
      mask |= 1 << 6;
    }
    // north_american_phone
    if (phone != null && phone.startsWith("+1")) {
      mask |= 1 << 7;
    }
    // visited_last_30_days
    if (lastVisit != null && !lastVisit.isBefore(cutoff) && !lastVisit.isAfter(now)) {
      mask |= 1 << 8;
    }
    // high_intent
    if (tags != null
        && (tags.contains("demo_request") || tags.contains("pricing_page") || tags.contains("contact_sales"))) {
      mask |= 1 << 9;
    }
    // missing_company
    if (company == null || company.isBlank()) {
      mask |= 1 << 10;
    }
    // emea_enterprise
    if (country != null
        && (country.equals("GB") || country.equals("DE") || country.equals("FR") || country.equals("NL"))
        && employees != null && employees >= 1000
        && (title == null || !title.regionMatches(true, 0, "student", 0, 7))) {
      mask |= 1 << 11;
    }
    // disqualified
    if ((email != null && endsWithIgnoreCase(email, "@competitor.com"))
        || (title != null && containsIgnoreCase(title, "intern"))
        || "purchased_list".equals(lead.leadSource())) {
      mask |= 1 << 12;
    }
    return mask;
  }

  private static boolean containsIgnoreCase(String s, String part) {
    for (int i = 0, last = s.length() - part.length(); i <= last; i++) {
      if (s.regionMatches(true, i, part, 0, part.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithIgnoreCase(String s, String suffix) {
    return s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
  }
}
