package dev.mops.routing.consent;

import dev.mops.core.Finding;
import dev.mops.core.FindingSink;
import dev.mops.core.normalize.EmailFlag;
import dev.mops.core.normalize.NormalizedEmail;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A suppression list: emails, domains, competitors, role accounts and disposable domains that must
 * not be contacted, each with an optional reason and expiry.
 *
 * <p>Matching: an {@code email} entry matches the lead's email by its canonical form (so {@code
 * J.Doe+x@GMail.com} matches {@code jdoe@gmail.com}); a {@code domain} entry matches the registrable
 * domain of the lead's email or website; a {@code competitor} entry is a domain (matched like a
 * domain) or a company name (matched on the normalized name key, so {@code Globex Inc.} matches
 * {@code GLOBEX}); a {@code role_account} entry is a local part such as {@code info}, or {@code *}
 * for the bundled list of role accounts; a {@code disposable_domain} entry is a domain, or {@code *}
 * for the bundled list of disposable-mail providers. An entry whose expiry is at or before the
 * instant checked no longer applies.
 *
 * <p>Thread safety: immutable and safe to share; its builder is not thread-safe.
 */
public final class SuppressionList {

  /** The kinds of suppression entry. */
  public enum Kind {
    /** One email address. */
    EMAIL,
    /** Every address and website of a registrable domain. */
    DOMAIN,
    /** A competitor, by domain or company name. */
    COMPETITOR,
    /** A role-account local part ({@code info}, {@code sales}), or {@code *} for the bundled list. */
    ROLE_ACCOUNT,
    /** A disposable-mail domain, or {@code *} for the bundled list. */
    DISPOSABLE_DOMAIN;

    /** Returns the lower-case label used in files. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label, ignoring case. */
    public static Kind parse(String s) {
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown suppression type '" + s + "', expected email, domain, competitor, role_account or disposable_domain", e);
      }
    }
  }

  /**
   * One entry of a suppression list.
   *
   * @param kind what the value is
   * @param value the email, domain, company name, local part or {@code *}
   * @param reason why (an unsubscribe, a legal hold), or null
   * @param expires when the entry stops applying, or null for never
   */
  public record Entry(Kind kind, String value, @Nullable String reason, @Nullable Instant expires) {
    /** Validates the components. */
    public Entry {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
      if (value.isBlank()) {
        throw new IllegalArgumentException("a suppression entry needs a value");
      }
    }

    boolean activeAt(Instant at) {
      return expires == null || at.isBefore(expires);
    }

    String describe() {
      String v = value.equals("*") ? "bundled list" : value;
      return kind.label() + " " + v + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
    }
  }

  private final Map<String, List<Entry>> emails;
  private final Map<String, List<Entry>> domains; // domain and competitor domains
  private final Map<String, List<Entry>> companies; // competitor names
  private final Map<String, List<Entry>> roles;
  private final Map<String, List<Entry>> disposable;
  private final List<Entry> allRoles; // '*'
  private final List<Entry> allDisposable; // '*'
  private final int size;

  private SuppressionList(Builder b) {
    this.emails = copy(b.emails);
    this.domains = copy(b.domains);
    this.companies = copy(b.companies);
    this.roles = copy(b.roles);
    this.disposable = copy(b.disposable);
    this.allRoles = List.copyOf(b.allRoles);
    this.allDisposable = List.copyOf(b.allDisposable);
    this.size = b.size;
  }

  private static Map<String, List<Entry>> copy(Map<String, List<Entry>> m) {
    Map<String, List<Entry>> out = new HashMap<>(m.size() * 2);
    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return out;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns an empty list. */
  public static SuppressionList empty() {
    return builder().build();
  }

  /** Returns the number of entries. */
  public int size() {
    return size;
  }

  /**
   * Returns every entry that blocks a lead with this email, website and company at {@code at}, as
   * readable reasons (empty when nothing blocks it).
   */
  public List<String> check(@Nullable String email, @Nullable String website, @Nullable String company, Instant at) {
    List<String> out = new ArrayList<>(0);
    String key = LeadKeys.email(email);
    if (key != null) {
      add(out, emails.get(key), at);
    }
    String emailDomain = LeadKeys.domain(email != null && email.indexOf('@') >= 0 ? email : null);
    String siteDomain = LeadKeys.domain(website);
    if (emailDomain != null) {
      add(out, domains.get(emailDomain), at);
    }
    if (siteDomain != null && !siteDomain.equals(emailDomain)) {
      add(out, domains.get(siteDomain), at);
    }
    String companyKey = LeadKeys.company(company);
    if (companyKey != null) {
      add(out, companies.get(companyKey), at);
    }
    if (email != null && !email.isBlank()) {
      NormalizedEmail e = LeadKeys.EMAIL.normalize(email);
      String local = e.localPart();
      if (local != null) {
        add(out, roles.get(local.toLowerCase(Locale.ROOT)), at);
        if (e.has(EmailFlag.ROLE_ACCOUNT)) {
          add(out, allRoles, at);
        }
      }
      String d = e.domain();
      if (d != null) {
        add(out, disposable.get(d), at);
        if (emailDomain != null && !emailDomain.equals(d)) {
          add(out, disposable.get(emailDomain), at);
        }
        if (e.has(EmailFlag.DISPOSABLE)) {
          add(out, allDisposable, at);
        }
      }
    }
    return out;
  }

  private static void add(List<String> out, @Nullable List<Entry> entries, Instant at) {
    if (entries == null) {
      return;
    }
    for (Entry e : entries) {
      if (e.activeAt(at)) {
        out.add("suppressed " + e.describe());
      }
    }
  }

  /** A builder of {@link SuppressionList}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, List<Entry>> emails = new HashMap<>();
    private final Map<String, List<Entry>> domains = new HashMap<>();
    private final Map<String, List<Entry>> companies = new HashMap<>();
    private final Map<String, List<Entry>> roles = new HashMap<>();
    private final Map<String, List<Entry>> disposable = new HashMap<>();
    private final List<Entry> allRoles = new ArrayList<>();
    private final List<Entry> allDisposable = new ArrayList<>();
    private int size;

    private Builder() {}

    /**
     * Adds an entry.
     *
     * @throws IllegalArgumentException when its value cannot be what its kind says (an email
     *     without {@code @}, a domain without a dot)
     */
    public Builder add(Entry e) {
      String v = e.value().trim();
      switch (e.kind()) {
        case EMAIL: {
          if (v.indexOf('@') <= 0) {
            throw new IllegalArgumentException("'" + v + "' is not an email address");
          }
          put(emails, Objects.requireNonNull(LeadKeys.email(v)), e);
          break;
        }
        case DOMAIN:
          put(domains, domain(v), e);
          break;
        case COMPETITOR:
          if (v.indexOf('.') > 0 && v.indexOf(' ') < 0) {
            put(domains, domain(v), e);
          } else {
            String k = LeadKeys.company(v);
            if (k == null) {
              throw new IllegalArgumentException("'" + v + "' is neither a domain nor a company name");
            }
            put(companies, k, e);
          }
          break;
        case ROLE_ACCOUNT:
          if (v.equals("*")) {
            allRoles.add(e);
          } else {
            put(roles, v.toLowerCase(Locale.ROOT).replaceAll("@.*$", ""), e);
          }
          break;
        default:
          if (v.equals("*")) {
            allDisposable.add(e);
          } else {
            put(disposable, domain(v), e);
          }
      }
      size++;
      return this;
    }

    /** Adds an entry without reason or expiry. */
    public Builder add(Kind kind, String value) {
      return add(new Entry(kind, value, null, null));
    }

    private static String domain(String v) {
      String d = LeadKeys.domain(v);
      if (d == null || d.indexOf('.') < 0) {
        throw new IllegalArgumentException("'" + v + "' is not a domain");
      }
      return d;
    }

    private static void put(Map<String, List<Entry>> m, String key, Entry e) {
      m.computeIfAbsent(key, k -> new ArrayList<>(1)).add(e);
    }

    /**
     * Adds the entries of records with the columns {@code type}, {@code value} and optional
     * {@code reason} and {@code expires} (ISO-8601 instant or date); a bad row becomes a finding
     * (code, field, raw value) and is skipped.
     *
     * @return the number of entries added
     */
    public long addAll(Iterable<? extends Record> records, FindingSink findings) {
      long added = 0;
      for (Record r : records) {
        if (addRecord(r, findings)) {
          added++;
        }
      }
      return added;
    }

    /** Adds one record's entry as {@link #addAll} does; returns whether it was added. */
    public boolean addRecord(Record r, FindingSink findings) {
      String type = Values.asString(r.get("type"));
      String value = Values.asString(r.get("value"));
      if (type == null || type.isBlank()) {
        findings.accept(Finding.error("SUPPRESSION_TYPE_MISSING", "type", type, "a suppression entry needs a type"));
        return false;
      }
      if (value == null || value.isBlank()) {
        findings.accept(Finding.error("SUPPRESSION_VALUE_MISSING", "value", value, "a suppression entry needs a value"));
        return false;
      }
      Kind kind;
      try {
        kind = Kind.parse(type);
      } catch (IllegalArgumentException e) {
        findings.accept(Finding.error("SUPPRESSION_TYPE_UNKNOWN", "type", type, Objects.requireNonNull(e.getMessage())));
        return false;
      }
      Object rawExpiry = r.get("expires");
      Instant expires = null;
      if (!Values.isEmpty(rawExpiry)) {
        expires = instant(rawExpiry);
        if (expires == null) {
          findings.accept(Finding.error("SUPPRESSION_EXPIRY_INVALID", "expires", rawExpiry,
              "expected an ISO-8601 instant or date"));
          return false;
        }
      }
      String reason = Values.asString(r.get("reason"));
      try {
        add(new Entry(kind, value, reason == null || reason.isBlank() ? null : reason, expires));
        return true;
      } catch (IllegalArgumentException e) {
        findings.accept(Finding.error("SUPPRESSION_VALUE_INVALID", "value", value, Objects.requireNonNull(e.getMessage())));
        return false;
      }
    }

    /** Builds the list. */
    public SuppressionList build() {
      return new SuppressionList(this);
    }
  }

  static @Nullable Instant instant(@Nullable Object raw) {
    Instant i = Values.asInstant(raw);
    if (i != null) {
      return i;
    }
    java.time.LocalDate d = Values.asDate(raw);
    return d == null ? null : d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
  }
}
