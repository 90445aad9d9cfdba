package dev.mops.taxonomy;

import org.jspecify.annotations.Nullable;

/**
 * The attribution of one visit or touch as a channel group sees it: source, medium, campaign and
 * the other UTM values, plus the click id type; any of them may be missing.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param source {@code utm_source}, or {@code null}
 * @param medium {@code utm_medium}, or {@code null}
 * @param campaign {@code utm_campaign}, or {@code null}
 * @param term {@code utm_term}, or {@code null}
 * @param content {@code utm_content}, or {@code null}
 * @param id {@code utm_id}, or {@code null}
 * @param sourcePlatform {@code utm_source_platform}, or {@code null}
 * @param creativeFormat {@code utm_creative_format}, or {@code null}
 * @param marketingTactic {@code utm_marketing_tactic}, or {@code null}
 * @param clickIdType the parameter name of the first click id ({@code gclid}), or {@code null}
 */
public record TrafficSource(
    @Nullable String source, @Nullable String medium, @Nullable String campaign, @Nullable String term,
    @Nullable String content, @Nullable String id, @Nullable String sourcePlatform,
    @Nullable String creativeFormat, @Nullable String marketingTactic, @Nullable String clickIdType) {

  /** Returns a traffic source of just source, medium and campaign (blank values count as missing). */
  public static TrafficSource of(@Nullable String source, @Nullable String medium, @Nullable String campaign) {
    return new TrafficSource(blankToNull(source), blankToNull(medium), blankToNull(campaign),
        null, null, null, null, null, null, null);
  }

  /** Returns the traffic source of a parsed landing-page URL. */
  public static TrafficSource from(ParsedUrl url) {
    UtmParameters u = url.utm();
    ClickId click = url.clickId();
    return new TrafficSource(u.source(), u.medium(), u.campaign(), u.term(), u.content(), u.id(),
        u.get(UtmParameter.SOURCE_PLATFORM), u.get(UtmParameter.CREATIVE_FORMAT),
        u.get(UtmParameter.MARKETING_TACTIC), click == null ? null : click.type().parameterName());
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
