package dev.mops.quality.contract;

import dev.mops.core.record.Schema;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A data contract: the fields a dataset promises, the rules its records and the dataset as a whole
 * must keep, and how each rule's breach counts (severity, threshold, quality dimension).
 *
 * <p>Load one with {@link DataContracts}. A contract carries the name, version and content hash of
 * the document it came from, so every result can say which contract produced it. Rules mops cannot
 * evaluate (ODCS custom SQL) are kept as {@link RuleKind#UNSUPPORTED} and reported as not
 * evaluated; ODCS options read but not checked are listed in {@link #notes()}.
 *
 * <p>Thread safety: immutable and safe to share.
 */
public final class DataContract {

  /** Where a contract was read from. */
  public enum Format {
    /** The concise mops YAML. */
    NATIVE,
    /** The Open Data Contract Standard (v3.x). */
    ODCS
  }

  private final String name;
  private final String version;
  private final String contentHash;
  private final String source;
  private final Format format;
  private final List<FieldSpec> fields;
  private final Map<String, FieldSpec> byName;
  private final List<ContractRule> rules;
  private final Map<String, ContractRule> rulesById;
  private final Map<QualityDimension, Double> weights;
  private final List<String> notes;
  private final Schema schema;
  private final ContractValidator validator;

  DataContract(String name, String version, String contentHash, String source, Format format, List<FieldSpec> fields,
      List<ContractRule> rules, Map<QualityDimension, Double> weights, List<String> notes,
      List<FieldCheck> fieldChecks, List<CrossCheck> crossChecks, Schema schema) {
    this.name = Objects.requireNonNull(name);
    this.version = Objects.requireNonNull(version);
    this.contentHash = Objects.requireNonNull(contentHash);
    this.source = Objects.requireNonNull(source);
    this.format = Objects.requireNonNull(format);
    this.fields = List.copyOf(fields);
    Map<String, FieldSpec> m = new LinkedHashMap<>();
    for (FieldSpec f : fields) {
      m.put(f.name(), f);
    }
    this.byName = Collections.unmodifiableMap(m);
    this.rules = List.copyOf(rules);
    Map<String, ContractRule> r = new LinkedHashMap<>();
    for (ContractRule rule : rules) {
      if (r.put(rule.id(), rule) != null) {
        throw new IllegalArgumentException("duplicate rule id '" + rule.id() + "'");
      }
    }
    this.rulesById = Collections.unmodifiableMap(r);
    Map<QualityDimension, Double> w = new EnumMap<>(QualityDimension.class);
    w.putAll(weights);
    this.weights = Collections.unmodifiableMap(w);
    this.notes = List.copyOf(notes);
    this.schema = schema;
    this.validator = new ContractValidator(this, fieldChecks, crossChecks);
  }

  /** Returns the contract's name. */
  public String name() {
    return name;
  }

  /** Returns the contract's declared version, or {@code unversioned}. */
  public String version() {
    return version;
  }

  /** Returns {@code sha256:} and the hex hash of the contract document. */
  public String contentHash() {
    return contentHash;
  }

  /** Returns the file name or label the contract was loaded from. */
  public String source() {
    return source;
  }

  /** Returns the format the contract was written in. */
  public Format format() {
    return format;
  }

  /** Returns the declared fields, in order. */
  public List<FieldSpec> fields() {
    return fields;
  }

  /** Returns the field of that name, or {@code null}. */
  public @Nullable FieldSpec field(String fieldName) {
    return byName.get(fieldName);
  }

  /** Returns every rule, record-level first (field by field, then cross-field), then dataset-level. */
  public List<ContractRule> rules() {
    return rules;
  }

  /** Returns the rule with that id, or {@code null}. */
  public @Nullable ContractRule rule(String id) {
    return rulesById.get(id);
  }

  /** Returns the weight of each dimension in the overall score (every dimension has one). */
  public Map<QualityDimension, Double> weights() {
    return weights;
  }

  /** Returns what the contract says that mops reads but does not check, one sentence each. */
  public List<String> notes() {
    return notes;
  }

  /** Returns the schema of the contract's fields (untyped: the contract's checks read raw values). */
  public Schema schema() {
    return schema;
  }

  /** Returns the validator of the contract's record-level rules (one shared, immutable instance). */
  public ContractValidator validator() {
    return validator;
  }

  @Override
  public String toString() {
    return "DataContract[" + name + " " + version + ", " + fields.size() + " fields, " + rules.size() + " rules]";
  }
}
