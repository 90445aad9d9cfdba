package dev.mops.taxonomy;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One of the UTM parameters Google Analytics 4 reads from a landing-page URL.
 *
 * <p>Thread safety: an enum, immutable and safe to share.
 */
public enum UtmParameter {
  /** {@code utm_source}: the referrer, such as {@code google} or {@code newsletter}. */
  SOURCE("utm_source"),
  /** {@code utm_medium}: the marketing medium, such as {@code cpc} or {@code email}. */
  MEDIUM("utm_medium"),
  /** {@code utm_campaign}: the campaign name. */
  CAMPAIGN("utm_campaign"),
  /** {@code utm_term}: the paid keyword. */
  TERM("utm_term"),
  /** {@code utm_content}: the ad or link variant. */
  CONTENT("utm_content"),
  /** {@code utm_id}: the campaign id, used to join cost data. */
  ID("utm_id"),
  /** {@code utm_source_platform}: the buying platform, such as {@code Search Ads 360}. */
  SOURCE_PLATFORM("utm_source_platform"),
  /** {@code utm_creative_format}: the creative format, such as {@code video}. */
  CREATIVE_FORMAT("utm_creative_format"),
  /** {@code utm_marketing_tactic}: the targeting tactic, such as {@code remarketing}. */
  MARKETING_TACTIC("utm_marketing_tactic");

  private static final Map<String, UtmParameter> BY_NAME = new HashMap<>();

  static {
    for (UtmParameter p : values()) {
      BY_NAME.put(p.parameterName, p);
    }
  }

  private final String parameterName;

  UtmParameter(String parameterName) {
    this.parameterName = parameterName;
  }

  /** Returns the query parameter name, such as {@code utm_source}. */
  public String parameterName() {
    return parameterName;
  }

  /** Returns the parameter whose name is exactly {@code name}, or {@code null}. */
  public static @Nullable UtmParameter byName(String name) {
    return BY_NAME.get(name);
  }
}
