package dev.mops.core.condition;

import com.google.re2j.Pattern;
import dev.mops.core.record.Row;
import dev.mops.core.record.Values;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/** The evaluation tree a {@link CompiledCondition} runs: one small final class per operator. */
final class Nodes {

  private Nodes() {}

  /** An evaluation node. */
  abstract static class Node {
    abstract boolean test(Row row, Instant now);

    /** Evaluates and appends the deciding leaf outcomes to {@code out}. */
    abstract boolean explain(Row row, Instant now, List<LeafOutcome> out);
  }

  static final class AllNode extends Node {
    private final Node[] children;

    AllNode(Node[] children) {
      this.children = children;
    }

    @Override
    boolean test(Row row, Instant now) {
      for (Node c : children) {
        if (!c.test(row, now)) {
          return false;
        }
      }
      return true;
    }

    @Override
    boolean explain(Row row, Instant now, List<LeafOutcome> out) {
      List<LeafOutcome> all = new ArrayList<>();
      for (Node c : children) {
        List<LeafOutcome> mine = new ArrayList<>();
        if (!c.explain(row, now, mine)) {
          out.addAll(mine);
          return false;
        }
        all.addAll(mine);
      }
      out.addAll(all);
      return true;
    }
  }

  static final class AnyNode extends Node {
    private final Node[] children;

    AnyNode(Node[] children) {
      this.children = children;
    }

    @Override
    boolean test(Row row, Instant now) {
      for (Node c : children) {
        if (c.test(row, now)) {
          return true;
        }
      }
      return false;
    }

    @Override
    boolean explain(Row row, Instant now, List<LeafOutcome> out) {
      List<LeafOutcome> all = new ArrayList<>();
      for (Node c : children) {
        List<LeafOutcome> mine = new ArrayList<>();
        if (c.explain(row, now, mine)) {
          out.addAll(mine);
          return true;
        }
        all.addAll(mine);
      }
      out.addAll(all);
      return false;
    }
  }

  static final class NotNode extends Node {
    private final Node child;

    NotNode(Node child) {
      this.child = child;
    }

    @Override
    boolean test(Row row, Instant now) {
      return !child.test(row, now);
    }

    @Override
    boolean explain(Row row, Instant now, List<LeafOutcome> out) {
      return !child.explain(row, now, out);
    }
  }

  static final class ConstantNode extends Node {
    private final boolean value;

    ConstantNode(boolean value) {
      this.value = value;
    }

    @Override
    boolean test(Row row, Instant now) {
      return value;
    }

    @Override
    boolean explain(Row row, Instant now, List<LeafOutcome> out) {
      return value;
    }
  }

  /** A field comparison. */
  abstract static class Leaf extends Node {
    final int slot;
    final Condition condition;

    Leaf(int slot, Condition condition) {
      this.slot = slot;
      this.condition = condition;
    }

    /** Says why a value that made the comparison false could not be compared, or "". */
    String note(@Nullable Object value, Instant now) {
      return value == null ? "missing" : "";
    }

    @Override
    boolean explain(Row row, Instant now, List<LeafOutcome> out) {
      boolean result = test(row, now);
      Object value = row.get(slot);
      out.add(
          new LeafOutcome(
              ConditionText.fieldOf(condition),
              ConditionText.operatorOf(condition),
              ConditionText.expectedOf(condition),
              value,
              result,
              result ? "" : note(value, now)));
      return result;
    }
  }

  static @Nullable String text(@Nullable Object v) {
    return v instanceof String string ? string : Values.asString(v);
  }

  static final class EqText extends Leaf {
    private final String literal;
    private final boolean ignoreCase;

    EqText(int slot, Condition c, String literal, boolean ignoreCase) {
      super(slot, c);
      this.literal = literal;
      this.ignoreCase = ignoreCase;
    }

    @Override
    boolean test(Row row, Instant now) {
      String s = text(row.get(slot));
      return s != null && (ignoreCase ? literal.equalsIgnoreCase(s) : literal.equals(s));
    }
  }

  static final class EqNumber extends Leaf {
    private final Number literal;

    EqNumber(int slot, Condition c, Number literal) {
      super(slot, c);
      this.literal = literal;
    }

    @Override
    boolean test(Row row, Instant now) {
      Object v = row.get(slot);
      return v != null && Ordering.compareNumber(v, literal) == 0;
    }

    @Override
    String note(@Nullable Object value, Instant now) {
      if (value == null) {
        return "missing";
      }
      return Values.asNumber(value) == null ? "not a number" : "";
    }
  }

  static final class EqBoolean extends Leaf {
    private final boolean literal;

    EqBoolean(int slot, Condition c, boolean literal) {
      super(slot, c);
      this.literal = literal;
    }

    @Override
    boolean test(Row row, Instant now) {
      Object v = row.get(slot);
      Boolean b = v instanceof Boolean bool ? bool : Values.asBoolean(v);
      return b != null && b == literal;
    }

    @Override
    String note(@Nullable Object value, Instant now) {
      if (value == null) {
        return "missing";
      }
      return Values.asBoolean(value) == null ? "not a boolean" : "";
    }
  }

  /** {@code in} over text, exact or ignoring case: an allocation-free hash lookup. */
  static final class InText extends Leaf {
    private final TextSet literals;

    InText(int slot, Condition c, TextSet literals) {
      super(slot, c);
      this.literals = literals;
    }

    @Override
    boolean test(Row row, Instant now) {
      String s = text(row.get(slot));
      return s != null && literals.contains(s);
    }
  }

  /** {@code in} with mixed or numeric literals: each compared as {@code eq} would. */
  static final class InMixed extends Leaf {
    private final Node[] alternatives;

    InMixed(int slot, Condition c, Node[] alternatives) {
      super(slot, c);
      this.alternatives = alternatives;
    }

    @Override
    boolean test(Row row, Instant now) {
      for (Node n : alternatives) {
        if (n.test(row, now)) {
          return true;
        }
      }
      return false;
    }
  }

  /** A comparison of the field's text with a literal, optionally ignoring case. */
  abstract static class TextLeaf extends Leaf {
    final String literal;
    final boolean ignoreCase;

    TextLeaf(int slot, Condition c, String literal, boolean ignoreCase) {
      super(slot, c);
      this.literal = literal;
      this.ignoreCase = ignoreCase;
    }

    @Override
    final boolean test(Row row, Instant now) {
      String s = text(row.get(slot));
      return s != null && matches(s);
    }

    abstract boolean matches(String s);
  }

  static final class ContainsNode extends TextLeaf {
    ContainsNode(int slot, Condition c, String literal, boolean ignoreCase) {
      super(slot, c, literal, ignoreCase);
    }

    @Override
    boolean matches(String s) {
      if (!ignoreCase) {
        return s.contains(literal);
      }
      int n = literal.length();
      for (int i = 0, last = s.length() - n; i <= last; i++) {
        if (s.regionMatches(true, i, literal, 0, n)) {
          return true;
        }
      }
      return false;
    }
  }

  static final class StartsWithNode extends TextLeaf {
    StartsWithNode(int slot, Condition c, String literal, boolean ignoreCase) {
      super(slot, c, literal, ignoreCase);
    }

    @Override
    boolean matches(String s) {
      return s.regionMatches(ignoreCase, 0, literal, 0, literal.length());
    }
  }

  static final class EndsWithNode extends TextLeaf {
    EndsWithNode(int slot, Condition c, String literal, boolean ignoreCase) {
      super(slot, c, literal, ignoreCase);
    }

    @Override
    boolean matches(String s) {
      return s.length() >= literal.length()
          && s.regionMatches(ignoreCase, s.length() - literal.length(), literal, 0, literal.length());
    }
  }

  /**
   * A regex match, guarded by the literals every match must contain (when the pattern has such
   * literals, see {@link RequiredLiterals}) and memoized: marketing fields that regexes read (titles, sources, mediums) repeat
   * a few hundred distinct values across millions of rows, and an RE2/J search costs far more than
   * a hash and an {@code equals}. The memo is a direct-mapped table of {@link #MEMO_SIZE} immutable
   * entries for values up to {@link #MEMO_MAX_LENGTH} characters; a racy read sees either an old
   * complete entry or a new complete one (final fields), so it needs no lock.
   */
  static final class MatchesNode extends Leaf {
    static final int MEMO_SIZE = 1024;
    static final int MEMO_MAX_LENGTH = 256;

    private static final class Memo {
      final String value;
      final boolean found;

      Memo(String value, boolean found) {
        this.value = value;
        this.found = found;
      }
    }

    private final Pattern pattern;
    private final @Nullable RequiredLiterals guard;
    private final @Nullable Memo[] memo = new Memo[MEMO_SIZE];

    MatchesNode(int slot, Condition c, Pattern pattern, String source) {
      super(slot, c);
      this.pattern = pattern;
      this.guard = RequiredLiterals.of(source);
    }

    private boolean find(String s) {
      return (guard == null || guard.mayMatch(s)) && pattern.matcher(s).find();
    }

    @Override
    boolean test(Row row, Instant now) {
      String s = text(row.get(slot));
      if (s == null) {
        return false;
      }
      if (s.length() > MEMO_MAX_LENGTH) {
        return find(s);
      }
      int h = s.hashCode();
      int i = (h ^ (h >>> 16)) & (MEMO_SIZE - 1);
      Memo m = memo[i];
      if (m != null && m.value.equals(s)) {
        return m.found;
      }
      boolean found = find(s);
      memo[i] = new Memo(s, found);
      return found;
    }
  }

  static final class CompareNode extends Leaf {
    private final CompareOp op;
    private final Object literal;

    CompareNode(int slot, Condition c, CompareOp op, Object literal) {
      super(slot, c);
      this.op = op;
      this.literal = literal;
    }

    @Override
    boolean test(Row row, Instant now) {
      int cmp = Ordering.compareValue(row.get(slot), literal);
      return cmp != Ordering.INCOMPARABLE && op.accepts(cmp);
    }

    @Override
    String note(@Nullable Object value, Instant now) {
      if (value == null) {
        return "missing";
      }
      return Ordering.compareValue(value, literal) == Ordering.INCOMPARABLE
          ? "not comparable as a " + Literals.kind(literal)
          : "";
    }
  }

  static final class BetweenNode extends Leaf {
    private final Object low;
    private final Object high;

    BetweenNode(int slot, Condition c, Object low, Object high) {
      super(slot, c);
      this.low = low;
      this.high = high;
    }

    @Override
    boolean test(Row row, Instant now) {
      Object v = row.get(slot);
      int a = Ordering.compareValue(v, low);
      if (a == Ordering.INCOMPARABLE || a < 0) {
        return false;
      }
      int b = Ordering.compareValue(v, high);
      return b != Ordering.INCOMPARABLE && b <= 0;
    }

    @Override
    String note(@Nullable Object value, Instant now) {
      if (value == null) {
        return "missing";
      }
      return Ordering.compareValue(value, low) == Ordering.INCOMPARABLE
          ? "not comparable as a " + Literals.kind(low)
          : "";
    }
  }

  static final class ExistsNode extends Leaf {
    ExistsNode(int slot, Condition c) {
      super(slot, c);
    }

    @Override
    boolean test(Row row, Instant now) {
      return row.get(slot) != null;
    }
  }

  static final class IsEmptyNode extends Leaf {
    IsEmptyNode(int slot, Condition c) {
      super(slot, c);
    }

    @Override
    boolean test(Row row, Instant now) {
      return Values.isEmpty(row.get(slot));
    }

    @Override
    String note(@Nullable Object value, Instant now) {
      return "";
    }
  }

  static @Nullable Instant instant(@Nullable Object v) {
    return v instanceof Instant instant ? instant : Values.asInstant(v);
  }

  /** Compares {@code now - t} with {@code d} without allocating. */
  static int compareElapsed(Instant t, Instant now, Duration d) {
    long seconds = now.getEpochSecond() - t.getEpochSecond();
    long nanos = (long) now.getNano() - t.getNano();
    if (nanos < 0) {
      nanos += 1_000_000_000L;
      seconds--;
    }
    int c = Long.compare(seconds, d.getSeconds());
    return c != 0 ? c : Long.compare(nanos, d.getNano());
  }

  /** Says how long before {@code now} a time value lies, or why it is not a time. */
  static String elapsedNote(@Nullable Object value, Instant now) {
    if (value == null) {
      return "missing";
    }
    Instant t = instant(value);
    if (t == null) {
      return "not a timestamp";
    }
    return t.isAfter(now) ? "after now (" + now + ")" : "elapsed " + Duration.between(t, now);
  }

  static final class WithinLastNode extends Leaf {
    private final Duration duration;

    WithinLastNode(int slot, Condition c, Duration duration) {
      super(slot, c);
      this.duration = duration;
    }

    @Override
    boolean test(Row row, Instant now) {
      Instant t = instant(row.get(slot));
      return t != null && t.compareTo(now) <= 0 && compareElapsed(t, now, duration) <= 0;
    }

    @Override
    String note(@Nullable Object value, Instant now) {
      return elapsedNote(value, now);
    }
  }

  static final class OlderThanNode extends Leaf {
    private final Duration duration;

    OlderThanNode(int slot, Condition c, Duration duration) {
      super(slot, c);
      this.duration = duration;
    }

    @Override
    boolean test(Row row, Instant now) {
      Instant t = instant(row.get(slot));
      return t != null && compareElapsed(t, now, duration) > 0;
    }

    @Override
    String note(@Nullable Object value, Instant now) {
      return elapsedNote(value, now);
    }
  }

  static final class ListContainsNode extends Leaf {
    private final String[] literals;
    private final boolean all;
    private final boolean ignoreCase;

    ListContainsNode(int slot, Condition c, List<String> literals, boolean all, boolean ignoreCase) {
      super(slot, c);
      this.literals = literals.toArray(new String[0]);
      this.all = all;
      this.ignoreCase = ignoreCase;
    }

    @Override
    boolean test(Row row, Instant now) {
      Object v = row.get(slot);
      if (v == null) {
        return false;
      }
      for (String literal : literals) {
        boolean found = contains(v, literal);
        if (found && !all) {
          return true;
        }
        if (!found && all) {
          return false;
        }
      }
      return all;
    }

    private boolean contains(Object v, String literal) {
      if (v instanceof List<?> list && v instanceof RandomAccess) {
        // By index: a for-each would allocate an iterator per literal.
        for (int i = 0, n = list.size(); i < n; i++) {
          String s = text(list.get(i));
          if (s != null && (ignoreCase ? literal.equalsIgnoreCase(s) : literal.equals(s))) {
            return true;
          }
        }
        return false;
      }
      if (v instanceof Collection<?> collection) {
        for (Object o : collection) {
          String s = text(o);
          if (s != null && (ignoreCase ? literal.equalsIgnoreCase(s) : literal.equals(s))) {
            return true;
          }
        }
        return false;
      }
      String s = text(v);
      if (s == null) {
        return false;
      }
      char sep = s.indexOf(';') >= 0 ? ';' : '|';
      int start = 0;
      int n = s.length();
      while (start <= n) {
        int end = s.indexOf(sep, start);
        if (end < 0) {
          end = n;
        }
        int a = start;
        int b = end;
        while (a < b && Character.isWhitespace(s.charAt(a))) {
          a++;
        }
        while (b > a && Character.isWhitespace(s.charAt(b - 1))) {
          b--;
        }
        if (b - a == literal.length() && s.regionMatches(ignoreCase, a, literal, 0, literal.length())) {
          return true;
        }
        start = end + 1;
      }
      return false;
    }
  }

  /** Builds the node of an {@code eq} literal. */
  static Leaf eq(int slot, Condition c, Object literal, boolean ignoreCase) {
    if (literal instanceof String text) {
      return new EqText(slot, c, text, ignoreCase);
    }
    if (literal instanceof Boolean bool) {
      return new EqBoolean(slot, c, bool);
    }
    return new EqNumber(slot, c, (Number) literal);
  }

  /** Builds the node of an {@code in}. */
  static Leaf in(int slot, Condition.In c) {
    boolean allText = c.values().stream().allMatch(v -> v instanceof String);
    if (allText) {
      return new InText(slot, c, new TextSet(c.values().stream().map(v -> (String) v).toList(), c.ignoreCase()));
    }
    List<Object> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(c.values()));
    Node[] alternatives = new Node[distinct.size()];
    for (int i = 0; i < alternatives.length; i++) {
      alternatives[i] = eq(slot, c, distinct.get(i), c.ignoreCase());
    }
    return new InMixed(slot, c, alternatives);
  }

  static boolean isDecimal(Object literal) {
    return literal instanceof BigDecimal;
  }
}
