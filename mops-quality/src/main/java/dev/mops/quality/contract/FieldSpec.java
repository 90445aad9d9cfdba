package dev.mops.quality.contract;

import dev.mops.core.record.Values;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One field declared by a {@link DataContract}: its name, logical type, whether it is required, its
 * date/time format and time zone, and a description; and the reading of its values on one scale.
 *
 * <p>{@link #measure} puts a value on the field's ordered scale: numbers as they are, dates as days
 * since 1970-01-01, timestamps as seconds since the epoch, times as seconds since midnight,
 * booleans as 1 or 0. Range bounds, min/max, means and percentiles of profiles are on that scale.
 *
 * <p>Thread safety: immutable and safe to share.
 */
public final class FieldSpec {

  private final String name;
  private final LogicalType type;
  private final boolean required;
  private final @Nullable String format;
  private final @Nullable DateTimeFormatter formatter;
  private final ZoneId zone;
  private final String description;

  /**
   * Creates a field.
   *
   * @param format a {@link DateTimeFormatter} pattern for dates, timestamps and times, or null for
   *     ISO-8601
   * @param zone the zone of timestamps written without an offset
   * @throws IllegalArgumentException when the name is empty or the format is not a valid pattern
   */
  public FieldSpec(String name, LogicalType type, boolean required, @Nullable String format, ZoneId zone, String description) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.required = required;
    this.zone = Objects.requireNonNull(zone, "zone");
    this.description = Objects.requireNonNull(description, "description");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("field name must not be empty");
    }
    boolean temporal = type == LogicalType.DATE || type == LogicalType.TIMESTAMP || type == LogicalType.TIME;
    this.format = temporal ? format : null;
    this.formatter = temporal && format != null ? DateTimeFormatter.ofPattern(format, Locale.ROOT) : null;
  }

  /** Creates a field with no format, UTC and no description. */
  public static FieldSpec of(String name, LogicalType type, boolean required) {
    return new FieldSpec(name, type, required, null, ZoneOffset.UTC, "");
  }

  /** Returns the field's name. */
  public String name() {
    return name;
  }

  /** Returns the field's logical type. */
  public LogicalType type() {
    return type;
  }

  /** Returns whether the field must have a non-blank value. */
  public boolean required() {
    return required;
  }

  /** Returns the date/time format pattern, or {@code null} for ISO-8601. */
  public @Nullable String format() {
    return format;
  }

  /** Returns the zone of timestamps without an offset. */
  public ZoneId zone() {
    return zone;
  }

  /** Returns the description, or {@code ""}. */
  public String description() {
    return description;
  }

  /**
   * Returns the value on the field's ordered scale (see the class comment), or {@code NaN} when
   * the value is missing, not of the field's type, or the type has no order.
   */
  public double measure(@Nullable Object raw) {
    if (raw == null) {
      return Double.NaN;
    }
    switch (type) {
      case INTEGER:
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
          return ((Number) raw).doubleValue();
        }
        if (raw instanceof Number number) {
          double d = number.doubleValue();
          return d == Math.rint(d) && !Double.isInfinite(d) ? d : Double.NaN;
        }
        return Measures.parseInteger(raw.toString().trim());
      case NUMBER:
        if (raw instanceof Number number) {
          double d = number.doubleValue();
          return Double.isInfinite(d) ? Double.NaN : d;
        }
        return Measures.parseNumber(raw.toString().trim());
      case BOOLEAN: {
        Boolean b = Values.asBoolean(raw);
        return b == null ? Double.NaN : b ? 1 : 0;
      }
      case DATE:
        return measureDate(raw);
      case TIMESTAMP:
        return measureTimestamp(raw);
      case TIME:
        return measureTime(raw);
      default:
        return Double.NaN;
    }
  }

  /** Returns whether a non-blank value reads as the field's logical type (and format, if any). */
  public boolean accepts(Object raw) {
    switch (type) {
      case STRING:
      case ARRAY:
      case OBJECT:
        return true;
      case EMAIL:
        return raw instanceof CharSequence && TextChecks.isEmail(raw.toString().trim());
      case PHONE:
        return TextChecks.isPhone(raw.toString().trim());
      case COUNTRY:
        return raw instanceof CharSequence && TextChecks.isCountry(raw.toString());
      case URL:
        return raw instanceof CharSequence && TextChecks.isUrl(raw.toString().trim());
      case DOMAIN:
        return raw instanceof CharSequence && TextChecks.isDomain(raw.toString().trim());
      default:
        return !Double.isNaN(measure(raw));
    }
  }

  private double measureDate(Object raw) {
    if (raw instanceof LocalDate localDate) {
      return localDate.toEpochDay();
    }
    if (!(raw instanceof CharSequence)) {
      LocalDate d = Values.asDate(raw);
      return d == null ? Double.NaN : d.toEpochDay();
    }
    String s = raw.toString().trim();
    if (formatter != null) {
      try {
        return LocalDate.parse(s, formatter).toEpochDay();
      } catch (DateTimeException e) {
        return Double.NaN;
      }
    }
    return Measures.parseIsoDate(s);
  }

  private double measureTimestamp(Object raw) {
    if (!(raw instanceof CharSequence)) {
      Instant i = Values.asInstant(raw);
      return i == null ? Double.NaN : seconds(i);
    }
    String s = raw.toString().trim();
    if (formatter != null) {
      try {
        TemporalAccessor t = formatter.parseBest(s, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
        if (t instanceof ZonedDateTime zonedDateTime) {
          return seconds(zonedDateTime.toInstant());
        }
        if (t instanceof OffsetDateTime offsetDateTime) {
          return seconds(offsetDateTime.toInstant());
        }
        if (t instanceof LocalDateTime localDateTime) {
          return seconds(localDateTime.atZone(zone).toInstant());
        }
        return seconds(((LocalDate) t).atStartOfDay(zone).toInstant());
      } catch (DateTimeException e) {
        return Double.NaN;
      }
    }
    if (zone.equals(ZoneOffset.UTC)) {
      double fast = Measures.parseIsoTimestamp(s);
      if (!Double.isNaN(fast)) {
        return fast;
      }
      Instant i = Values.asInstant(s);
      return i == null ? Double.NaN : seconds(i);
    }
    try {
      return seconds(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeException e) {
      try {
        return seconds(LocalDateTime.parse(s.replace(' ', 'T')).atZone(zone).toInstant());
      } catch (DateTimeException e2) {
        try {
          return seconds(LocalDate.parse(s).atStartOfDay(zone).toInstant());
        } catch (DateTimeException e3) {
          return Double.NaN;
        }
      }
    }
  }

  private double measureTime(Object raw) {
    if (raw instanceof LocalTime localTime) {
      return localTime.toSecondOfDay();
    }
    String s = raw.toString().trim();
    try {
      return (formatter != null ? LocalTime.parse(s, formatter) : LocalTime.parse(s)).toSecondOfDay();
    } catch (DateTimeException e) {
      return Double.NaN;
    }
  }

  private static double seconds(Instant i) {
    return i.getEpochSecond() + i.getNano() / 1e9;
  }

  @Override
  public String toString() {
    return name + ":" + type.label() + (required ? " required" : "");
  }
}
