package dev.mops.planning.checklist;

import dev.mops.core.Finding;
import dev.mops.core.Severity;
import dev.mops.planning.calendar.CampaignResult;
import dev.mops.planning.calendar.Conflict;
import dev.mops.planning.preflight.LinkResult;
import dev.mops.planning.preflight.PreflightReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of another planning check for one record, handed to a {@link Checklist} item that
 * names it ({@code check: calendar}): whether it passed, and why not.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param passed whether the check passed
 * @param reason a sentence: what failed, or {@code ""} when it passed
 */
public record ExternalCheck(boolean passed, String reason) {

  /** Validates the components. */
  public ExternalCheck {
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns the calendar check of one campaign: it passes when the campaign was read and has no
   * conflict at or over {@code failAt}.
   */
  public static ExternalCheck ofCalendar(CampaignResult campaign, Severity failAt) {
    if (campaign.campaign() == null) {
      return new ExternalCheck(false, "the campaign could not be read: " + first(campaign.findings()));
    }
    List<String> bad = new ArrayList<>();
    for (Conflict c : campaign.conflicts()) {
      if (c.severity().compareTo(failAt) >= 0) {
        bad.add(c.shortForm());
      }
    }
    return bad.isEmpty() ? new ExternalCheck(true, "") : new ExternalCheck(false, String.join(", ", bad));
  }

  /** Returns the pre-flight check of a page: it passes when no link has a finding at or over {@code failAt}. */
  public static ExternalCheck ofPreflight(PreflightReport report, Severity failAt) {
    List<String> bad = new ArrayList<>();
    for (Finding f : report.pageFindings()) {
      if (f.severity().compareTo(failAt) >= 0) {
        bad.add(f.code());
      }
    }
    for (LinkResult r : report.links()) {
      for (Finding f : r.findings()) {
        if (f.severity().compareTo(failAt) >= 0) {
          bad.add("line " + r.link().line() + " " + f.shortForm());
        }
      }
    }
    if (bad.isEmpty()) {
      return new ExternalCheck(true, "");
    }
    String reason = bad.size() > 5 ? String.join(", ", bad.subList(0, 5)) + " and " + (bad.size() - 5) + " more"
        : String.join(", ", bad);
    return new ExternalCheck(false, reason);
  }

  private static String first(List<Finding> findings) {
    return findings.isEmpty() ? "" : findings.get(0).message();
  }
}
