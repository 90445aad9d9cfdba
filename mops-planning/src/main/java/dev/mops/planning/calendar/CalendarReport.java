package dev.mops.planning.calendar;

import java.util.List;
import java.util.Objects;

/**
 * The result of checking a campaign calendar: one {@link CampaignResult} per input record, in
 * input order, and every {@link Conflict} found, in calendar order.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param rulesName the name of the rules used
 * @param rulesVersion the version of the rules used
 * @param rulesHash the content hash of the rules used
 * @param campaigns one result per input record, in input order
 * @param conflicts every conflict, ordered by first day, code and campaigns
 */
public record CalendarReport(
    String rulesName, String rulesVersion, String rulesHash, List<CampaignResult> campaigns, List<Conflict> conflicts) {

  /** Validates and copies the components. */
  public CalendarReport {
    Objects.requireNonNull(rulesName, "rulesName");
    Objects.requireNonNull(rulesVersion, "rulesVersion");
    Objects.requireNonNull(rulesHash, "rulesHash");
    campaigns = List.copyOf(campaigns);
    conflicts = List.copyOf(conflicts);
  }

  /** Returns how many records could not be read as campaigns. */
  public long invalidCount() {
    return campaigns.stream().filter(c -> c.campaign() == null).count();
  }

  /** Returns the conflicts of one code. */
  public List<Conflict> conflicts(String code) {
    return conflicts.stream().filter(c -> c.code().equals(code)).toList();
  }
}
