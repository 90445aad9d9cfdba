package dev.mops.core.normalize;

import dev.mops.core.Finding;
import java.util.List;
import java.util.Objects;

/**
 * The result of normalizing a company name: the original, a cleaned display form, the match key
 * and the legal forms that were removed from it.
 *
 * <p>{@code "The Acme Co., Inc."} gives display {@code "The Acme Co., Inc."}, key {@code acme} and
 * legal forms {@code [co, inc]}; {@code "ACME COMPANY"} gives the same key.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param original the value as it was given ({@code ""} for {@code null})
 * @param display the original cleaned: Unicode NFKC, single spaces, trimmed ({@code ""} when
 *     missing)
 * @param key the match key: folded, without "the", legal forms and punctuation, {@code &} read as
 *     "and" ({@code ""} when missing)
 * @param legalForms the legal-form designations removed, folded, in the order they were written
 * @param findings what was wrong or notable
 */
public record NormalizedCompanyName(
    String original, String display, String key, List<String> legalForms, List<Finding> findings) {

  /** Validates the components and copies the lists. */
  public NormalizedCompanyName {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(key, "key");
    legalForms = List.copyOf(legalForms);
    findings = List.copyOf(findings);
  }

  /** True when there is no name. */
  public boolean isEmpty() {
    return key.isEmpty();
  }
}
