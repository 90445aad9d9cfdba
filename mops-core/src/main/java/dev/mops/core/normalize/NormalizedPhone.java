package dev.mops.core.normalize;

import dev.mops.core.Finding;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of normalizing one phone number: the value as found, its E.164 form and extension
 * when it is a valid number, its region and line type, and the findings.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param original the value as it was given ({@code ""} for {@code null})
 * @param e164 the number in E.164 ({@code +14155550123}), or {@code null} when missing or invalid
 * @param extension the extension digits ({@code 204} for {@code ext. 204}), kept apart from the
 *     E.164 form, or {@code null} when there is none
 * @param region the ISO 3166-1 alpha-2 region the number belongs to ({@code 001} for non-geographic
 *     numbers), or {@code null} when missing or invalid
 * @param type the line type; {@link PhoneType#UNKNOWN} when missing or invalid
 * @param findings what was wrong or notable
 */
public record NormalizedPhone(
    String original,
    @Nullable String e164,
    @Nullable String extension,
    @Nullable String region,
    PhoneType type,
    List<Finding> findings) {

  /** Validates the components and copies the findings. */
  public NormalizedPhone {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(type, "type");
    findings = List.copyOf(findings);
  }

  /** True when there is a valid number. */
  public boolean isValid() {
    return e164 != null;
  }
}
