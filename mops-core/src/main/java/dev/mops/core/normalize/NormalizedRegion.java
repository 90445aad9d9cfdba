package dev.mops.core.normalize;

import dev.mops.core.Finding;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of normalizing a state or province to its ISO 3166-2 code.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param original the value as it was given ({@code ""} for {@code null})
 * @param countryCode the ISO 3166-1 alpha-2 code of the country it belongs to, or {@code null}
 *     when unknown
 * @param code the ISO 3166-2 code ({@code US-CA}, {@code CA-QC}), or {@code null} when missing or
 *     unknown
 * @param findings what was wrong or notable
 */
public record NormalizedRegion(
    String original, @Nullable String countryCode, @Nullable String code, List<Finding> findings) {

  /** Validates the components and copies the findings. */
  public NormalizedRegion {
    Objects.requireNonNull(original, "original");
    findings = List.copyOf(findings);
  }

  /** True when the region was recognized. */
  public boolean isKnown() {
    return code != null;
  }
}
