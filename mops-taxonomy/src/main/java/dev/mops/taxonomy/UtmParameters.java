package dev.mops.taxonomy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The UTM values of one landing-page URL, decoded; a parameter that was absent or empty is
 * {@code null}.
 *
 * <p>Thread safety: an immutable value.
 */
public final class UtmParameters {

  /** No UTM values at all. */
  public static final UtmParameters NONE = new UtmParameters(new EnumMap<>(UtmParameter.class));

  private final Map<UtmParameter, String> values;

  private UtmParameters(EnumMap<UtmParameter, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** Returns UTM values from a map; blank values are dropped. */
  public static UtmParameters of(Map<UtmParameter, String> values) {
    EnumMap<UtmParameter, String> copy = new EnumMap<>(UtmParameter.class);
    values.forEach((k, v) -> {
      if (v != null && !v.isEmpty()) {
        copy.put(Objects.requireNonNull(k, "parameter"), v);
      }
    });
    return copy.isEmpty() ? NONE : new UtmParameters(copy);
  }

  /** Returns the value of {@code parameter}, or {@code null} when absent. */
  public @Nullable String get(UtmParameter parameter) {
    return values.get(parameter);
  }

  /** Returns {@code utm_source}, or {@code null}. */
  public @Nullable String source() {
    return values.get(UtmParameter.SOURCE);
  }

  /** Returns {@code utm_medium}, or {@code null}. */
  public @Nullable String medium() {
    return values.get(UtmParameter.MEDIUM);
  }

  /** Returns {@code utm_campaign}, or {@code null}. */
  public @Nullable String campaign() {
    return values.get(UtmParameter.CAMPAIGN);
  }

  /** Returns {@code utm_term}, or {@code null}. */
  public @Nullable String term() {
    return values.get(UtmParameter.TERM);
  }

  /** Returns {@code utm_content}, or {@code null}. */
  public @Nullable String content() {
    return values.get(UtmParameter.CONTENT);
  }

  /** Returns {@code utm_id}, or {@code null}. */
  public @Nullable String id() {
    return values.get(UtmParameter.ID);
  }

  /** Returns whether no UTM value is present. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** Returns the present values, in {@link UtmParameter} order (unmodifiable). */
  public Map<UtmParameter, String> asMap() {
    return values;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof UtmParameters utmParameters && utmParameters.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "UtmParameters" + values;
  }
}
