package dev.mops.planning;

/**
 * The stable finding codes of mops-planning, with what each means; the guide lists them too.
 *
 * <p>Thread safety: constants only.
 */
public final class PlanningCodes {

  private PlanningCodes() {}

  // ---- record fields (every check) ----

  /** A required field is missing or empty. Error; the record takes no further part. */
  public static final String MISSING_FIELD = "MISSING_FIELD";
  /** A date field is not a date ({@code yyyy-MM-dd}, {@code yyyyMMdd} or ISO-8601). Error. */
  public static final String BAD_DATE = "BAD_DATE";
  /** A number field is not a number, or is negative where that makes no sense. Error. */
  public static final String BAD_NUMBER = "BAD_NUMBER";
  /** An end date before its start date. Error. */
  public static final String END_BEFORE_START = "END_BEFORE_START";
  /** Two records share an id; the later one is checked under the same id. Warning. */
  public static final String DUPLICATE_ID = "DUPLICATE_ID";
  /** A value outside the list the configuration allows (a channel, a level). Error. */
  public static final String UNKNOWN_VALUE = "UNKNOWN_VALUE";

  // ---- campaign calendar ----

  /** Two campaigns reach the same (or an overlapping) audience in one channel on the same days. */
  public static final String AUDIENCE_OVERLAP = "AUDIENCE_OVERLAP";
  /** An audience gets more sends in a week than its frequency cap allows. */
  public static final String FREQUENCY_CAP = "FREQUENCY_CAP";
  /** A campaign launches on a holiday of its region. */
  public static final String HOLIDAY = "HOLIDAY";
  /** A campaign runs during a quiet period (a freeze, a blackout) for its channel and region. */
  public static final String QUIET_PERIOD = "QUIET_PERIOD";

  // ---- capacity ----

  /** A person's assigned hours in a week exceed their available hours times the threshold. */
  public static final String OVER_ALLOCATED = "OVER_ALLOCATED";
  /** A work item is assigned to someone who is not in the people list. Error. */
  public static final String UNKNOWN_PERSON = "UNKNOWN_PERSON";
  /** A work item's dates hold no working day of its assignee; its hours land on its calendar days. Warning. */
  public static final String NO_WORKING_DAYS = "NO_WORKING_DAYS";

  // ---- budget ----

  /** Spend to date already exceeds the budget. Error. */
  public static final String OVERSPENT = "OVERSPENT";
  /** The forecast at period end exceeds the budget by more than the threshold. Warning. */
  public static final String OVERRUN_FORECAST = "OVERRUN_FORECAST";
  /** The forecast at period end leaves more than the threshold unspent: money to reallocate. Info. */
  public static final String UNDERSPEND = "UNDERSPEND";
  /** A spend entry matches no budget line (program and period). Warning. */
  public static final String UNBUDGETED_SPEND = "UNBUDGETED_SPEND";
  /** A spend entry dated after the as-of day; it is not counted. Info. */
  public static final String FUTURE_SPEND = "FUTURE_SPEND";
  /** Two budget lines of one program have overlapping periods; spend goes to the first. Warning. */
  public static final String OVERLAPPING_BUDGETS = "OVERLAPPING_BUDGETS";

  // ---- intake ----

  /** No release-train window within the search horizon for a request. Warning. */
  public static final String NO_WINDOW = "NO_WINDOW";

  // ---- pre-flight link QA ----

  /** A link uses {@code http:}, not {@code https:}. Error. */
  public static final String INSECURE_LINK = "INSECURE_LINK";
  /** A link with an unfilled merge tag ({@code {{first_name}}}, {@code *|FNAME|*}, {@code %%Name%%}). Error. */
  public static final String UNFILLED_MERGE_TAG = "UNFILLED_MERGE_TAG";
  /** A link that goes nowhere: empty, {@code #} alone or {@code javascript:}. Error. */
  public static final String EMPTY_LINK = "EMPTY_LINK";
  /** A link without a scheme and host, which a mail client cannot resolve. Error. */
  public static final String RELATIVE_LINK = "RELATIVE_LINK";
  /** A link that is not a valid URL (spaces, a broken host). Error. */
  public static final String MALFORMED_LINK = "MALFORMED_LINK";
  /** A query parameter repeated in one link (tracked UTM parameters are the URL lint's). Warning. */
  public static final String DUPLICATE_QUERY_PARAMETER = "DUPLICATE_QUERY_PARAMETER";
  /** The opt-in live check got an HTTP status of 400 or more. Error. */
  public static final String BROKEN_LINK = "BROKEN_LINK";
  /** The opt-in live check could not reach the link (refused, timed out, too many redirects). Error. */
  public static final String UNREACHABLE_LINK = "UNREACHABLE_LINK";
  /** More links than the documented limit; the rest were not checked. Error. */
  public static final String TOO_MANY_LINKS = "TOO_MANY_LINKS";
}
