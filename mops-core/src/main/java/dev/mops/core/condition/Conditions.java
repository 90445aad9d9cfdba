package dev.mops.core.condition;

import dev.mops.core.condition.Condition.All;
import dev.mops.core.condition.Condition.Any;
import dev.mops.core.condition.Condition.Constant;
import dev.mops.core.condition.Condition.Not;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Factories of {@link Condition}s that simplify as they build.
 *
 * <p>{@code all} and {@code any} flatten nested groups of their own kind, drop duplicate children
 * and neutral constants, collapse to a constant when a child decides the group ({@code false} in
 * {@code all}, {@code true} in {@code any}), and return a lone child as itself; {@code not} removes
 * a double negation and negates constants. Simplification never changes a condition's answer.
 *
 * <pre>{@code
 * Condition mql = all(
 *     in("country", "US", "CA"),
 *     gte("employees", 200),
 *     not(endsWith("email", "@gmail.com", true)));
 * }</pre>
 *
 * <p>Thread safety: stateless, safe to call from any thread.
 */
public final class Conditions {

  private static final Constant ALWAYS = new Constant(true);
  private static final Constant NEVER = new Constant(false);

  private Conditions() {}

  /** Returns the condition that is always true. */
  public static Condition always() {
    return ALWAYS;
  }

  /** Returns the condition that is always false. */
  public static Condition never() {
    return NEVER;
  }

  /** Returns a condition true when every condition is true, simplified. */
  public static Condition all(Condition... conditions) {
    return all(Arrays.asList(conditions));
  }

  /** Returns a condition true when every condition is true, simplified. */
  public static Condition all(Iterable<? extends Condition> conditions) {
    Set<Condition> kept = new LinkedHashSet<>();
    for (Condition c : conditions) {
      if (c instanceof All all) {
        kept.addAll(all.conditions());
      } else if (c instanceof Constant constant) {
        if (!constant.value()) {
          return NEVER;
        }
      } else {
        kept.add(c);
      }
    }
    if (kept.isEmpty()) {
      return ALWAYS;
    }
    if (kept.size() == 1) {
      return kept.iterator().next();
    }
    return new All(new ArrayList<>(kept));
  }

  /** Returns a condition true when any condition is true, simplified. */
  public static Condition any(Condition... conditions) {
    return any(Arrays.asList(conditions));
  }

  /** Returns a condition true when any condition is true, simplified. */
  public static Condition any(Iterable<? extends Condition> conditions) {
    Set<Condition> kept = new LinkedHashSet<>();
    for (Condition c : conditions) {
      if (c instanceof Any any) {
        kept.addAll(any.conditions());
      } else if (c instanceof Constant constant) {
        if (constant.value()) {
          return ALWAYS;
        }
      } else {
        kept.add(c);
      }
    }
    if (kept.isEmpty()) {
      return NEVER;
    }
    if (kept.size() == 1) {
      return kept.iterator().next();
    }
    return new Any(new ArrayList<>(kept));
  }

  /** Returns the negation of {@code condition}, simplified. */
  public static Condition not(Condition condition) {
    if (condition instanceof Not not) {
      return not.condition();
    }
    if (condition instanceof Constant constant) {
      return constant.value() ? NEVER : ALWAYS;
    }
    return new Not(condition);
  }

  /**
   * Returns a simplified copy of {@code condition}: every {@code all}, {@code any} and {@code not}
   * in it rebuilt through these factories.
   */
  public static Condition simplify(Condition condition) {
    if (condition instanceof All all) {
      List<Condition> children = new ArrayList<>();
      for (Condition c : all.conditions()) {
        children.add(simplify(c));
      }
      return all(children);
    }
    if (condition instanceof Any any) {
      List<Condition> children = new ArrayList<>();
      for (Condition c : any.conditions()) {
        children.add(simplify(c));
      }
      return any(children);
    }
    if (condition instanceof Not not) {
      return not(simplify(not.condition()));
    }
    return condition;
  }

  /** Returns {@code field == value} (text compared exactly). */
  public static Condition eq(String field, Object value) {
    return new Condition.Eq(field, value, false);
  }

  /** Returns {@code field == value}, text compared without regard to case. */
  public static Condition eqIgnoreCase(String field, String value) {
    return new Condition.Eq(field, value, true);
  }

  /** Returns {@code field != value}, that is {@code not(eq(field, value))}. */
  public static Condition ne(String field, Object value) {
    return not(eq(field, value));
  }

  /** Returns a condition true when the field equals one of the values. */
  public static Condition in(String field, Object... values) {
    return new Condition.In(field, Arrays.asList(values), false);
  }

  /** Returns a condition true when the field equals one of the values. */
  public static Condition in(String field, List<?> values, boolean ignoreCase) {
    return new Condition.In(field, new ArrayList<>(values), ignoreCase);
  }

  /** Returns a condition true when the field equals none of the values. */
  public static Condition notIn(String field, Object... values) {
    return not(in(field, values));
  }

  /** Returns a condition true when the field's text contains {@code text}. */
  public static Condition contains(String field, String text, boolean ignoreCase) {
    return new Condition.Contains(field, text, ignoreCase);
  }

  /** Returns a condition true when the field's text starts with {@code text}. */
  public static Condition startsWith(String field, String text, boolean ignoreCase) {
    return new Condition.StartsWith(field, text, ignoreCase);
  }

  /** Returns a condition true when the field's text ends with {@code text}. */
  public static Condition endsWith(String field, String text, boolean ignoreCase) {
    return new Condition.EndsWith(field, text, ignoreCase);
  }

  /** Returns a condition true when the RE2/J {@code pattern} finds a match in the field's text. */
  public static Condition matches(String field, String pattern) {
    return new Condition.Matches(field, pattern);
  }

  /** Returns {@code field > value}. */
  public static Condition gt(String field, Object value) {
    return new Condition.Compare(field, CompareOp.GT, value);
  }

  /** Returns {@code field >= value}. */
  public static Condition gte(String field, Object value) {
    return new Condition.Compare(field, CompareOp.GTE, value);
  }

  /** Returns {@code field < value}. */
  public static Condition lt(String field, Object value) {
    return new Condition.Compare(field, CompareOp.LT, value);
  }

  /** Returns {@code field <= value}. */
  public static Condition lte(String field, Object value) {
    return new Condition.Compare(field, CompareOp.LTE, value);
  }

  /** Returns a condition true when the field's time is before {@code instantOrDate}. */
  public static Condition before(String field, Object instantOrDate) {
    return lt(field, instantOrDate);
  }

  /** Returns a condition true when the field's time is after {@code instantOrDate}. */
  public static Condition after(String field, Object instantOrDate) {
    return gt(field, instantOrDate);
  }

  /** Returns {@code low <= field <= high}. */
  public static Condition between(String field, Object low, Object high) {
    return new Condition.Between(field, low, high);
  }

  /** Returns a condition true when the field has a non-null value. */
  public static Condition exists(String field) {
    return new Condition.Exists(field);
  }

  /** Returns a condition true when the field is missing, null, blank or an empty list. */
  public static Condition isEmpty(String field) {
    return new Condition.IsEmpty(field);
  }

  /** Returns a condition true when the field's instant is within {@code duration} before now. */
  public static Condition withinLast(String field, Duration duration) {
    return new Condition.WithinLast(field, duration);
  }

  /** Returns a condition true when the field's instant is more than {@code duration} before now. */
  public static Condition olderThan(String field, Duration duration) {
    return new Condition.OlderThan(field, duration);
  }

  /** Returns a condition true when the field's list holds at least one of the values. */
  public static Condition listContainsAny(String field, String... values) {
    return new Condition.ListContains(field, Arrays.asList(values), false, false);
  }

  /** Returns a condition true when the field's list holds every one of the values. */
  public static Condition listContainsAll(String field, String... values) {
    return new Condition.ListContains(field, Arrays.asList(values), true, false);
  }

  /** Returns the names of the fields a condition reads, in first-use order. */
  public static Set<String> fieldsOf(Condition condition) {
    Set<String> out = new LinkedHashSet<>();
    collectFields(condition, out);
    return out;
  }

  private static void collectFields(Condition c, Set<String> out) {
    if (c instanceof All all) {
      all.conditions().forEach(x -> collectFields(x, out));
    } else if (c instanceof Any any) {
      any.conditions().forEach(x -> collectFields(x, out));
    } else if (c instanceof Not not) {
      collectFields(not.condition(), out);
    } else if (!(c instanceof Constant)) {
      out.add(ConditionText.fieldOf(c));
    }
  }

  /** Returns whether a condition reads the clock ({@code within_last}, {@code older_than}). */
  public static boolean usesClock(Condition condition) {
    if (condition instanceof All all) {
      return all.conditions().stream().anyMatch(Conditions::usesClock);
    }
    if (condition instanceof Any any) {
      return any.conditions().stream().anyMatch(Conditions::usesClock);
    }
    if (condition instanceof Not not) {
      return usesClock(not.condition());
    }
    return condition instanceof Condition.WithinLast || condition instanceof Condition.OlderThan;
  }

  /** Returns a one-line, human-readable form such as {@code (country eq 'US' and employees gte 200)}. */
  public static String describe(Condition condition) {
    return ConditionText.describe(condition);
  }
}
