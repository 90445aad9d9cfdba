package dev.mops.routing;

import dev.mops.core.time.BusinessCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A sales rep (or any person leads are assigned to): an id, a time zone, caps per day and per
 * week, working hours, out-of-office dates and a manager to escalate to.
 *
 * <p>Days and weeks are counted in the rep's own time zone; a week starts on Monday (ISO). A cap of
 * {@link #NO_CAP} means no cap. A rep with working hours (a {@link BusinessCalendar}, whose zone is
 * then the rep's) takes leads only while the calendar is open; a rep without takes them at any
 * hour.
 *
 * <p>Thread safety: an immutable value; its builder is not thread-safe.
 */
public final class Rep {

  /** The cap value meaning "no cap". */
  public static final int NO_CAP = Integer.MAX_VALUE;

  private final String id;
  private final String displayName;
  private final ZoneId timeZone;
  private final int dailyCap;
  private final int weeklyCap;
  private final List<DateSpan> outOfOffice;
  private final boolean active;
  private final @Nullable String manager;
  private final @Nullable BusinessCalendar workingHours;
  private final long[] awayDays; // from, to epoch days, pairs

  private Rep(Builder b) {
    this.id = b.id;
    this.displayName = b.displayName == null ? b.id : b.displayName;
    this.timeZone = b.timeZone;
    this.dailyCap = b.dailyCap;
    this.weeklyCap = b.weeklyCap;
    this.outOfOffice = List.copyOf(b.outOfOffice);
    this.active = b.active;
    this.manager = b.manager;
    this.workingHours = b.workingHours;
    this.awayDays = new long[outOfOffice.size() * 2];
    for (int i = 0; i < outOfOffice.size(); i++) {
      awayDays[2 * i] = outOfOffice.get(i).from().toEpochDay();
      awayDays[2 * i + 1] = outOfOffice.get(i).to().toEpochDay();
    }
  }

  /** Returns whether {@code epochDay} (a day in the rep's zone) is an out-of-office day. */
  boolean isAway(long epochDay) {
    for (int i = 0; i < awayDays.length; i += 2) {
      if (epochDay >= awayDays[i] && epochDay <= awayDays[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** Returns a builder for a rep with {@code id}, in UTC, without caps. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Returns the id leads are assigned to (the value of the {@code owner} column). */
  public String id() {
    return id;
  }

  /** Returns the display name (the id when none was given). */
  public String displayName() {
    return displayName;
  }

  /** Returns the time zone days and weeks are counted in. */
  public ZoneId timeZone() {
    return timeZone;
  }

  /** Returns the most leads per day, or {@link #NO_CAP}. */
  public int dailyCap() {
    return dailyCap;
  }

  /** Returns the most leads per ISO week, or {@link #NO_CAP}. */
  public int weeklyCap() {
    return weeklyCap;
  }

  /** Returns the out-of-office spans. */
  public List<DateSpan> outOfOffice() {
    return outOfOffice;
  }

  /** Returns whether the rep takes leads at all (false: skipped as inactive). */
  public boolean active() {
    return active;
  }

  /** Returns the rep's working hours, or null when the rep takes leads at any hour. */
  public @Nullable BusinessCalendar workingHours() {
    return workingHours;
  }

  /** Returns whether the rep is within working hours at {@code at} (always, without a calendar). */
  boolean isWorking(Instant at) {
    return workingHours == null || workingHours.isOpen(at);
  }

  /** Returns the manager's id, or null. */
  public @Nullable String manager() {
    return manager;
  }

  /** Returns the out-of-office span holding {@code epochDay} (a day in the rep's zone), or null. */
  @Nullable DateSpan outOfOfficeOn(long epochDay) {
    for (DateSpan s : outOfOffice) {
      if (s.contains(epochDay)) {
        return s;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "Rep[" + id + ", " + timeZone + "]";
  }

  /** A builder of {@link Rep}; every setter may be called once. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private @Nullable String displayName;
    private ZoneId timeZone = ZoneOffset.UTC;
    private int dailyCap = NO_CAP;
    private int weeklyCap = NO_CAP;
    private final List<DateSpan> outOfOffice = new ArrayList<>();
    private boolean active = true;
    private @Nullable String manager;
    private @Nullable BusinessCalendar workingHours;
    private boolean zoneSet;

    private Builder(String id) {
      Objects.requireNonNull(id, "id");
      if (id.isBlank()) {
        throw new IllegalArgumentException("a rep id must not be blank");
      }
      this.id = id;
    }

    /** Sets the display name. */
    public Builder displayName(String name) {
      this.displayName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Sets the time zone days and weeks are counted in (default UTC). */
    public Builder timeZone(ZoneId zone) {
      this.timeZone = Objects.requireNonNull(zone, "zone");
      this.zoneSet = true;
      return this;
    }

    /** Sets the most leads per day (at least 0). */
    public Builder dailyCap(int cap) {
      if (cap < 0) {
        throw new IllegalArgumentException("daily cap must be at least 0, was " + cap);
      }
      this.dailyCap = cap;
      return this;
    }

    /** Sets the most leads per ISO week (at least 0). */
    public Builder weeklyCap(int cap) {
      if (cap < 0) {
        throw new IllegalArgumentException("weekly cap must be at least 0, was " + cap);
      }
      this.weeklyCap = cap;
      return this;
    }

    /** Adds an out-of-office span. */
    public Builder outOfOffice(DateSpan span) {
      outOfOffice.add(Objects.requireNonNull(span, "span"));
      return this;
    }

    /** Sets whether the rep takes leads (default true). */
    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    /** Sets the manager's id, used by {@code escalate: manager}. */
    public Builder manager(String manager) {
      this.manager = Objects.requireNonNull(manager, "manager");
      return this;
    }

    /**
     * Sets the rep's working hours; the rep's time zone becomes the calendar's (setting another zone
     * as well is an error).
     */
    public Builder workingHours(BusinessCalendar calendar) {
      this.workingHours = Objects.requireNonNull(calendar, "calendar");
      return this;
    }

    /** Builds the rep. */
    public Rep build() {
      if (workingHours != null) {
        if (zoneSet && !timeZone.equals(workingHours.zone())) {
          throw new IllegalArgumentException("rep '" + id + "' has time zone " + timeZone
              + " but working hours in " + workingHours.zone() + "; give one zone");
        }
        timeZone = workingHours.zone();
      }
      return new Rep(this);
    }
  }
}
