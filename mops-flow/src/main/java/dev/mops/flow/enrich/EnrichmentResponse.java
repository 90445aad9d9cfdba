package dev.mops.flow.enrich;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer of one {@link Enricher#lookup}: found (with its fields), not found, or failed (with a
 * code), how many provider attempts it took and whether it came from the cache.
 *
 * <p>Failure codes: {@code ENRICH_TIMEOUT} (the last attempt timed out), {@code ENRICH_CIRCUIT_OPEN}
 * (the breaker refused the call), {@code ENRICH_INVALID_RESPONSE} (the provider answered with
 * something that is not firmographic fields), {@code ENRICH_PROVIDER_ERROR} (the provider threw an
 * unchecked exception), {@code ENRICH_BUSY} (too many calls in flight), {@code ENRICH_INTERRUPTED},
 * or the provider's own {@link EnrichmentException#code()}.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param status found, not found or failed
 * @param fields the fields found (empty unless found)
 * @param attempts provider attempts made for this lookup (0 when cached or refused by the breaker)
 * @param cached whether the answer came from the cache
 * @param errorCode the failure code, or null unless failed
 * @param message what went wrong, or null unless failed
 */
public record EnrichmentResponse(
    Status status, Map<String, String> fields, int attempts, boolean cached, @Nullable String errorCode,
    @Nullable String message) {

  /** The three outcomes of a lookup. */
  public enum Status {
    /** The provider knew the key. */
    FOUND,
    /** The provider answered and knew nothing of the key. */
    NOT_FOUND,
    /** No answer after the attempts allowed. */
    FAILED
  }

  /** Copies the fields and checks that a failure has a code. */
  public EnrichmentResponse {
    Objects.requireNonNull(status, "status");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    if (status == Status.FAILED && (errorCode == null || message == null)) {
      throw new IllegalArgumentException("a failed lookup needs a code and a message");
    }
  }

  /** Returns whether the lookup failed. */
  public boolean failed() {
    return status == Status.FAILED;
  }
}
