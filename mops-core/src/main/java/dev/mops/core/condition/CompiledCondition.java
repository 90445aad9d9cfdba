package dev.mops.core.condition;

import dev.mops.core.condition.Nodes.Node;
import dev.mops.core.record.Row;
import dev.mops.core.record.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A condition bound to a {@link Schema}: a thread-safe predicate over {@link Row}s of that schema
 * that reads fields by slot and can explain its answer.
 *
 * <pre>{@code
 * Schema schema = Schema.of("country", "employees", "last_visit");
 * CompiledCondition hot = CompiledCondition.compile(
 *     Conditions.all(Conditions.eq("country", "US"),
 *                    Conditions.withinLast("last_visit", Duration.ofDays(7))),
 *     schema);
 * boolean yes = hot.test(row, now);
 * ConditionExplanation why = hot.explain(row, now);
 * }</pre>
 *
 * <p>{@link #test} does not allocate when the row holds typed values (declare field types in the
 * schema, or hand over {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code
 * Instant} objects); text that must be parsed into a number or instant on each call costs a parse,
 * and {@code matches} allocates a small RE2/J matcher. {@link #explain} allocates its answer. Time
 * conditions ({@code within_last}, {@code older_than}) compare with the {@code now} passed in, never
 * with the wall clock.
 *
 * <p>Thread safety: immutable and safe to share; any number of threads may call {@link #test}
 * and {@link #explain} at once.
 */
public final class CompiledCondition {

  private final Condition condition;
  private final Schema schema;
  private final Node root;
  private final boolean usesClock;

  private CompiledCondition(Condition condition, Schema schema, Node root) {
    this.condition = condition;
    this.schema = schema;
    this.root = root;
    this.usesClock = Conditions.usesClock(condition);
  }

  /**
   * Binds {@code condition} to {@code schema}.
   *
   * @throws IllegalArgumentException naming the field when the condition reads a field the schema
   *     does not have
   */
  public static CompiledCondition compile(Condition condition, Schema schema) {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(schema, "schema");
    return new CompiledCondition(condition, schema, condition.accept(new Compiler(schema)));
  }

  /** Returns the condition this was compiled from. */
  public Condition condition() {
    return condition;
  }

  /** Returns the schema this condition is bound to. */
  public Schema schema() {
    return schema;
  }

  /** Returns whether the condition compares times with {@code now}. */
  public boolean usesClock() {
    return usesClock;
  }

  /**
   * Evaluates the condition on {@code row} at {@code now}.
   *
   * @param row a row of this condition's schema (rows of another schema are read by slot as if
   *     they were of this one: bind them to the same schema)
   * @param now the instant that {@code within_last} and {@code older_than} measure from
   */
  public boolean test(Row row, Instant now) {
    return root.test(row, now);
  }

  /**
   * Evaluates a condition that does not read the clock.
   *
   * @throws IllegalStateException when the condition uses {@code within_last} or {@code
   *     older_than}: pass {@code now} explicitly
   */
  public boolean test(Row row) {
    if (usesClock) {
      throw new IllegalStateException(
          "condition compares times with now; call test(row, now): " + Conditions.describe(condition));
    }
    return root.test(row, Instant.EPOCH);
  }

  /** Evaluates the condition and says which field comparisons decided the answer. */
  public ConditionExplanation explain(Row row, Instant now) {
    List<LeafOutcome> out = new ArrayList<>();
    boolean result = root.explain(row, now, out);
    return new ConditionExplanation(result, out);
  }

  @Override
  public String toString() {
    return "CompiledCondition[" + Conditions.describe(condition) + "]";
  }

  private static final class Compiler implements Condition.Visitor<Node> {
    private final Schema schema;

    Compiler(Schema schema) {
      this.schema = schema;
    }

    private int slot(String field) {
      int s = schema.slot(field);
      if (s < 0) {
        throw new IllegalArgumentException(
            "condition reads unknown field '" + field + "'; the schema has " + schema.fieldNames());
      }
      return s;
    }

    private Node[] children(List<Condition> cs) {
      Node[] out = new Node[cs.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = cs.get(i).accept(this);
      }
      return out;
    }

    @Override
    public Node visitAll(Condition.All c) {
      return new Nodes.AllNode(children(c.conditions()));
    }

    @Override
    public Node visitAny(Condition.Any c) {
      return new Nodes.AnyNode(children(c.conditions()));
    }

    @Override
    public Node visitNot(Condition.Not c) {
      return new Nodes.NotNode(c.condition().accept(this));
    }

    @Override
    public Node visitConstant(Condition.Constant c) {
      return new Nodes.ConstantNode(c.value());
    }

    @Override
    public Node visitEq(Condition.Eq c) {
      return Nodes.eq(slot(c.field()), c, c.value(), c.ignoreCase());
    }

    @Override
    public Node visitIn(Condition.In c) {
      return Nodes.in(slot(c.field()), c);
    }

    @Override
    public Node visitContains(Condition.Contains c) {
      return new Nodes.ContainsNode(slot(c.field()), c, c.text(), c.ignoreCase());
    }

    @Override
    public Node visitStartsWith(Condition.StartsWith c) {
      return new Nodes.StartsWithNode(slot(c.field()), c, c.text(), c.ignoreCase());
    }

    @Override
    public Node visitEndsWith(Condition.EndsWith c) {
      return new Nodes.EndsWithNode(slot(c.field()), c, c.text(), c.ignoreCase());
    }

    @Override
    public Node visitMatches(Condition.Matches c) {
      return new Nodes.MatchesNode(slot(c.field()), c, Condition.Matches.compilePattern(c.field(), c.pattern()), c.pattern());
    }

    @Override
    public Node visitCompare(Condition.Compare c) {
      return new Nodes.CompareNode(slot(c.field()), c, c.op(), c.value());
    }

    @Override
    public Node visitBetween(Condition.Between c) {
      return new Nodes.BetweenNode(slot(c.field()), c, c.low(), c.high());
    }

    @Override
    public Node visitExists(Condition.Exists c) {
      return new Nodes.ExistsNode(slot(c.field()), c);
    }

    @Override
    public Node visitIsEmpty(Condition.IsEmpty c) {
      return new Nodes.IsEmptyNode(slot(c.field()), c);
    }

    @Override
    public Node visitWithinLast(Condition.WithinLast c) {
      return new Nodes.WithinLastNode(slot(c.field()), c, c.duration());
    }

    @Override
    public Node visitOlderThan(Condition.OlderThan c) {
      return new Nodes.OlderThanNode(slot(c.field()), c, c.duration());
    }

    @Override
    public Node visitListContains(Condition.ListContains c) {
      return new Nodes.ListContainsNode(slot(c.field()), c, c.values(), c.all(), c.ignoreCase());
    }
  }
}
