package dev.mops.quality.contract;

import dev.mops.core.Severity;
import java.util.List;
import java.util.Objects;

/**
 * One rule of a {@link DataContract}, as it appears in results: its id, kind, the fields it reads,
 * the quality dimension it counts toward, its severity and threshold, and what it expects, in
 * words.
 *
 * <p>Ids are stable and unique within a contract: {@code email.pattern}, {@code country.allowed},
 * {@code unique(first_name,last_name,company)}, {@code freshness.last_visit}, {@code row_count},
 * or the name given to a cross-field rule.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param id the rule's id, unique within the contract
 * @param kind what the rule checks
 * @param fields the fields it reads (empty for {@code row_count})
 * @param dimension the dimension it counts toward
 * @param severity what a breach of its threshold is: {@code error} fails the rule, {@code warning}
 *     and {@code info} warn
 * @param threshold the bound its measured value must keep to
 * @param expectation what it expects, for people ({@code matches ^L-[0-9]{4}$})
 * @param note why the rule is not evaluated, for {@link RuleKind#UNSUPPORTED}; otherwise {@code ""}
 */
public record ContractRule(
    String id,
    RuleKind kind,
    List<String> fields,
    QualityDimension dimension,
    Severity severity,
    Threshold threshold,
    String expectation,
    String note) {

  /** Validates and copies the components. */
  public ContractRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    fields = List.copyOf(fields);
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(expectation, "expectation");
    Objects.requireNonNull(note, "note");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("rule id must not be empty");
    }
  }

  /** Returns the first field the rule reads, or {@code ""} when it reads none. */
  public String field() {
    return fields.isEmpty() ? "" : fields.get(0);
  }

  /** Returns whether mops can evaluate this rule. */
  public boolean evaluable() {
    return kind != RuleKind.UNSUPPORTED;
  }
}
