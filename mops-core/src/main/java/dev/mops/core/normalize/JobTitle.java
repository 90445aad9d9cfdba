package dev.mops.core.normalize;

import dev.mops.core.Finding;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A job title classified by seniority and department, with the rules that decided each.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param original the title as it was given ({@code ""} for {@code null})
 * @param normalized the title's words after folding and expanding abbreviations
 *     ({@code "Sr. Dir., Mktg"} gives {@code senior director marketing})
 * @param seniority the seniority; {@link Seniority#UNKNOWN} when no rule matched
 * @param department the department; {@link Department#OTHER} when no rule matched
 * @param seniorityRule the phrase of the seniority rule that matched, or {@code null}
 * @param departmentRule the phrase of the department rule that matched, or {@code null}
 * @param findings what was wrong or notable
 */
public record JobTitle(
    String original,
    String normalized,
    Seniority seniority,
    Department department,
    @Nullable String seniorityRule,
    @Nullable String departmentRule,
    List<Finding> findings) {

  /** Validates the components and copies the findings. */
  public JobTitle {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(normalized, "normalized");
    Objects.requireNonNull(seniority, "seniority");
    Objects.requireNonNull(department, "department");
    findings = List.copyOf(findings);
  }
}
