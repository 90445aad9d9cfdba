package dev.mops.quality.contract;

import dev.mops.core.Severity;
import dev.mops.core.condition.Condition;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.record.Schema;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The mutable state a contract reader fills in before the immutable {@link DataContract} is made.
 *
 * <p>Thread safety: not thread-safe; one reader, one thread.
 */
final class ContractAssembly {

  /** A cross-field rule read but not yet compiled. */
  static final class PendingCross {
    final ContractRule rule;
    final @Nullable Condition when;
    final @Nullable Condition then;
    final @Nullable String left;
    final CrossCheck.@Nullable Op op;
    final @Nullable String right;

    PendingCross(ContractRule rule, @Nullable Condition when, @Nullable Condition then,
        @Nullable String left, CrossCheck.@Nullable Op op, @Nullable String right) {
      this.rule = rule;
      this.when = when;
      this.then = then;
      this.left = left;
      this.op = op;
      this.right = right;
    }
  }

  String name = "contract";
  String version = "unversioned";
  String contentHash = "";
  String source = "<code>";
  DataContract.Format format = DataContract.Format.NATIVE;
  final Map<String, FieldSpec> fields = new LinkedHashMap<>();
  final Map<String, FieldCheck> checks = new LinkedHashMap<>();
  final List<PendingCross> cross = new ArrayList<>();
  final List<ContractRule> datasetRules = new ArrayList<>();
  final Map<QualityDimension, Double> weights = new EnumMap<>(QualityDimension.class);
  final List<String> notes = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();

  FieldCheck addField(FieldSpec spec, ConfigNode at) {
    if (fields.containsKey(spec.name())) {
      throw at.error("field '" + spec.name() + "' is declared twice");
    }
    fields.put(spec.name(), spec);
    FieldCheck c = new FieldCheck(spec, checks.size());
    checks.put(spec.name(), c);
    return c;
  }

  /** Returns a fresh rule id: {@code base}, or {@code base#2}, {@code base#3}... when taken. */
  String freshId(String base) {
    String id = base;
    for (int i = 2; ids.contains(id); i++) {
      id = base + "#" + i;
    }
    return id;
  }

  ContractRule rule(String id, RuleKind kind, List<String> ruleFields, @Nullable QualityDimension dimension,
      Severity severity, Threshold threshold, String expectation, String note, ConfigNode at) {
    if (!ids.add(id)) {
      throw at.error("rule name '" + id + "' is used twice; rule names must be unique");
    }
    return new ContractRule(id, kind, ruleFields, dimension == null ? kind.defaultDimension() : dimension,
        severity, threshold, expectation, note);
  }

  Schema schema() {
    return Schema.of(fields.keySet());
  }

  DataContract build() {
    Schema schema = schema();
    List<ContractRule> rules = new ArrayList<>();
    List<FieldCheck> fieldChecks = new ArrayList<>();
    for (FieldCheck c : checks.values()) {
      c.seal();
      fieldChecks.add(c);
      for (FieldCheck.Metric m : c.metrics) {
        rules.add(m.rule);
      }
      for (ContractRule r : new ContractRule[] {c.required, c.type, c.allowed, c.pattern, c.length, c.range}) {
        if (r != null) {
          rules.add(r);
        }
      }
    }
    List<CrossCheck> crossChecks = new ArrayList<>();
    for (PendingCross p : cross) {
      rules.add(p.rule);
      if (p.op != null) {
        FieldSpec l = java.util.Objects.requireNonNull(fields.get(p.left), p.left);
        FieldSpec r = java.util.Objects.requireNonNull(fields.get(p.right), p.right);
        crossChecks.add(CrossCheck.comparison(p.rule, l, schema.slot(l.name()), p.op, r, schema.slot(r.name())));
      } else {
        var when = p.when == null ? null : dev.mops.core.condition.CompiledCondition.compile(p.when, schema);
        var thenCondition = java.util.Objects.requireNonNull(p.then, "a conditional rule has a then");
        var then = dev.mops.core.condition.CompiledCondition.compile(thenCondition, schema);
        List<String> read = new ArrayList<>(dev.mops.core.condition.Conditions.fieldsOf(thenCondition));
        int report = read.isEmpty() ? -1 : schema.slot(read.get(0));
        crossChecks.add(CrossCheck.conditional(p.rule, when, then, report));
      }
    }
    rules.addAll(datasetRules);
    Map<QualityDimension, Double> w = new EnumMap<>(QualityDimension.class);
    for (QualityDimension d : QualityDimension.values()) {
      w.put(d, weights.getOrDefault(d, 1.0));
    }
    return new DataContract(name, version, contentHash, source, format, new ArrayList<>(fields.values()), rules, w,
        notes, fieldChecks, crossChecks, schema);
  }
}
