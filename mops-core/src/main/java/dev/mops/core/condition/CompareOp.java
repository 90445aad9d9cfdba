package dev.mops.core.condition;

/**
 * An ordering comparison: greater than, at least, less than, at most.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum CompareOp {
  /** Greater than ({@code gt}; {@code after} for times). */
  GT("gt"),
  /** Greater than or equal ({@code gte}). */
  GTE("gte"),
  /** Less than ({@code lt}; {@code before} for times). */
  LT("lt"),
  /** Less than or equal ({@code lte}). */
  LTE("lte");

  private final String keyword;

  CompareOp(String keyword) {
    this.keyword = keyword;
  }

  /** Returns the YAML keyword of the operator. */
  public String keyword() {
    return keyword;
  }

  /** Returns whether a comparison result ({@code value.compareTo(literal)}) satisfies the operator. */
  public boolean accepts(int comparison) {
    switch (this) {
      case GT:
        return comparison > 0;
      case GTE:
        return comparison >= 0;
      case LT:
        return comparison < 0;
      case LTE:
        return comparison <= 0;
      default:
        throw new AssertionError(this);
    }
  }
}
