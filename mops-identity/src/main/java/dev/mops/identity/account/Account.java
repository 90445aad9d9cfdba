package dev.mops.identity.account;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An account (a company in the CRM) that leads are matched to: an id, a name, a domain, where it
 * is, its owner, and what tie-breaks read (contacts, last activity, a configured field).
 *
 * <p>Thread safety: an immutable value; its builder is not thread-safe.
 */
public final class Account {

  private final String id;
  private final String name;
  private final @Nullable String domain;
  private final @Nullable String country;
  private final @Nullable String city;
  private final @Nullable String phone;
  private final @Nullable String owner;
  private final long contacts;
  private final @Nullable Instant lastActivity;
  private final @Nullable String tieBreak;

  private Account(Builder b) {
    this.id = b.id;
    this.name = b.name;
    this.domain = b.domain;
    this.country = b.country;
    this.city = b.city;
    this.phone = b.phone;
    this.owner = b.owner;
    this.contacts = b.contacts;
    this.lastActivity = b.lastActivity;
    this.tieBreak = b.tieBreak;
  }

  /** Returns a builder of an account with this id and name. */
  public static Builder builder(String id, String name) {
    return new Builder(id, name);
  }

  /** Returns the account's id. */
  public String id() {
    return id;
  }

  /** Returns the account's name as given. */
  public String name() {
    return name;
  }

  /** Returns the domain or website as given, or null. */
  public @Nullable String domain() {
    return domain;
  }

  /** Returns the country as given, or null. */
  public @Nullable String country() {
    return country;
  }

  /** Returns the city as given, or null. */
  public @Nullable String city() {
    return city;
  }

  /** Returns the phone as given, or null. */
  public @Nullable String phone() {
    return phone;
  }

  /** Returns the owner's id, or null. */
  public @Nullable String owner() {
    return owner;
  }

  /** Returns the number of contacts (first tie-break). */
  public long contacts() {
    return contacts;
  }

  /** Returns the last activity (second tie-break), or null. */
  public @Nullable Instant lastActivity() {
    return lastActivity;
  }

  /** Returns the value of the configured tie-break field (third tie-break; numbers compare as numbers), or null. */
  public @Nullable String tieBreak() {
    return tieBreak;
  }

  @Override
  public String toString() {
    return "Account[" + id + ", " + name + (domain == null ? "" : ", " + domain) + "]";
  }

  /** A builder of {@link Account}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final String name;
    private @Nullable String domain;
    private @Nullable String country;
    private @Nullable String city;
    private @Nullable String phone;
    private @Nullable String owner;
    private long contacts;
    private @Nullable Instant lastActivity;
    private @Nullable String tieBreak;

    private Builder(String id, String name) {
      this.id = Objects.requireNonNull(id, "id");
      this.name = Objects.requireNonNull(name, "name");
      if (id.isBlank()) {
        throw new IllegalArgumentException("an account id must not be blank");
      }
    }

    /** Sets the domain or website. */
    public Builder domain(@Nullable String domain) {
      this.domain = domain;
      return this;
    }

    /** Sets the country (name or code). */
    public Builder country(@Nullable String country) {
      this.country = country;
      return this;
    }

    /** Sets the city. */
    public Builder city(@Nullable String city) {
      this.city = city;
      return this;
    }

    /** Sets the phone. */
    public Builder phone(@Nullable String phone) {
      this.phone = phone;
      return this;
    }

    /** Sets the owner's id. */
    public Builder owner(@Nullable String owner) {
      this.owner = owner;
      return this;
    }

    /** Sets the number of contacts (0 or more). */
    public Builder contacts(long contacts) {
      if (contacts < 0) {
        throw new IllegalArgumentException("contacts must be 0 or more, was " + contacts);
      }
      this.contacts = contacts;
      return this;
    }

    /** Sets the last activity. */
    public Builder lastActivity(@Nullable Instant lastActivity) {
      this.lastActivity = lastActivity;
      return this;
    }

    /** Sets the value of the configured tie-break field. */
    public Builder tieBreak(@Nullable String value) {
      this.tieBreak = value;
      return this;
    }

    /** Builds the account. */
    public Account build() {
      return new Account(this);
    }
  }
}
