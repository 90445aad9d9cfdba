package dev.mops.planning.checklist;

import dev.mops.core.Severity;
import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.condition.Condition;
import dev.mops.core.condition.ConditionYaml;
import dev.mops.core.condition.Conditions;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigException;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.config.ConfigNode.MapNode;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Record;
import dev.mops.core.record.Schema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A checklist used as a gate: named items, each a mops condition over a campaign record ({@code
 * when}) or the outcome of another planning check ({@code check: calendar}), with an optional
 * waiver ({@code waive_when}); loaded from versioned YAML.
 *
 * <pre>
 * version: 1
 * name: email-launch-gate
 * items:
 *   - name: has_owner
 *     when: {exists: owner}
 *   - name: legal_review
 *     when: {eq: {field: legal_approved, value: "yes"}}
 *     waive_when: {eq: {field: region, value: US}}
 *     waive_reason: US promotions need no legal sign-off
 *   - name: calendar_clear
 *     check: calendar
 *     severity: warning
 * </pre>
 *
 * <p>An item passes when its condition matches (or its check passed); otherwise it is waived when
 * its waiver matches, else it fails. A failed item of severity {@code error} (the default) closes
 * the gate; a failed {@code warning} does not. An item naming a check the caller did not run fails
 * ("not run") unless waived.
 *
 * <p>Thread safety: immutable; {@link #evaluate} may be called from any number of threads.
 */
public final class Checklist {

  /**
   * One item of a checklist.
   *
   * @param name its name, unique in the checklist
   * @param when the condition that must hold, or {@code null} when the item names a check
   * @param check the other check it reads ({@code calendar}, {@code preflight}, ...), or {@code null}
   * @param waiveWhen the waiver's condition, or {@code null}
   * @param waiveReason why the waiver applies
   * @param severity how serious a failure is
   */
  public record Item(String name, @Nullable Condition when, @Nullable String check, @Nullable Condition waiveWhen,
      String waiveReason, Severity severity) {
    /** Validates the components: exactly one of {@code when} and {@code check}. */
    public Item {
      Objects.requireNonNull(name, "name");
      if ((when == null) == (check == null)) {
        throw new IllegalArgumentException("checklist item " + name + " needs exactly one of when and check");
      }
      Objects.requireNonNull(waiveReason, "waiveReason");
      Objects.requireNonNull(severity, "severity");
    }
  }

  private static final Set<String> ITEM_KEYS = Set.of("name", "when", "check", "waive_when", "waive_reason", "severity");

  private final String name;
  private final String version;
  private final String contentHash;
  private final List<Item> items;
  private final Schema schema;
  private final List<@Nullable CompiledCondition> when = new ArrayList<>();
  private final List<@Nullable CompiledCondition> waivers = new ArrayList<>();

  /** Creates a checklist in code. */
  public Checklist(String name, String version, List<Item> items) {
    this(name, version, "", items);
  }

  private Checklist(String name, String version, String contentHash, List<Item> items) {
    this.name = Objects.requireNonNull(name, "name");
    this.version = Objects.requireNonNull(version, "version");
    this.contentHash = contentHash;
    this.items = List.copyOf(items);
    Set<String> names = new HashSet<>();
    Set<String> fields = new LinkedHashSet<>();
    for (Item i : this.items) {
      if (!names.add(i.name())) {
        throw new IllegalArgumentException("checklist item " + i.name() + " appears twice");
      }
      if (i.when() != null) {
        fields.addAll(Conditions.fieldsOf(i.when()));
      }
      if (i.waiveWhen() != null) {
        fields.addAll(Conditions.fieldsOf(i.waiveWhen()));
      }
    }
    this.schema = Schema.of(fields);
    for (Item i : this.items) {
      when.add(i.when() == null ? null : CompiledCondition.compile(i.when(), schema));
      waivers.add(i.waiveWhen() == null ? null : CompiledCondition.compile(i.waiveWhen(), schema));
    }
  }

  /** Loads a checklist from a YAML or JSON file; throws a {@link ConfigException} naming the position when invalid. */
  public static Checklist load(Path file) {
    return fromDocument(ConfigLoader.standard().load(file));
  }

  /** Loads a checklist from YAML text; {@code source} names it in errors. */
  public static Checklist parse(String source, String yaml) {
    return fromDocument(ConfigLoader.standard().loadString(source, yaml));
  }

  /** Reads a checklist from a loaded document. */
  public static Checklist fromDocument(ConfigDocument doc) {
    MapNode root = doc.root().checkKeys(Set.of("version", "name", "description", "items"));
    List<Item> items = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode n : root.list("items").items()) {
      MapNode m = n.asMap("a checklist item").checkKeys(ITEM_KEYS);
      ConfigNode nameNode = m.require("name", "the item's name");
      String itemName = nameNode.asText("a name").trim();
      if (!names.add(itemName)) {
        throw nameNode.error("expected a unique item name, found '" + itemName + "' twice");
      }
      ConfigNode w = m.get("when");
      ConfigNode c = m.get("check");
      if ((w == null) == (c == null)) {
        throw m.error("expected exactly one of 'when' (a condition) and 'check' (another check's name)");
      }
      ConfigNode ww = m.get("waive_when");
      Severity severity = Severity.ERROR;
      ConfigNode s = m.get("severity");
      if (s != null) {
        try {
          severity = Severity.parse(s.asText("info, warning or error"));
        } catch (IllegalArgumentException e) {
          throw s.error("expected info, warning or error, found " + s.describe());
        }
      }
      items.add(new Item(itemName, w == null ? null : ConditionYaml.read(w, null),
          c == null ? null : c.asText("a check name").trim(), ww == null ? null : ConditionYaml.read(ww, null),
          m.string("waive_reason", "waived"), severity));
    }
    return new Checklist(root.string("name", "checklist"), doc.version(), doc.contentHash(), items);
  }

  /** Returns the checklist's name. */
  public String name() {
    return name;
  }

  /** Returns its version. */
  public String version() {
    return version;
  }

  /** Returns the hash of the document it came from ({@code ""} when built in code). */
  public String contentHash() {
    return contentHash;
  }

  /** Returns the items, in order. */
  public List<Item> items() {
    return items;
  }

  /** Returns the names of the other checks the items read. */
  public Set<String> checksNamed() {
    Set<String> out = new LinkedHashSet<>();
    for (Item i : items) {
      if (i.check() != null) {
        out.add(i.check());
      }
    }
    return out;
  }

  /**
   * Evaluates every item on {@code record}.
   *
   * @param record the campaign (or any) record the conditions read
   * @param external the outcomes of other checks by name ({@code calendar}, {@code preflight})
   * @param now the instant time conditions measure from
   */
  public GateResult evaluate(Record record, Map<String, ExternalCheck> external, Instant now) {
    ArrayRow row = schema.row(record);
    List<CheckResult> out = new ArrayList<>(items.size());
    for (int x = 0; x < items.size(); x++) {
      Item item = items.get(x);
      boolean passed;
      String reason;
      CompiledCondition w = when.get(x);
      if (w != null) {
        passed = w.test(row, now);
        reason = passed ? "" : w.explain(row, now).describe().strip().replaceAll("\\s*\\n\\s*", "; ");
      } else {
        ExternalCheck e = external.get(item.check());
        passed = e != null && e.passed();
        reason = e == null ? "check " + item.check() + " was not run" : e.reason();
      }
      CompiledCondition waiver = waivers.get(x);
      if (passed) {
        out.add(new CheckResult(item.name(), CheckStatus.PASS, item.severity(), ""));
      } else if (waiver != null && waiver.test(row, now)) {
        out.add(new CheckResult(item.name(), CheckStatus.WAIVED, item.severity(), item.waiveReason()));
      } else {
        out.add(new CheckResult(item.name(), CheckStatus.FAIL, item.severity(), reason));
      }
    }
    return new GateResult(name, version, out);
  }
}
