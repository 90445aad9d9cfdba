package dev.mops.quality.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.record.Records;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractDiffTest {

  static final String OLD = String.join("\n",
      "contract: leads",
      "version: 1",
      "fields:",
      "  id: {type: string, required: true}",
      "  country: {type: string, allowed: [US, CA, GB]}",
      "  employees: {type: integer, min: 1, max: 1000}",
      "  name: {type: string, length: {min: 2, max: 50}}",
      "  title: {type: string, required: {severity: warning, max_failures: 2%}}",
      "  code: {type: string, pattern: '[A-Z]{3}'}",
      "  fax: {type: string, required: true}",
      "");

  static final String NEW = String.join("\n",
      "contract: leads",
      "version: 2",
      "fields:",
      "  id: {type: string, required: true}",
      "  country: {type: string, allowed: [US, CA, MX]}",
      "  employees: {type: integer, min: 1, max: 100}",
      "  name: {type: string, length: {min: 1, max: 80}}",
      "  title: {type: string, required: {severity: warning, max_failures: 5%}}",
      "  code: {type: string, pattern: '[A-Z]{2,3}'}",
      "  email: {type: email, required: true}",
      "");

  static ContractDiff diff() {
    return ContractDiff.between(DataContracts.parse("old.yaml", OLD), DataContracts.parse("new.yaml", NEW));
  }

  static ContractDiff.RuleChange change(ContractDiff d, String id) {
    return d.changes().stream().filter(c -> c.ruleId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void classifiesEachRuleChange() {
    ContractDiff d = diff();
    assertThat(change(d, "country.allowed").kind()).isEqualTo(ContractDiff.Kind.CHANGED);
    assertThat(change(d, "country.allowed").details())
        .containsExactly("allowed values added: [MX]", "allowed values removed: [GB]");
    assertThat(change(d, "employees.range").kind()).isEqualTo(ContractDiff.Kind.TIGHTENED);
    assertThat(change(d, "employees.range").details()).containsExactly("range maximum 1000 -> 100");
    assertThat(change(d, "name.length").kind()).isEqualTo(ContractDiff.Kind.LOOSENED);
    assertThat(change(d, "title.required").kind()).isEqualTo(ContractDiff.Kind.LOOSENED);
    assertThat(change(d, "title.required").details()).containsExactly("threshold <= 2% -> <= 5%");
    assertThat(change(d, "code.pattern").kind()).as("a new regex has no known direction").isEqualTo(ContractDiff.Kind.CHANGED);
    assertThat(change(d, "fax.required").kind()).isEqualTo(ContractDiff.Kind.REMOVED);
    assertThat(change(d, "email.required").kind()).isEqualTo(ContractDiff.Kind.ADDED);
    assertThat(d.changes()).extracting(ContractDiff.RuleChange::ruleId).doesNotContain("id.required");
    assertThat(d.fieldsAdded()).containsExactly("email");
    assertThat(d.fieldsRemoved()).containsExactly("fax");
    assertThat(ContractDiff.between(DataContracts.parse("a", OLD), DataContracts.parse("b", OLD)).isEmpty()).isTrue();
  }

  @Test
  void withRowsCountsWhatNewlyFailsAndPasses() {
    ContractDiff.Impact impact = diff().impact(Instant.parse("2026-01-01T00:00:00Z"));
    impact.add("a", Records.of(Map.of("id", "a", "country", "GB", "employees", "50", "name", "Al", "fax", "1",
        "email", "a@b.co", "title", "x", "code", "ABC")));    // GB no longer allowed
    impact.add("b", Records.of(Map.of("id", "b", "country", "MX", "employees", "50", "name", "Bo", "fax", "1",
        "email", "b@b.co", "title", "x", "code", "AB")));     // MX and AB now fine
    impact.add("c", Records.of(Map.of("id", "c", "country", "US", "employees", "500", "name", "Cy", "fax", "1",
        "email", "c@b.co", "title", "x", "code", "ABC")));    // 500 employees over the new max
    impact.add("d", Records.of(Map.of("id", "d", "country", "US", "employees", "5", "name", "Di", "fax", "1",
        "email", "d@b.co", "title", "x", "code", "ABC")));    // unchanged
    assertThat(impact.rows()).isEqualTo(4);
    assertThat(impact.newlyFailing()).isEqualTo(2);
    assertThat(impact.newlyFailingSamples()).containsExactly("a", "c");
    assertThat(impact.newlyPassing()).isEqualTo(1);
    assertThat(impact.newlyPassingSamples()).containsExactly("b");
    assertThat(impact.perRule().get("country.allowed")).containsExactly(1, 1);
    assertThat(impact.perRule().get("employees.range")).containsExactly(1, 0);
    assertThat(impact.perRule().get("code.pattern")).containsExactly(0, 1);
  }
}
