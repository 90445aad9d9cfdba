package dev.mops.cli;

import java.util.regex.Pattern;

/**
 * The CSV (formula) injection guard of {@code mops}'s CSV outputs, after OWASP's "CSV Injection"
 * guidance: a text value that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return is what a spreadsheet runs as a formula, so it is written with a single quote
 * in front ({@code =HYPERLINK(...)} becomes {@code '=HYPERLINK(...)}), which spreadsheets show as
 * text.
 *
 * <p>A value that is wholly a plain number ({@code -5}, {@code +14155550101}, {@code -0.25},
 * {@code 1e-3}: an optional sign, digits with an optional decimal point, an optional exponent) is
 * left as it is: a spreadsheet reads it as a number, not a formula, and prefixing it would corrupt
 * legitimate negative amounts and E.164 phone numbers. Anything else that begins with those
 * characters, including {@code -1,234}, {@code +1 415 555 0101} and {@code -2+3}, is prefixed.
 * Quoting of commas, quotes and line breaks (RFC 4180) is done by the CSV writer in every case.
 *
 * <p>Thread safety: stateless.
 */
final class CsvInjectionGuard {

  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

  private CsvInjectionGuard() {}

  /** Returns {@code value}, prefixed with a single quote when a spreadsheet would run it as a formula. */
  static String neutralise(String value) {
    if (value.isEmpty()) {
      return value;
    }
    char c = value.charAt(0);
    boolean trigger = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    if (!trigger || PLAIN_NUMBER.matcher(value).matches()) {
      return value;
    }
    return "'" + value;
  }
}
