package dev.mops.taxonomy;

import dev.mops.core.Severity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A name checked against a {@link NamingConvention}: the tokens found, the problems with their
 * positions, and a suggested corrected name.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param name the name as given
 * @param valid whether no issue is worse than {@link Severity#INFO}
 * @param conventionVersion the version of the template the name was read with
 * @param tokens the token values as written, in template order (absent optional tokens are left out)
 * @param issues the problems, in order of position
 * @param suggestion a corrected name that passes the convention, or {@code null} when none is near
 */
public record ParsedName(
    String name, boolean valid, String conventionVersion, Map<String, String> tokens, List<NamingIssue> issues,
    @Nullable String suggestion) {

  /** Validates and copies the components. */
  public ParsedName {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(conventionVersion, "conventionVersion");
    tokens = Collections.unmodifiableMap(new LinkedHashMap<>(tokens));
    issues = List.copyOf(issues);
  }

  /** Returns the value of {@code token}, or {@code null} when it is absent. */
  public @Nullable String token(String token) {
    return tokens.get(token);
  }

  /** Returns the issues as {@code CODE:token@position} joined by {@code ;}. */
  public String issueSummary() {
    return issues.stream().map(NamingIssue::shortForm).collect(Collectors.joining(";"));
  }
}
