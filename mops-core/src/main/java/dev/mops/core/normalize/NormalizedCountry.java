package dev.mops.core.normalize;

import dev.mops.core.Finding;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of normalizing a country value to its ISO 3166-1 alpha-2 code.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param original the value as it was given ({@code ""} for {@code null})
 * @param code the ISO 3166-1 alpha-2 code ({@code US}), or {@code null} when missing or unknown
 * @param findings what was wrong or notable
 */
public record NormalizedCountry(String original, @Nullable String code, List<Finding> findings) {

  /** Validates the components and copies the findings. */
  public NormalizedCountry {
    Objects.requireNonNull(original, "original");
    findings = List.copyOf(findings);
  }

  /** True when the country was recognized. */
  public boolean isKnown() {
    return code != null;
  }
}
