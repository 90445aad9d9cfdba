package dev.mops.routing.consent;

import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a lead may be contacted on a channel for a purpose: blocked by any active suppression
 * entry, by a current denial or revocation of consent, and (when consent is required) by the
 * absence of a current grant; allowed otherwise.
 *
 * <pre>{@code
 * ContactPolicy policy = ContactPolicy.builder().suppression(list).consent(ledger).build();
 * ContactCheck c = policy.check(lead, Channel.EMAIL, Purpose.SALES, now);
 * if (!c.allowed()) log(c.reason());
 * }</pre>
 *
 * <p>The lead's {@code email}, {@code website} and {@code company} fields are read (names
 * configurable). Thread safety: immutable and safe to share; its builder is not thread-safe.
 */
public final class ContactPolicy {

  private final SuppressionList suppression;
  private final ConsentLedger consent;
  private final boolean requireConsent;
  private final String emailField;
  private final String websiteField;
  private final String companyField;

  private ContactPolicy(Builder b) {
    this.suppression = b.suppression;
    this.consent = b.consent;
    this.requireConsent = b.requireConsent;
    this.emailField = b.emailField;
    this.websiteField = b.websiteField;
    this.companyField = b.companyField;
  }

  /** Returns a builder with an empty suppression list and consent ledger. */
  public static Builder builder() {
    return new Builder();
  }

  /** Checks a lead at {@code at}. */
  public ContactCheck check(Record lead, Channel channel, Purpose purpose, Instant at) {
    String email = Values.asString(lead.get(emailField));
    List<String> reasons = new ArrayList<>(suppression.check(
        email, Values.asString(lead.get(websiteField)), Values.asString(lead.get(companyField)), at));
    ConsentStatus s = consent.status(email, channel, purpose, at);
    if (s.refused()) {
      ConsentStatement st = Objects.requireNonNull(s.statement());
      reasons.add("consent " + s.label() + " for " + channel.label() + "/" + purpose.label() + " on " + st.at()
          + (st.source() == null ? "" : " (" + st.source() + ")"));
    } else if (requireConsent && !s.granted()) {
      reasons.add("no current consent for " + channel.label() + "/" + purpose.label() + " (" + s.label() + ")");
    }
    return reasons.isEmpty() ? ContactCheck.ALLOWED : new ContactCheck(false, reasons);
  }

  /** A builder of {@link ContactPolicy}. Not thread-safe. */
  public static final class Builder {
    private SuppressionList suppression = SuppressionList.empty();
    private ConsentLedger consent = ConsentLedger.empty();
    private boolean requireConsent;
    private String emailField = "email";
    private String websiteField = "website";
    private String companyField = "company";

    private Builder() {}

    /** Sets the suppression list. */
    public Builder suppression(SuppressionList list) {
      this.suppression = Objects.requireNonNull(list, "list");
      return this;
    }

    /** Sets the consent ledger. */
    public Builder consent(ConsentLedger ledger) {
      this.consent = Objects.requireNonNull(ledger, "ledger");
      return this;
    }

    /** Sets whether a current grant is required (default false: only refusals block). */
    public Builder requireConsent(boolean require) {
      this.requireConsent = require;
      return this;
    }

    /** Sets the lead's field names (defaults {@code email}, {@code website}, {@code company}). */
    public Builder fields(String email, String website, String company) {
      this.emailField = Objects.requireNonNull(email, "email");
      this.websiteField = Objects.requireNonNull(website, "website");
      this.companyField = Objects.requireNonNull(company, "company");
      return this;
    }

    /** Builds the policy. */
    public ContactPolicy build() {
      return new ContactPolicy(this);
    }
  }
}
