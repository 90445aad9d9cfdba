package dev.mops.taxonomy;

import dev.mops.core.Finding;
import dev.mops.core.Severity;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A landing-page URL taken apart the way a browser would: its components, every query pair, the
 * UTM values and click ids, and a {@link Finding} for every oddity met on the way.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param input the text as given
 * @param url the text after browser clean-up (leading and trailing spaces and control characters
 *     removed, tabs and newlines dropped); the other components are slices of it
 * @param scheme the scheme in lower case, {@code ""} when the URL has none
 * @param host the host in lower case without user info and port, {@code ""} when none
 * @param path the path as written
 * @param query the raw query without {@code ?}, or {@code null} when there is no {@code ?}
 * @param fragment the raw fragment without {@code #}, or {@code null} when there is no {@code #}
 * @param parameters every decoded pair of the query, then of the fragment, in order
 * @param utm the UTM values used (first occurrence wins)
 * @param clickIds the click ids found, first occurrence of each type, query before fragment
 * @param findings every oddity, in the order met; codes are listed in {@link TaxonomyCodes}
 */
public record ParsedUrl(
    String input,
    String url,
    String scheme,
    String host,
    String path,
    @Nullable String query,
    @Nullable String fragment,
    List<QueryParameter> parameters,
    UtmParameters utm,
    List<ClickId> clickIds,
    List<Finding> findings) {

  /** Validates and copies the components. */
  public ParsedUrl {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(utm, "utm");
    parameters = List.copyOf(parameters);
    clickIds = List.copyOf(clickIds);
    findings = List.copyOf(findings);
  }

  /** Returns the decoded value of the first query pair named exactly {@code name}, or {@code null}. */
  public @Nullable String firstValue(String name) {
    for (QueryParameter p : parameters) {
      if (!p.inFragment() && p.name().equals(name)) {
        return p.value();
      }
    }
    return null;
  }

  /** Returns the first click id found, or {@code null} when there is none. */
  public @Nullable ClickId clickId() {
    return clickIds.isEmpty() ? null : clickIds.get(0);
  }

  /** Returns whether any finding is an {@link Severity#ERROR}. */
  public boolean hasErrors() {
    for (Finding f : findings) {
      if (f.severity() == Severity.ERROR) {
        return true;
      }
    }
    return false;
  }
}
