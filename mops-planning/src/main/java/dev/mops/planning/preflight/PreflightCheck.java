package dev.mops.planning.preflight;

import dev.mops.core.Finding;
import dev.mops.planning.PlanningCodes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pre-flight link check of an email or a landing page: finds every link ({@link PageLinks}) and
 * checks each offline, without any network access.
 *
 * <ul>
 *   <li>{@code EMPTY_LINK}: an empty {@code href}, {@code #} alone, or {@code javascript:}.
 *   <li>{@code UNFILLED_MERGE_TAG}: a merge tag left in the URL ({@code {{first_name}}}, {@code
 *       {% ... %}}, {@code *|FNAME|*}, {@code %%FirstName%%}, {@code ${name}}, {@code <%= x %>}),
 *       also percent-encoded; tags the sending platform fills at send time can be allowed.
 *   <li>{@code INSECURE_LINK}: {@code http:}.
 *   <li>{@code RELATIVE_LINK}: in an email, a link without scheme and host.
 *   <li>{@code MALFORMED_LINK}: not a valid URI (a space, a broken escape, a bad host).
 *   <li>{@code DUPLICATE_QUERY_PARAMETER}: a query parameter other than {@code utm_*} given twice
 *       (repeated UTM parameters are the URL lint's {@code DUPLICATE_PARAMETER}).
 *   <li>the {@link UrlLint}'s findings, for web links to a tracked domain (every web link when no
 *       domain is set).
 * </ul>
 *
 * <p>{@code mailto:}, {@code tel:} and {@code sms:} links, in-page anchors ({@code #top}) and links
 * that start with a merge tag (the platform fills the whole address) get only the merge-tag check. Limits: at most {@link #MAX_LINKS} links per page; the rest get no
 * verdict and the page a {@code TOO_MANY_LINKS} finding.
 *
 * <p>Thread safety: immutable; safe to share when its {@link UrlLint} is thread-safe.
 */
public final class PreflightCheck {

  /** The most links checked on one page. */
  public static final int MAX_LINKS = 5000;

  /** What kind of page is checked: relative links are errors in an email only. */
  public enum PageKind {
    /** An email: every link must be absolute. */
    EMAIL,
    /** A landing page: relative links resolve against the page. */
    LANDING_PAGE
  }

  private static final Pattern MERGE_TAG = Pattern.compile(
      "\\{\\{.*?\\}\\}|\\{%.*?%\\}|\\*\\|[^|]*\\|\\*|%%[A-Za-z_][^%]*%%|\\$\\{[^}]*\\}|<%.*?%>|\\[\\[[^\\]]*\\]\\]");

  private final UrlLint urlLint;
  private final Set<String> trackedDomains;
  private final Set<String> allowedMergeTags;
  private final PageKind kind;

  private PreflightCheck(Builder b) {
    this.urlLint = b.urlLint;
    this.trackedDomains = Set.copyOf(b.trackedDomains);
    this.allowedMergeTags = Set.copyOf(b.allowedMergeTags);
    this.kind = b.kind;
  }

  /** Returns a builder: an email, no URL lint, every web link tracked, no merge tag allowed. */
  public static Builder builder() {
    return new Builder();
  }

  /** Finds the links of {@code html} and checks each. */
  public PreflightReport check(String source, String html) {
    List<PageLink> links = PageLinks.extract(html);
    List<Finding> page = new ArrayList<>();
    if (links.size() > MAX_LINKS) {
      page.add(Finding.error(PlanningCodes.TOO_MANY_LINKS, "", links.size(),
          "the page has " + links.size() + " links; only the first " + MAX_LINKS + " were checked"));
      links = links.subList(0, MAX_LINKS);
    }
    List<LinkResult> out = new ArrayList<>(links.size());
    for (PageLink l : links) {
      out.add(check(l));
    }
    return new PreflightReport(source, out, page);
  }

  /** Checks one link. */
  public LinkResult check(PageLink link) {
    String attr = link.attribute();
    String url = link.url().trim();
    List<Finding> findings = new ArrayList<>();
    String lower = url.toLowerCase(Locale.ROOT);
    if (url.isEmpty() || url.equals("#") || lower.startsWith("javascript:")) {
      findings.add(Finding.error(PlanningCodes.EMPTY_LINK, attr, link.url(),
          "link goes nowhere" + (link.text().isEmpty() ? "" : " ('" + link.text() + "')")));
      return new LinkResult(link, false, findings);
    }
    boolean hasTag = mergeTags(url, attr, findings);
    Matcher leading = MERGE_TAG.matcher(url);
    if (leading.lookingAt()) {
      // the platform fills the whole address ({{view_in_browser_url}}, *|UNSUB|*): nothing more to check
      return new LinkResult(link, false, findings);
    }
    if (lower.startsWith("mailto:") || lower.startsWith("tel:") || lower.startsWith("sms:") || url.startsWith("#")) {
      return new LinkResult(link, false, findings);
    }
    boolean web = lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//");
    if (lower.startsWith("http://")) {
      findings.add(Finding.error(PlanningCodes.INSECURE_LINK, attr, url, "link uses http:, not https:"));
    }
    if (!web && !hasScheme(lower)) {
      if (kind == PageKind.EMAIL) {
        findings.add(Finding.error(PlanningCodes.RELATIVE_LINK, attr, url,
            "relative link in an email: mail clients have no page to resolve it against"));
      }
      return new LinkResult(link, false, findings);
    }
    URI uri = null;
    if (!hasTag) {
      try {
        uri = new URI(url);
        if (web && (uri.getHost() == null || uri.getHost().isEmpty())) {
          findings.add(Finding.error(PlanningCodes.MALFORMED_LINK, attr, url, "link has no valid host"));
          uri = null;
        }
      } catch (URISyntaxException e) {
        findings.add(Finding.error(PlanningCodes.MALFORMED_LINK, attr, url, "not a valid URL: " + e.getReason()
            + " at index " + e.getIndex()));
      }
    }
    duplicateParameters(url, findings);
    boolean tracked = web && isTracked(uri, url);
    if (tracked) {
      for (Finding f : urlLint.lint(url)) {
        if (!(hasTag && f.code().equals("UNFILLED_MACRO"))) {
          findings.add(f);
        }
      }
    }
    return new LinkResult(link, tracked, findings);
  }

  private boolean mergeTags(String url, String attr, List<Finding> findings) {
    String decoded = url.replace("%7B", "{").replace("%7b", "{").replace("%7D", "}").replace("%7d", "}")
        .replace("%7C", "|").replace("%7c", "|").replace("%25", "%").replace("%24", "$").replace("%3C", "<")
        .replace("%3c", "<").replace("%3E", ">").replace("%3e", ">").replace("%5B", "[").replace("%5b", "[")
        .replace("%5D", "]").replace("%5d", "]");
    Matcher m = MERGE_TAG.matcher(decoded);
    Set<String> seen = new LinkedHashSet<>();
    while (m.find()) {
      String tag = m.group();
      if (!allowedMergeTags.contains(tag.toLowerCase(Locale.ROOT).replace(" ", "")) && seen.add(tag)) {
        findings.add(Finding.error(PlanningCodes.UNFILLED_MERGE_TAG, attr, tag, "unfilled merge tag " + tag));
      }
    }
    return m.reset().find();
  }

  private static boolean hasScheme(String lower) {
    int colon = lower.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = lower.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) {
        return false;
      }
    }
    return true;
  }

  private static void duplicateParameters(String url, List<Finding> findings) {
    int q = url.indexOf('?');
    if (q < 0) {
      return;
    }
    int hash = url.indexOf('#', q);
    String query = url.substring(q + 1, hash < 0 ? url.length() : hash);
    Set<String> seen = new HashSet<>();
    Set<String> reported = new HashSet<>();
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = (eq < 0 ? pair : pair.substring(0, eq)).trim();
      if (name.isEmpty() || name.toLowerCase(Locale.ROOT).startsWith("utm_")) {
        continue;
      }
      if (!seen.add(name) && reported.add(name)) {
        findings.add(Finding.warning(PlanningCodes.DUPLICATE_QUERY_PARAMETER, name, url,
            "parameter " + name + " appears more than once"));
      }
    }
  }

  private boolean isTracked(java.net.@org.jspecify.annotations.Nullable URI uri, String url) {
    if (trackedDomains.isEmpty()) {
      return true;
    }
    String host = uri != null ? uri.getHost() : null;
    if (host == null) {
      int start = url.indexOf("//");
      if (start < 0) {
        return false;
      }
      int end = start + 2;
      while (end < url.length() && "/?#:".indexOf(url.charAt(end)) < 0) {
        end++;
      }
      host = url.substring(start + 2, end);
    }
    host = host.toLowerCase(Locale.ROOT);
    for (String d : trackedDomains) {
      if (host.equals(d) || host.endsWith("." + d)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A builder of {@link PreflightCheck}s.
   *
   * <p>Thread safety: not thread-safe.
   */
  public static final class Builder {
    private UrlLint urlLint = UrlLint.NONE;
    private final Set<String> trackedDomains = new LinkedHashSet<>();
    private final Set<String> allowedMergeTags = new LinkedHashSet<>();
    private PageKind kind = PageKind.EMAIL;

    private Builder() {}

    /** Sets the URL lint tracked links go through (default: none). */
    public Builder urlLint(UrlLint lint) {
      this.urlLint = Objects.requireNonNull(lint, "lint");
      return this;
    }

    /**
     * Adds a tracked domain: links to it and its subdomains go through the URL lint. With none,
     * every web link does.
     */
    public Builder trackedDomain(String domain) {
      String d = domain.trim().toLowerCase(Locale.ROOT);
      if (d.startsWith("*.")) {
        d = d.substring(2);
      }
      if (d.isEmpty()) {
        throw new IllegalArgumentException("empty tracked domain");
      }
      trackedDomains.add(d);
      return this;
    }

    /** Allows a merge tag the platform fills at send time, such as {@code {{unsubscribe_url}}} or {@code *|UNSUB|*}. */
    public Builder allowMergeTag(String tag) {
      String t = tag.trim().toLowerCase(Locale.ROOT).replace(" ", "");
      if (t.isEmpty()) {
        throw new IllegalArgumentException("empty merge tag");
      }
      allowedMergeTags.add(t);
      return this;
    }

    /** Sets the kind of page (default {@link PageKind#EMAIL}). */
    public Builder pageKind(PageKind kind) {
      this.kind = Objects.requireNonNull(kind, "kind");
      return this;
    }

    /** Returns the check. */
    public PreflightCheck build() {
      return new PreflightCheck(this);
    }
  }
}
