package dev.mops.core.condition;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A condition of the mops language: an immutable tree of records that says which records a rule
 * applies to.
 *
 * <p>Build conditions with {@link Conditions}, which simplifies as it builds, or read them from
 * YAML with {@link ConditionYaml}; bind one to a schema with {@link CompiledCondition#compile}.
 * Records constructed directly are validated but not simplified. Two conditions are equal when
 * their trees are equal.
 *
 * <p>Semantics, for every field comparison: a missing or null field makes the comparison false
 * (so {@code not eq} is true for it); values are converted as by {@link dev.mops.core.record.Values}
 * (text {@code "42"} compares as the number 42 against a number literal); a value that cannot be
 * converted makes the comparison false, and its explanation says why.
 *
 * <p>Thread safety: every implementation is an immutable record, safe to share.
 */
public sealed interface Condition
    permits Condition.All, Condition.Any, Condition.Not, Condition.Constant, Condition.Eq,
        Condition.In, Condition.Contains, Condition.StartsWith, Condition.EndsWith,
        Condition.Matches, Condition.Compare, Condition.Between, Condition.Exists,
        Condition.IsEmpty, Condition.WithinLast, Condition.OlderThan, Condition.ListContains {

  /** The longest regular expression {@link Matches} accepts, in characters. */
  int MAX_REGEX_LENGTH = 1000;

  /** The largest compiled RE2/J program {@link Matches} accepts (a measure of regex size). */
  int MAX_REGEX_PROGRAM_SIZE = 10_000;

  /** The most values an {@link In} or {@link ListContains} may list. */
  int MAX_VALUES = 100_000;

  /** Calls the visitor method for this kind of condition. */
  <R> R accept(Visitor<R> visitor);

  /**
   * A visitor over the closed set of conditions.
   *
   * @param <R> the result type
   */
  interface Visitor<R> {
    /** Visits {@link All}. */
    R visitAll(All c);

    /** Visits {@link Any}. */
    R visitAny(Any c);

    /** Visits {@link Not}. */
    R visitNot(Not c);

    /** Visits {@link Constant}. */
    R visitConstant(Constant c);

    /** Visits {@link Eq}. */
    R visitEq(Eq c);

    /** Visits {@link In}. */
    R visitIn(In c);

    /** Visits {@link Contains}. */
    R visitContains(Contains c);

    /** Visits {@link StartsWith}. */
    R visitStartsWith(StartsWith c);

    /** Visits {@link EndsWith}. */
    R visitEndsWith(EndsWith c);

    /** Visits {@link Matches}. */
    R visitMatches(Matches c);

    /** Visits {@link Compare}. */
    R visitCompare(Compare c);

    /** Visits {@link Between}. */
    R visitBetween(Between c);

    /** Visits {@link Exists}. */
    R visitExists(Exists c);

    /** Visits {@link IsEmpty}. */
    R visitIsEmpty(IsEmpty c);

    /** Visits {@link WithinLast}. */
    R visitWithinLast(WithinLast c);

    /** Visits {@link OlderThan}. */
    R visitOlderThan(OlderThan c);

    /** Visits {@link ListContains}. */
    R visitListContains(ListContains c);
  }

  private static String checkField(String field) {
    Objects.requireNonNull(field, "field");
    if (field.isBlank()) {
      throw new IllegalArgumentException("field name must not be blank");
    }
    return field;
  }

  /**
   * True when every condition is true (true when there are none).
   *
   * @param conditions the conditions, in evaluation order
   */
  record All(List<Condition> conditions) implements Condition {
    /** Copies the list. */
    public All {
      conditions = List.copyOf(conditions);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAll(this);
    }
  }

  /**
   * True when at least one condition is true (false when there are none).
   *
   * @param conditions the conditions, in evaluation order
   */
  record Any(List<Condition> conditions) implements Condition {
    /** Copies the list. */
    public Any {
      conditions = List.copyOf(conditions);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAny(this);
    }
  }

  /**
   * True when the inner condition is false.
   *
   * @param condition the negated condition
   */
  record Not(Condition condition) implements Condition {
    /** Validates the component. */
    public Not {
      Objects.requireNonNull(condition, "condition");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitNot(this);
    }
  }

  /**
   * Always true or always false.
   *
   * @param value the constant answer
   */
  record Constant(boolean value) implements Condition {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitConstant(this);
    }
  }

  /**
   * True when the field equals the value: text to text (optionally ignoring case), numbers by
   * numeric value ({@code 5 == 5.0}), booleans by truth.
   *
   * @param field the field name
   * @param value a String, Long, Double, BigDecimal or Boolean (other integer types are widened)
   * @param ignoreCase whether text compares without regard to case
   */
  record Eq(String field, Object value, boolean ignoreCase) implements Condition {
    /** Validates and normalizes the components. */
    public Eq {
      checkField(field);
      value = Literals.forEquality(Objects.requireNonNull(value, "value"));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitEq(this);
    }
  }

  /**
   * True when the field equals one of the values (as {@link Eq} compares).
   *
   * @param field the field name
   * @param values the values, at least one and at most {@link #MAX_VALUES}
   * @param ignoreCase whether text compares without regard to case
   */
  record In(String field, List<Object> values, boolean ignoreCase) implements Condition {
    /** Validates and normalizes the components. */
    public In {
      checkField(field);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("'in' on '" + field + "' needs at least one value");
      }
      if (values.size() > MAX_VALUES) {
        throw new IllegalArgumentException(
            "'in' on '" + field + "' lists " + values.size() + " values, over the limit of " + MAX_VALUES);
      }
      values = values.stream().map(v -> Literals.forEquality(Objects.requireNonNull(v, "value"))).toList();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitIn(this);
    }
  }

  /**
   * True when the field's text contains the given text.
   *
   * @param field the field name
   * @param text the text looked for (not empty)
   * @param ignoreCase whether to ignore case
   */
  record Contains(String field, String text, boolean ignoreCase) implements Condition {
    /** Validates the components. */
    public Contains {
      checkField(field);
      if (text.isEmpty()) {
        throw new IllegalArgumentException("'contains' on '" + field + "' needs non-empty text");
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitContains(this);
    }
  }

  /**
   * True when the field's text starts with the given text.
   *
   * @param field the field name
   * @param text the prefix (not empty)
   * @param ignoreCase whether to ignore case
   */
  record StartsWith(String field, String text, boolean ignoreCase) implements Condition {
    /** Validates the components. */
    public StartsWith {
      checkField(field);
      if (text.isEmpty()) {
        throw new IllegalArgumentException("'starts_with' on '" + field + "' needs non-empty text");
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitStartsWith(this);
    }
  }

  /**
   * True when the field's text ends with the given text.
   *
   * @param field the field name
   * @param text the suffix (not empty)
   * @param ignoreCase whether to ignore case
   */
  record EndsWith(String field, String text, boolean ignoreCase) implements Condition {
    /** Validates the components. */
    public EndsWith {
      checkField(field);
      if (text.isEmpty()) {
        throw new IllegalArgumentException("'ends_with' on '" + field + "' needs non-empty text");
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitEndsWith(this);
    }
  }

  /**
   * True when the RE2/J regular expression finds a match anywhere in the field's text (anchor it
   * with {@code ^...$} to match the whole value; {@code (?i)} ignores case). RE2/J runs in linear
   * time: no catastrophic backtracking, and no back-references.
   *
   * @param field the field name
   * @param pattern the regular expression, at most {@link #MAX_REGEX_LENGTH} characters and {@link
   *     #MAX_REGEX_PROGRAM_SIZE} compiled instructions
   */
  record Matches(String field, String pattern) implements Condition {
    /** Validates the components, compiling the expression once to check it. */
    public Matches {
      checkField(field);
      compilePattern(field, pattern);
    }

    /** Compiles a pattern under the documented limits, with a message naming the field. */
    static Pattern compilePattern(String field, String pattern) {
      Objects.requireNonNull(pattern, "pattern");
      if (pattern.length() > MAX_REGEX_LENGTH) {
        throw new IllegalArgumentException(
            "regex on '" + field + "' has " + pattern.length() + " characters, over the limit of "
                + MAX_REGEX_LENGTH);
      }
      Pattern p;
      try {
        p = Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("invalid regex on '" + field + "': " + e.getMessage(), e);
      }
      if (p.programSize() > MAX_REGEX_PROGRAM_SIZE) {
        throw new IllegalArgumentException(
            "regex on '" + field + "' compiles to " + p.programSize()
                + " instructions, over the limit of " + MAX_REGEX_PROGRAM_SIZE);
      }
      return p;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitMatches(this);
    }
  }

  /**
   * True when the field compares to the value as the operator says: numbers numerically, instants
   * and dates in time, other text lexicographically. Text literals that read as a number, an ISO
   * date or an ISO timestamp are stored as one.
   *
   * @param field the field name
   * @param op the operator
   * @param value a number, {@link java.time.Instant}, {@link java.time.LocalDate} or String
   */
  record Compare(String field, CompareOp op, Object value) implements Condition {
    /** Validates and normalizes the components. */
    public Compare {
      checkField(field);
      Objects.requireNonNull(op, "op");
      value = Literals.forOrdering(Objects.requireNonNull(value, "value"));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCompare(this);
    }
  }

  /**
   * True when {@code low <= field <= high}, compared as {@link Compare} does.
   *
   * @param field the field name
   * @param low the inclusive lower bound
   * @param high the inclusive upper bound, of the same kind as {@code low} and not below it
   */
  record Between(String field, Object low, Object high) implements Condition {
    /** Validates and normalizes the components. */
    public Between {
      checkField(field);
      low = Literals.forOrdering(Objects.requireNonNull(low, "low"));
      high = Literals.forOrdering(Objects.requireNonNull(high, "high"));
      String lk = Literals.kind(low);
      String hk = Literals.kind(high);
      if (!lk.equals(hk)) {
        throw new IllegalArgumentException(
            "'between' on '" + field + "' mixes a " + lk + " and a " + hk + " bound");
      }
      if (Ordering.compareLiterals(low, high) > 0) {
        throw new IllegalArgumentException(
            "'between' on '" + field + "': low " + Literals.show(low) + " is above high " + Literals.show(high));
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitBetween(this);
    }
  }

  /**
   * True when the field is present with a non-null value (an empty string exists).
   *
   * @param field the field name
   */
  record Exists(String field) implements Condition {
    /** Validates the component. */
    public Exists {
      checkField(field);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitExists(this);
    }
  }

  /**
   * True when the field is missing, null, blank text or an empty list.
   *
   * @param field the field name
   */
  record IsEmpty(String field) implements Condition {
    /** Validates the component. */
    public IsEmpty {
      checkField(field);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitIsEmpty(this);
    }
  }

  /**
   * True when the field's instant lies within the duration before {@code now}: {@code now -
   * duration <= t <= now}. Instants after {@code now} are not within the last anything.
   *
   * @param field the field name
   * @param duration a positive duration
   */
  record WithinLast(String field, Duration duration) implements Condition {
    /** Validates the components. */
    public WithinLast {
      checkField(field);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("'within_last' on '" + field + "' needs a positive duration, got " + duration);
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitWithinLast(this);
    }
  }

  /**
   * True when the field's instant lies more than the duration before {@code now}: {@code t < now -
   * duration}.
   *
   * @param field the field name
   * @param duration a positive duration
   */
  record OlderThan(String field, Duration duration) implements Condition {
    /** Validates the components. */
    public OlderThan {
      checkField(field);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("'older_than' on '" + field + "' needs a positive duration, got " + duration);
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitOlderThan(this);
    }
  }

  /**
   * True when the field's list of strings contains any (or all) of the values. A text field is read
   * as a list split on {@code ;} (or {@code |}).
   *
   * @param field the field name
   * @param values the values looked for, at least one
   * @param all whether every value must be present ({@code list_contains_all}) rather than one
   * @param ignoreCase whether to ignore case
   */
  record ListContains(String field, List<String> values, boolean all, boolean ignoreCase)
      implements Condition {
    /** Validates the components. */
    public ListContains {
      checkField(field);
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("list condition on '" + field + "' needs at least one value");
      }
      if (values.size() > MAX_VALUES) {
        throw new IllegalArgumentException(
            "list condition on '" + field + "' lists " + values.size() + " values, over the limit of " + MAX_VALUES);
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitListContains(this);
    }
  }
}
