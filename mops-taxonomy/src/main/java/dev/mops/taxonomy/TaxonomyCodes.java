package dev.mops.taxonomy;

/**
 * The stable finding codes of this module, with what each means; the guide lists them too.
 *
 * <p>Thread safety: constants only.
 */
public final class TaxonomyCodes {

  private TaxonomyCodes() {}

  // ---- URL parsing (UtmParser) ----

  /** The URL is null, empty or blank. Error. */
  public static final String EMPTY_URL = "EMPTY_URL";
  /** The URL is longer than the parser's limit; nothing was extracted. Error. */
  public static final String URL_TOO_LONG = "URL_TOO_LONG";
  /** The query has more pairs than the parser's limit; the rest were ignored. Error. */
  public static final String TOO_MANY_PARAMETERS = "TOO_MANY_PARAMETERS";
  /** The URL has no scheme ({@code example.com/?utm_source=x}). Info. */
  public static final String MISSING_SCHEME = "MISSING_SCHEME";
  /** Tabs, newlines or control characters were removed, as browsers do. Warning. */
  public static final String CONTROL_CHARACTER = "CONTROL_CHARACTER";
  /** A raw space in the URL or in a tracked value; browsers encode it as {@code %20}. Warning. */
  public static final String RAW_SPACE = "RAW_SPACE";
  /** A tracked parameter appears more than once; the first is used. Warning. */
  public static final String DUPLICATE_PARAMETER = "DUPLICATE_PARAMETER";
  /** A tracked parameter name in the wrong case ({@code UTM_Source}). Warning. */
  public static final String PARAMETER_NAME_CASE = "PARAMETER_NAME_CASE";
  /** A tracked parameter name with spaces around it ({@code utm_source }). Warning. */
  public static final String PARAMETER_NAME_WHITESPACE = "PARAMETER_NAME_WHITESPACE";
  /** A {@code utm_} parameter Google Analytics does not read ({@code utm_adgroup}). Info. */
  public static final String UNKNOWN_UTM_PARAMETER = "UNKNOWN_UTM_PARAMETER";
  /** A tracked parameter with an empty value; it is treated as absent. Warning. */
  public static final String EMPTY_VALUE = "EMPTY_VALUE";
  /** A value over the length limit; it was cut. Error (parser) or taxonomy severity. */
  public static final String VALUE_TOO_LONG = "VALUE_TOO_LONG";
  /** A {@code %} not followed by two hex digits ({@code 50%off}); kept literally. Warning. */
  public static final String BAD_PERCENT_ESCAPE = "BAD_PERCENT_ESCAPE";
  /** Escapes that are not valid UTF-8; replaced by U+FFFD. Warning. */
  public static final String INVALID_UTF8 = "INVALID_UTF8";
  /** A value still percent-encoded after decoding ({@code %2520}). Warning. */
  public static final String DOUBLE_ENCODED = "DOUBLE_ENCODED";
  /** An ad-platform or email macro left unfilled ({@code {campaign}}, {@code [source]}). Error. */
  public static final String UNFILLED_MACRO = "UNFILLED_MACRO";
  /** A {@code +} in a tracked value, read as a space; some tools keep it as a plus. Info. */
  public static final String PLUS_AS_SPACE = "PLUS_AS_SPACE";
  /** A tracked parameter after {@code #}, which browsers do not send. Warning. */
  public static final String PARAMETER_IN_FRAGMENT = "PARAMETER_IN_FRAGMENT";
  /** A second {@code ?} hides a tracked parameter inside another value. Warning. */
  public static final String SECOND_QUESTION_MARK = "SECOND_QUESTION_MARK";

  // ---- taxonomy lint (TaxonomyLinter) ----

  /** A parameter the taxonomy requires is missing. Error. */
  public static final String MISSING_PARAMETER = "MISSING_PARAMETER";
  /** A parameter the taxonomy requires for this medium is missing. Error. */
  public static final String MISSING_FOR_MEDIUM = "MISSING_FOR_MEDIUM";
  /** A value outside the allowed list; a near value is suggested. Error. */
  public static final String VALUE_NOT_ALLOWED = "VALUE_NOT_ALLOWED";
  /** A known alias of an allowed value ({@code fb} for {@code facebook}). Warning, fixable. */
  public static final String ALIAS = "ALIAS";
  /** A value in the wrong case ({@code Facebook}). Warning, fixable. */
  public static final String WRONG_CASE = "WRONG_CASE";
  /** A space where the taxonomy wants a replacement character. Warning, fixable. */
  public static final String SPACE_IN_VALUE = "SPACE_IN_VALUE";
  /** A value with characters outside the allowed set. Error. */
  public static final String INVALID_CHARACTERS = "INVALID_CHARACTERS";
  /** A value that does not match the parameter's pattern. Error. */
  public static final String PATTERN_MISMATCH = "PATTERN_MISMATCH";
  /** A {@code utm_} parameter the taxonomy does not declare. Taxonomy severity. */
  public static final String UNDECLARED_PARAMETER = "UNDECLARED_PARAMETER";
  /** A source the taxonomy does not allow for this medium. Error. */
  public static final String SOURCE_NOT_ALLOWED_FOR_MEDIUM = "SOURCE_NOT_ALLOWED_FOR_MEDIUM";

  // ---- naming conventions (NamingConvention) ----

  /** The name is empty. Error. */
  public static final String EMPTY_NAME = "EMPTY_NAME";
  /** The name has fewer parts than the template needs. Error. */
  public static final String MISSING_TOKEN = "MISSING_TOKEN";
  /** The name does not have the template's fixed text (a prefix or suffix). Error. */
  public static final String TEMPLATE_MISMATCH = "TEMPLATE_MISMATCH";
  /** A token is empty. Error. */
  public static final String EMPTY_TOKEN = "EMPTY_TOKEN";
  /** A token is not a valid date in the token's format. Error. */
  public static final String INVALID_DATE = "INVALID_DATE";
  /** A token is shorter than its minimum length. Error. */
  public static final String VALUE_TOO_SHORT = "VALUE_TOO_SHORT";
  /** No version of the convention is in effect on the date asked for. Error. */
  public static final String NO_VERSION_IN_EFFECT = "NO_VERSION_IN_EFFECT";
  /** The name follows an older version of the convention than the one in effect. Info. */
  public static final String OLDER_VERSION = "OLDER_VERSION";
}
