package dev.mops.routing.consent;

import dev.mops.core.Finding;
import dev.mops.core.FindingSink;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Consent statements per person (by canonical email), channel and purpose, answering what holds at
 * an instant: the newest statement made at or before it wins; at equal times the more restrictive
 * wins (revoked, then denied, then granted). A statement past its expiry counts as expired, which
 * a {@link ContactPolicy} treats like no statement.
 *
 * <p>Thread safety: immutable and safe to share; its builder is not thread-safe.
 */
public final class ConsentLedger {

  private static final Comparator<ConsentStatement> ORDER =
      Comparator.comparing(ConsentStatement::at).thenComparing(s -> restrictiveness(s.state()));

  private final Map<String, List<ConsentStatement>> byKey;
  private final int size;

  private ConsentLedger(Map<String, List<ConsentStatement>> byKey, int size) {
    this.byKey = byKey;
    this.size = size;
  }

  private static int restrictiveness(ConsentState s) {
    return s == ConsentState.GRANTED ? 0 : s == ConsentState.DENIED ? 1 : 2;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns an empty ledger. */
  public static ConsentLedger empty() {
    return builder().build();
  }

  /** Returns the number of statements. */
  public int size() {
    return size;
  }

  private static String key(String email, Channel channel, Purpose purpose) {
    return email + '\u0000' + channel.name() + '\u0000' + purpose.name();
  }

  /** Returns what holds for this person, channel and purpose at {@code at}. */
  public ConsentStatus status(@Nullable String email, Channel channel, Purpose purpose, Instant at) {
    String e = LeadKeys.email(email);
    if (e == null) {
      return ConsentStatus.UNKNOWN;
    }
    List<ConsentStatement> list = byKey.get(key(e, channel, purpose));
    if (list == null) {
      return ConsentStatus.UNKNOWN;
    }
    ConsentStatement newest = null;
    for (ConsentStatement s : list) { // sorted oldest first
      if (s.at().isAfter(at)) {
        break;
      }
      newest = s;
    }
    if (newest == null) {
      return ConsentStatus.UNKNOWN;
    }
    Instant exp = newest.expires();
    return new ConsentStatus(newest.state(), exp != null && !at.isBefore(exp), newest);
  }

  /** A builder of {@link ConsentLedger}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, List<ConsentStatement>> byKey = new HashMap<>();
    private int size;

    private Builder() {}

    /**
     * Adds a statement.
     *
     * @throws IllegalArgumentException when its email is blank
     */
    public Builder add(ConsentStatement s) {
      String e = LeadKeys.email(s.email());
      if (e == null) {
        throw new IllegalArgumentException("a consent statement needs an email");
      }
      byKey.computeIfAbsent(key(e, s.channel(), s.purpose()), k -> new ArrayList<>(2)).add(s);
      size++;
      return this;
    }

    /**
     * Adds the statements of records with the columns {@code email}, {@code channel}, {@code
     * purpose}, {@code state}, {@code timestamp} and optional {@code expires} and {@code source}; a
     * bad row becomes a finding (code, field, raw value) and is skipped.
     *
     * @return whether the record was added
     */
    public boolean addRecord(Record r, FindingSink findings) {
      String email = Values.asString(r.get("email"));
      if (email == null || email.isBlank()) {
        findings.accept(Finding.error("CONSENT_EMAIL_MISSING", "email", email, "a consent statement needs an email"));
        return false;
      }
      Channel channel;
      Purpose purpose;
      ConsentState state;
      String field = "channel";
      try {
        channel = Channel.parse(String.valueOf(Values.asString(r.get("channel"))));
        field = "purpose";
        purpose = Purpose.parse(String.valueOf(Values.asString(r.get("purpose"))));
        field = "state";
        state = ConsentState.parse(String.valueOf(Values.asString(r.get("state"))));
      } catch (IllegalArgumentException e) {
        findings.accept(Finding.error("CONSENT_" + field.toUpperCase(java.util.Locale.ROOT) + "_INVALID", field,
            r.get(field), Objects.requireNonNull(e.getMessage())));
        return false;
      }
      Instant at = SuppressionList.instant(r.get("timestamp"));
      if (at == null) {
        findings.accept(Finding.error("CONSENT_TIMESTAMP_INVALID", "timestamp", r.get("timestamp"),
            "expected an ISO-8601 instant or date"));
        return false;
      }
      Instant expires = null;
      if (!Values.isEmpty(r.get("expires"))) {
        expires = SuppressionList.instant(r.get("expires"));
        if (expires == null || !expires.isAfter(at)) {
          findings.accept(Finding.error("CONSENT_EXPIRY_INVALID", "expires", r.get("expires"),
              "expected an ISO-8601 instant or date after the timestamp"));
          return false;
        }
      }
      String source = Values.asString(r.get("source"));
      add(new ConsentStatement(email, channel, purpose, state, at, expires, source == null || source.isBlank() ? null : source));
      return true;
    }

    /** Builds the ledger. */
    public ConsentLedger build() {
      Map<String, List<ConsentStatement>> out = new HashMap<>(byKey.size() * 2);
      byKey.forEach((k, v) -> {
        List<ConsentStatement> sorted = new ArrayList<>(v);
        sorted.sort(ORDER);
        out.put(k, List.copyOf(sorted));
      });
      return new ConsentLedger(out, size);
    }
  }
}
