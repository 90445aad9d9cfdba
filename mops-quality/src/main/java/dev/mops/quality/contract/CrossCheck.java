package dev.mops.quality.contract;

import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.record.Row;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A compiled cross-field rule: "when A then B" over mops conditions, or a comparison of two
 * fields on their ordered scale ("close_date after created_date").
 *
 * <p>Thread safety: immutable and safe to share.
 */
final class CrossCheck {

  /** Field-to-field comparison operators. */
  enum Op {
    LT("before", "<"), LE("on or before", "<="), GT("after", ">"), GE("on or after", ">="), EQ("equal to", "="), NE("not equal to", "!=");

    final String words;
    final String symbol;

    Op(String words, String symbol) {
      this.words = words;
      this.symbol = symbol;
    }

    static @Nullable Op parse(String s) {
      switch (s) {
        case "lt": case "before": case "<": return LT;
        case "lte": case "on_or_before": case "<=": return LE;
        case "gt": case "after": case ">": return GT;
        case "gte": case "on_or_after": case ">=": return GE;
        case "eq": case "=": case "==": return EQ;
        case "ne": case "!=": return NE;
        default: return null;
      }
    }

    boolean test(double a, double b) {
      switch (this) {
        case LT: return a < b;
        case LE: return a <= b;
        case GT: return a > b;
        case GE: return a >= b;
        case EQ: return a == b;
        default: return a != b;
      }
    }
  }

  final ContractRule rule;
  private final @Nullable CompiledCondition when;
  private final @Nullable CompiledCondition then;
  private final int reportSlot;
  private final @Nullable FieldSpec left;
  private final int leftSlot;
  private final @Nullable Op op;
  private final @Nullable FieldSpec right;
  private final int rightSlot;

  private CrossCheck(ContractRule rule, @Nullable CompiledCondition when, @Nullable CompiledCondition then, int reportSlot,
      @Nullable FieldSpec left, int leftSlot, @Nullable Op op, @Nullable FieldSpec right, int rightSlot) {
    this.rule = rule;
    this.when = when;
    this.then = then;
    this.reportSlot = reportSlot;
    this.left = left;
    this.leftSlot = leftSlot;
    this.op = op;
    this.right = right;
    this.rightSlot = rightSlot;
  }

  static CrossCheck conditional(ContractRule rule, @Nullable CompiledCondition when, CompiledCondition then, int reportSlot) {
    return new CrossCheck(rule, when, then, reportSlot, null, -1, null, null, -1);
  }

  static CrossCheck comparison(ContractRule rule, FieldSpec left, int leftSlot, Op op, FieldSpec right, int rightSlot) {
    return new CrossCheck(rule, null, null, leftSlot, left, leftSlot, op, right, rightSlot);
  }

  boolean usesClock() {
    return (when != null && when.usesClock()) || (then != null && then.usesClock());
  }

  /** Checks the row; returns 1 and reports when the rule is broken, else 0. */
  int check(Row row, Instant now, ViolationSink sink) {
    if (op != null) {
      FieldSpec left = java.util.Objects.requireNonNull(this.left);
      FieldSpec right = java.util.Objects.requireNonNull(this.right);
      double a = left.measure(row.get(leftSlot));
      double b = right.measure(row.get(rightSlot));
      if (Double.isNaN(a) || Double.isNaN(b) || op.test(a, b)) {
        return 0;
      }
      Object raw = row.get(leftSlot);
      sink.accept(new ContractViolation(left.name(), rule.id(), "RULE_FAILED", rule.severity(),
          raw == null ? null : FieldCheck.text(raw),
          "'" + left.name() + "' (" + FieldCheck.text(raw) + ") is not " + op.words + " '" + right.name() + "' ("
              + FieldCheck.text(row.get(rightSlot)) + ")"));
      return 1;
    }
    if ((when == null || when.test(row, now)) && !java.util.Objects.requireNonNull(then).test(row, now)) {
      Object raw = reportSlot < 0 ? null : row.get(reportSlot);
      sink.accept(new ContractViolation(reportSlot < 0 ? "" : row.schema().name(reportSlot), rule.id(), "RULE_FAILED",
          rule.severity(), raw == null ? null : FieldCheck.text(raw), "rule '" + rule.id() + "' failed: expected " + rule.expectation()));
      return 1;
    }
    return 0;
  }
}
