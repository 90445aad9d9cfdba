package dev.mops.planning.preflight;

import dev.mops.core.Finding;
import dev.mops.planning.PlanningCodes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The opt-in live link check of pre-flight QA: requests each distinct web link over HTTP and
 * reports links that are broken ({@code BROKEN_LINK}, a status of 400 or more), unreachable
 * ({@code UNREACHABLE_LINK}: refused, timed out, too many redirects) or that redirect to {@code
 * http:} ({@code INSECURE_LINK}, a warning).
 *
 * <p>Nothing in mops makes a network request unless a caller builds one of these: {@code mops
 * preflight} does so only with {@code --live}. Each link gets a {@code HEAD} request ({@code GET}
 * when the server refuses {@code HEAD}); redirects are followed one by one up to a limit. Links
 * that already failed offline (malformed, merge tags) are not requested.
 *
 * <p>Limits: at most {@link #MAX_URLS} distinct URLs per call, a timeout per request (5 seconds by
 * default) and at most 5 redirects.
 *
 * <p>Thread safety: immutable; {@link #apply} may be called from any thread (requests of one call
 * are made one after another).
 */
public final class LiveLinkCheck {

  /** The most distinct URLs requested in one call. */
  public static final int MAX_URLS = 1000;

  private static final java.util.Set<String> OFFLINE_FAILURES = java.util.Set.of(PlanningCodes.MALFORMED_LINK,
      PlanningCodes.UNFILLED_MERGE_TAG, PlanningCodes.EMPTY_LINK, PlanningCodes.RELATIVE_LINK);

  private final HttpClient client;
  private final Duration timeout;
  private final int maxRedirects;

  private LiveLinkCheck(Duration timeout, int maxRedirects) {
    this.timeout = timeout;
    this.maxRedirects = maxRedirects;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * Returns a check with a timeout per request and a limit on redirects.
   *
   * @throws IllegalArgumentException when the timeout is not positive or the limit is outside 0 to 20
   */
  public static LiveLinkCheck create(Duration timeout, int maxRedirects) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (maxRedirects < 0 || maxRedirects > 20) {
      throw new IllegalArgumentException("maxRedirects must be 0 to 20, was " + maxRedirects);
    }
    return new LiveLinkCheck(timeout, maxRedirects);
  }

  /** Returns a check with a 5-second timeout and at most 5 redirects. */
  public static LiveLinkCheck standard() {
    return create(Duration.ofSeconds(5), 5);
  }

  /**
   * Returns {@code report} with the live findings added to its web links, except those the offline
   * checks found malformed, empty, relative or holding a merge tag.
   *
   * @throws IllegalArgumentException when there are more than {@link #MAX_URLS} distinct URLs to request
   */
  public PreflightReport apply(PreflightReport report) {
    Map<String, List<Finding>> cache = new HashMap<>();
    List<LinkResult> out = new ArrayList<>(report.links().size());
    for (LinkResult r : report.links()) {
      String url = r.link().url().trim();
      String lower = url.toLowerCase(Locale.ROOT);
      boolean web = lower.startsWith("https://") || lower.startsWith("http://");
      if (!web || r.findings().stream().anyMatch(f -> OFFLINE_FAILURES.contains(f.code()))) {
        out.add(r);
        continue;
      }
      List<Finding> live = cache.get(url);
      if (live == null) {
        if (cache.size() >= MAX_URLS) {
          throw new IllegalArgumentException("more than " + MAX_URLS + " distinct links to request");
        }
        live = check(url, r.link().attribute());
        cache.put(url, live);
      }
      List<Finding> all = new ArrayList<>(r.findings());
      all.addAll(live);
      out.add(new LinkResult(r.link(), r.tracked(), all));
    }
    return new PreflightReport(report.source(), out, report.pageFindings());
  }

  /** Requests one URL, following redirects, and returns the findings (empty when it answers below 400). */
  public List<Finding> check(String url, String field) {
    List<Finding> findings = new ArrayList<>();
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      findings.add(Finding.error(PlanningCodes.MALFORMED_LINK, field, url, "not a valid URL"));
      return findings;
    }
    for (int hop = 0; hop <= maxRedirects; hop++) {
      HttpResponse<Void> response;
      try {
        response = send(uri, "HEAD");
        if (response.statusCode() == 405 || response.statusCode() == 501) {
          response = send(uri, "GET");
        }
      } catch (IOException | IllegalArgumentException e) {
        findings.add(Finding.error(PlanningCodes.UNREACHABLE_LINK, field, url,
            "cannot reach " + uri + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage())));
        return findings;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        findings.add(Finding.error(PlanningCodes.UNREACHABLE_LINK, field, url, "interrupted"));
        return findings;
      }
      int status = response.statusCode();
      if (status >= 300 && status < 400) {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
          findings.add(Finding.error(PlanningCodes.BROKEN_LINK, field, url, uri + " answers " + status + " without a Location"));
          return findings;
        }
        URI next = uri.resolve(location.get());
        if ("http".equalsIgnoreCase(next.getScheme()) && "https".equalsIgnoreCase(uri.getScheme())) {
          findings.add(Finding.warning(PlanningCodes.INSECURE_LINK, field, url, uri + " redirects to http: " + next));
        }
        uri = next;
        continue;
      }
      if (status >= 400) {
        findings.add(Finding.error(PlanningCodes.BROKEN_LINK, field, url,
            uri + " answers HTTP " + status + (hop > 0 ? " after " + hop + " redirect(s)" : "")));
      }
      return findings;
    }
    findings.add(Finding.error(PlanningCodes.UNREACHABLE_LINK, field, url, "more than " + maxRedirects + " redirects"));
    return findings;
  }

  private HttpResponse<Void> send(URI uri, String method) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
        .method(method, HttpRequest.BodyPublishers.noBody()).header("User-Agent", "mops-preflight").build();
    return client.send(request, HttpResponse.BodyHandlers.discarding());
  }

  @Override
  public String toString() {
    return "LiveLinkCheck[timeout=" + timeout + ", maxRedirects=" + maxRedirects + "]";
  }

}
