package dev.mops.core.normalize;

import dev.mops.core.Finding;
import dev.mops.core.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The result of normalizing one email address: the address as found, its normalized and canonical
 * forms when it is valid, its flags and the findings.
 *
 * <p>{@code normalized} is the address to store and send to (trimmed, domain lower case and in
 * punycode, local part lower case unless the normalizer keeps case). {@code canonical} is the key
 * to match on: it also removes what the provider ignores ({@code J.Doe+news@googlemail.com} and
 * {@code jdoe@gmail.com} share the canonical form {@code jdoe@gmail.com}). Both are {@code null}
 * when the address is missing or invalid; the findings then say why.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param original the value as it was given ({@code ""} for {@code null})
 * @param normalized the normalized address, or {@code null} when missing or invalid
 * @param canonical the matching key, or {@code null} when missing or invalid
 * @param localPart the normalized local part, or {@code null} when missing or invalid
 * @param domain the normalized domain (ASCII, punycode for IDN), or {@code null} when missing or
 *     invalid
 * @param flags role account, free mail, disposable; empty when invalid
 * @param findings what was wrong or notable, in the order found
 */
public record NormalizedEmail(
    String original,
    @Nullable String normalized,
    @Nullable String canonical,
    @Nullable String localPart,
    @Nullable String domain,
    Set<EmailFlag> flags,
    List<Finding> findings) {

  /** Validates the components and copies the collections. */
  public NormalizedEmail {
    Objects.requireNonNull(original, "original");
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    findings = List.copyOf(findings);
  }

  /** True when there is a usable address: present and valid. */
  public boolean isValid() {
    return normalized != null;
  }

  /** True when the address carries {@code flag}. */
  public boolean has(EmailFlag flag) {
    return flags.contains(flag);
  }

  /** True when an {@link Severity#ERROR} finding was reported. */
  public boolean hasErrors() {
    for (Finding f : findings) {
      if (f.severity() == Severity.ERROR) {
        return true;
      }
    }
    return false;
  }

  /** Returns the flags' labels in declaration order joined by {@code ;}, or {@code ""}. */
  public String flagsLabel() {
    if (flags.isEmpty()) {
      return "";
    }
    StringJoiner joiner = new StringJoiner(";");
    for (EmailFlag flag : EmailFlag.values()) {
      if (flags.contains(flag)) {
        joiner.add(flag.label());
      }
    }
    return joiner.toString();
  }
}
