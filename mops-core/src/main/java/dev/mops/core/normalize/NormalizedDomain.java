package dev.mops.core.normalize;

import dev.mops.core.Finding;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of normalizing a website, URL, email address or host name to its host and registrable
 * domain.
 *
 * <p>For {@code https://www.eu.acme.co.uk/about?x=1} the host is {@code eu.acme.co.uk} (scheme,
 * {@code www.}, port, path and query removed, lower case, punycode) and the registrable domain is
 * {@code acme.co.uk}: the public suffix plus one label, the name a company actually registered and
 * the usual key for lead-to-account matching.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param original the value as it was given ({@code ""} for {@code null})
 * @param host the host without scheme, {@code www.}, port or path, or {@code null} when missing or
 *     invalid
 * @param registrableDomain the registrable domain, or {@code null} when the host has none (an IP
 *     address, {@code localhost}, an unknown suffix, a public suffix itself) or is invalid
 * @param findings what was wrong or notable
 */
public record NormalizedDomain(
    String original,
    @Nullable String host,
    @Nullable String registrableDomain,
    List<Finding> findings) {

  /** Validates the components and copies the findings. */
  public NormalizedDomain {
    Objects.requireNonNull(original, "original");
    findings = List.copyOf(findings);
  }

  /** True when there is a registrable domain. */
  public boolean hasRegistrableDomain() {
    return registrableDomain != null;
  }
}
