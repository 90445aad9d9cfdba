package dev.mops.quality.contract;

import java.util.Locale;

/**
 * The logical type of a contract field: what its values mean, independently of how a file stores
 * them.
 *
 * <p>Values arrive as text (CSV) or as Java values (JSON, maps); each type says which values it
 * accepts. {@link #ARRAY} and {@link #OBJECT} come from ODCS and are accepted as they are.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum LogicalType {
  /** Any text. */
  STRING,
  /** A whole number: optional sign and digits, or a Java integral number. */
  INTEGER,
  /** A decimal number ({@code 12}, {@code -3.5}, {@code 1e6}). */
  NUMBER,
  /** {@code true}/{@code false}, {@code yes}/{@code no}, {@code y}/{@code n}, {@code 1}/{@code 0}. */
  BOOLEAN,
  /** A calendar date: text {@code yyyy-MM-dd} unless the field gives a format (a timestamp is not a date). */
  DATE,
  /** A point in time, ISO-8601 (read as UTC without an offset) unless the field gives a format. */
  TIMESTAMP,
  /** A time of day, {@code HH:mm[:ss]} unless the field gives a format. */
  TIME,
  /** An email address: one {@code @}, a plausible local part and a domain name. */
  EMAIL,
  /** A phone number: 7 to 15 digits (E.164), with optional {@code +}, spaces, dots, dashes, parentheses and extension. */
  PHONE,
  /** A country: an ISO 3166-1 alpha-2 or alpha-3 code, or its English name. */
  COUNTRY,
  /** An absolute {@code http}/{@code https} URL with a valid host. */
  URL,
  /** An internet domain name such as {@code example.co.uk}. */
  DOMAIN,
  /** A list (ODCS {@code array}); not checked further. */
  ARRAY,
  /** A nested object (ODCS {@code object}); not checked further. */
  OBJECT;

  /** Returns the lower-case name used in contracts. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns whether values of this type have an order that range bounds apply to. */
  public boolean isOrdered() {
    return this == INTEGER || this == NUMBER || this == DATE || this == TIMESTAMP || this == TIME;
  }

  /** Returns whether values of this type are compared as text (length, pattern, allowed values). */
  public boolean isText() {
    return this == STRING || this == EMAIL || this == PHONE || this == COUNTRY || this == URL || this == DOMAIN;
  }

  /**
   * Parses a type name case-insensitively; accepts the ODCS spellings and a few aliases ({@code
   * int}, {@code long}, {@code double}, {@code decimal}, {@code bool}, {@code datetime}, {@code
   * text}).
   *
   * @throws IllegalArgumentException naming the value and the known types
   */
  public static LogicalType parse(String name) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "string": case "text": case "varchar": return STRING;
      case "integer": case "int": case "long": case "bigint": return INTEGER;
      case "number": case "double": case "float": case "decimal": case "numeric": return NUMBER;
      case "boolean": case "bool": return BOOLEAN;
      case "date": return DATE;
      case "timestamp": case "datetime": case "instant": return TIMESTAMP;
      case "time": return TIME;
      case "email": return EMAIL;
      case "phone": return PHONE;
      case "country": return COUNTRY;
      case "url": case "uri": return URL;
      case "domain": return DOMAIN;
      case "array": case "list": return ARRAY;
      case "object": case "map": return OBJECT;
      default:
        throw new IllegalArgumentException(
            "unknown type '" + name + "', expected one of string, integer, number, boolean, date, "
                + "timestamp, time, email, phone, country, url, domain, array, object");
    }
  }
}
