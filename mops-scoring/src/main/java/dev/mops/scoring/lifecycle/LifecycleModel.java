package dev.mops.scoring.lifecycle;

import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.condition.ConditionExplanation;
import dev.mops.core.condition.LeafOutcome;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.record.Row;
import dev.mops.core.record.Schema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * A lead lifecycle: an ordered funnel of stages with entry criteria, plus a recycled and a
 * disqualified stage outside the funnel, and the rules for moving between them.
 *
 * <p>By default the stages are {@code subscriber, lead, mql, sal, sql, opportunity, customer,
 * evangelist}, plus {@code recycled} and {@code disqualified}; a YAML document can rename, reorder
 * or replace them and give entry criteria as mops conditions over a schema of facts the caller
 * chooses (lead fields, score outcomes such as {@code mql} or {@code fit_grade}, ...).
 *
 * <p>Moves are forward-only: {@link #advance} moves a lead to the furthest later stage whose entry
 * criteria it meets (or step by step when {@code allow_skip: false}); {@link #moveTo} makes an
 * explicit forward move, checking the target's criteria; {@link #recycle} and {@link #disqualify}
 * take the lead out of the funnel and need a reason code; a recycled lead re-enters the funnel at
 * {@code recycle_to} or later. Moves listed under {@code allow} (such as customer back to
 * opportunity) are allowed as well. Every operation returns a {@link StageDecision}: the new stage
 * and its transitions, or a refusal with the reason. The model holds no state; the caller keeps
 * the history of transitions.
 *
 * <p>Thread safety: immutable and safe to share.
 */
public final class LifecycleModel {

  /** The default funnel stage names, in order. */
  public static final List<String> DEFAULT_STAGES =
      List.of("subscriber", "lead", "mql", "sal", "sql", "opportunity", "customer", "evangelist");

  /** The default reason codes for recycling and disqualifying. */
  public static final List<String> DEFAULT_REASON_CODES =
      List.of("no_budget", "no_authority", "no_need", "bad_timing", "unresponsive", "competitor", "bad_fit",
          "duplicate", "invalid_contact", "other");


  private final String version;
  private final String contentHash;
  private final List<Stage> funnel;
  private final Map<String, Stage> byName;
  private final @Nullable CompiledCondition[] entry;
  private final String recycled;
  private final String disqualified;
  private final int recycleTo;
  private final Set<String> closed;
  private final boolean allowSkip;
  private final Set<String> reasonCodes;
  private final Set<String> allowed;

  LifecycleModel(String version, String contentHash, List<Stage> funnel, @Nullable CompiledCondition[] entry,
      String recycled, String disqualified, int recycleTo, Set<String> closed, boolean allowSkip,
      Set<String> reasonCodes, Set<String> allowed) {
    this.version = version;
    this.contentHash = contentHash;
    this.funnel = List.copyOf(funnel);
    this.entry = entry;
    this.recycled = recycled;
    this.disqualified = disqualified;
    this.recycleTo = recycleTo;
    this.closed = Collections.unmodifiableSet(new LinkedHashSet<>(closed));
    this.allowSkip = allowSkip;
    this.reasonCodes = Collections.unmodifiableSet(new LinkedHashSet<>(reasonCodes));
    this.allowed = Set.copyOf(allowed);
    Map<String, Stage> m = new LinkedHashMap<>();
    for (Stage s : funnel) {
      m.put(s.name(), s);
    }
    m.put(recycled, new Stage(recycled, -1, null));
    m.put(disqualified, new Stage(disqualified, -1, null));
    this.byName = Collections.unmodifiableMap(m);
  }

  /**
   * Returns the default lifecycle: the {@link #DEFAULT_STAGES} without entry criteria (so leads move
   * only by {@link #moveTo}), skipping allowed, recycled leads re-entering at {@code lead}, {@code
   * customer} and {@code evangelist} closed, and the {@link #DEFAULT_REASON_CODES}.
   */
  public static LifecycleModel defaults() {
    List<Stage> stages = new ArrayList<>();
    for (int i = 0; i < DEFAULT_STAGES.size(); i++) {
      stages.add(new Stage(DEFAULT_STAGES.get(i), i, null));
    }
    return new LifecycleModel(ConfigDocument.UNVERSIONED, "", stages, new CompiledCondition[stages.size()],
        "recycled", "disqualified", 1, Set.of("customer", "evangelist"), true,
        new LinkedHashSet<>(DEFAULT_REASON_CODES), Set.of());
  }

  /**
   * Loads a lifecycle from a YAML or JSON file; entry criteria read fields of {@code facts}.
   *
   * @throws dev.mops.core.config.ConfigException naming the position when the document is invalid
   */
  public static LifecycleModel load(Path file, Schema facts) {
    return from(ConfigLoader.standard().load(file), facts);
  }

  /**
   * Reads a lifecycle from a loaded document (see {@link LifecycleReader}); entry criteria read
   * fields of {@code facts}.
   *
   * @throws dev.mops.core.config.ConfigException naming the position when the document is invalid
   */
  public static LifecycleModel from(ConfigDocument doc, Schema facts) {
    return LifecycleReader.read(doc, facts);
  }

  /** Returns the version of the document the model was read from ({@code unversioned} for defaults). */
  public String version() {
    return version;
  }

  /** Returns the content hash of the document, or {@code ""} for {@link #defaults()}. */
  public String contentHash() {
    return contentHash;
  }

  /** Returns the funnel stages, in order. */
  public List<Stage> stages() {
    return funnel;
  }

  /** Returns every stage by name: the funnel stages, then the recycled and disqualified stages. */
  public Map<String, Stage> stagesByName() {
    return byName;
  }

  /** Returns the name of the recycled stage. */
  public String recycledStage() {
    return recycled;
  }

  /** Returns the name of the disqualified stage. */
  public String disqualifiedStage() {
    return disqualified;
  }

  /** Returns the reason codes accepted by {@link #recycle} and {@link #disqualify}. */
  public Set<String> reasonCodes() {
    return reasonCodes;
  }

  /** Returns the funnel stage where a recycled lead re-enters, at the earliest. */
  public String recycleTo() {
    return funnel.get(recycleTo).name();
  }

  /** Returns the closed stages: their leads are never recycled or disqualified. */
  public Set<String> closedStages() {
    return closed;
  }

  /** Returns whether {@link #advance} may jump over stages ({@code allow_skip}). */
  public boolean allowsSkip() {
    return allowSkip;
  }

  /**
   * Explains the entry criteria of {@code stage} on {@code facts}: the result and the comparisons
   * that decided it, or empty when the stage has no entry criteria (it is entered only by an
   * explicit move).
   *
   * @throws IllegalArgumentException when {@code stage} is not a stage of this model
   */
  public Optional<ConditionExplanation> explainEntry(String stage, Row facts, Instant at) {
    Stage s = stage(stage);
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(at, "at");
    CompiledCondition c = s.inFunnel() ? entry[s.order()] : null;
    return c == null ? Optional.empty() : Optional.of(c.explain(facts, at));
  }

  private Stage stage(String name) {
    Stage s = byName.get(Objects.requireNonNull(name, "stage"));
    if (s == null) {
      throw new IllegalArgumentException("unknown stage '" + name + "'; the lifecycle has " + byName.keySet());
    }
    return s;
  }

  private boolean meets(int order, Row facts, Instant at) {
    CompiledCondition c = entry[order];
    return c != null && c.test(facts, at);
  }

  /**
   * Applies an event or a score change: moves the lead forward to the furthest stage whose entry
   * criteria {@code facts} meet (step by step, and only while each next stage's criteria are met,
   * when {@code allow_skip} is false). A recycled lead may re-enter at {@code recycle_to} or later;
   * a disqualified lead stays. Stages without entry criteria are never entered this way.
   *
   * @param current the lead's current stage
   * @param facts a row of the schema the entry criteria were compiled against
   * @param at the time of the event or score change
   * @throws IllegalArgumentException when {@code current} is not a stage of this model
   */
  public StageDecision advance(String current, Row facts, Instant at) {
    Stage from = stage(current);
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(at, "at");
    if (from.name().equals(disqualified)) {
      return StageDecision.stay(current);
    }
    boolean reopening = from.name().equals(recycled);
    int start = reopening ? recycleTo : from.order() + 1;
    List<StageTransition> out = new ArrayList<>();
    String at0 = current;
    if (allowSkip) {
      for (int i = funnel.size() - 1; i >= start; i--) {
        if (meets(i, facts, at)) {
          out.add(new StageTransition(current, funnel.get(i).name(), at,
              reopening ? StageTransition.Kind.REOPEN : StageTransition.Kind.ADVANCE, null));
          return new StageDecision(funnel.get(i).name(), out, null);
        }
      }
      return StageDecision.stay(current);
    }
    for (int i = start; i < funnel.size() && meets(i, facts, at); i++) {
      boolean first = out.isEmpty();
      out.add(new StageTransition(at0, funnel.get(i).name(), at,
          first && reopening ? StageTransition.Kind.REOPEN : StageTransition.Kind.ADVANCE, null));
      at0 = funnel.get(i).name();
    }
    return out.isEmpty() ? StageDecision.stay(current) : new StageDecision(at0, out, null);
  }

  /**
   * Moves a lead to {@code target} on request (a rep accepting a lead, an opportunity being
   * opened), or refuses with the reason: a backward move, a skip when skipping is off, a move out
   * of the disqualified stage, or entry criteria that {@code facts} do not meet. Moves listed under
   * {@code allow} are always allowed. Use {@link #recycle} and {@link #disqualify} to leave the
   * funnel.
   *
   * @param facts a row for the entry criteria, or {@code null} when the target has none
   * @throws IllegalArgumentException when a stage is unknown
   */
  public StageDecision moveTo(String current, String target, @Nullable Row facts, Instant at) {
    Stage from = stage(current);
    Stage to = stage(target);
    Objects.requireNonNull(at, "at");
    if (from.equals(to)) {
      return StageDecision.refuse(current, "the lead is already in '" + current + "'");
    }
    if (allowed.contains(current + "\u0000" + target)) {
      return one(current, target, at, StageTransition.Kind.ALLOWED, null);
    }
    if (!to.inFunnel()) {
      return StageDecision.refuse(current, "to move to '" + target + "', "
          + (target.equals(recycled) ? "recycle" : "disqualify") + " the lead with a reason code");
    }
    StageTransition.Kind kind = StageTransition.Kind.ADVANCE;
    if (from.name().equals(disqualified)) {
      return StageDecision.refuse(current, "a disqualified lead does not move (add the move to 'allow' to permit it)");
    } else if (from.name().equals(recycled)) {
      if (to.order() < recycleTo) {
        return StageDecision.refuse(current, "a recycled lead re-enters at '" + funnel.get(recycleTo).name() + "' or later");
      }
      kind = StageTransition.Kind.REOPEN;
    } else if (to.order() < from.order()) {
      return StageDecision.refuse(current, "moves are forward-only: '" + target + "' comes before '" + current
          + "' (recycle the lead instead, or add the move to 'allow')");
    } else if (!allowSkip && to.order() > from.order() + 1) {
      return StageDecision.refuse(current, "skipping stages is off: the next stage after '" + current + "' is '"
          + funnel.get(from.order() + 1).name() + "'");
    }
    CompiledCondition c = entry[to.order()];
    if (c != null) {
      if (facts == null) {
        return StageDecision.refuse(current, "'" + target + "' has entry criteria and no facts were given");
      }
      ConditionExplanation why = c.explain(facts, at);
      if (!why.result()) {
        StringJoiner j = new StringJoiner("; ");
        for (LeafOutcome o : why.decidedBy()) {
          j.add(o.describe());
        }
        return StageDecision.refuse(current, "entry criteria of '" + target + "' not met: " + j);
      }
    }
    return one(current, target, at, kind, null);
  }

  /**
   * Takes a lead out of the funnel to the recycled stage, for nurturing, or refuses: an unknown
   * reason code, a closed stage (such as customer), or a lead already recycled or disqualified.
   */
  public StageDecision recycle(String current, String reasonCode, Instant at) {
    return leave(current, recycled, reasonCode, at, StageTransition.Kind.RECYCLE);
  }

  /**
   * Moves a lead to the disqualified stage, or refuses: an unknown reason code, a closed stage, or
   * a lead already disqualified. Recycled leads may be disqualified.
   */
  public StageDecision disqualify(String current, String reasonCode, Instant at) {
    return leave(current, disqualified, reasonCode, at, StageTransition.Kind.DISQUALIFY);
  }

  private StageDecision leave(String current, String target, String reason, Instant at, StageTransition.Kind kind) {
    Stage from = stage(current);
    Objects.requireNonNull(reason, "reasonCode");
    Objects.requireNonNull(at, "at");
    if (!reasonCodes.contains(reason)) {
      return StageDecision.refuse(current, "unknown reason code '" + reason + "', expected one of " + reasonCodes);
    }
    if (from.name().equals(target) || from.name().equals(disqualified)) {
      return StageDecision.refuse(current, "the lead is already " + from.name());
    }
    if (closed.contains(current) && !allowed.contains(current + "\u0000" + target)) {
      return StageDecision.refuse(current, "'" + current + "' is closed: its leads are not " + (kind == StageTransition.Kind.RECYCLE ? "recycled" : "disqualified"));
    }
    return one(current, target, at, kind, reason);
  }

  private static StageDecision one(String from, String to, Instant at, StageTransition.Kind kind, @Nullable String reason) {
    return new StageDecision(to, List.of(new StageTransition(from, to, at, kind, reason)), null);
  }

  @Override
  public String toString() {
    List<String> n = new ArrayList<>();
    funnel.forEach(s -> n.add(s.name()));
    return "LifecycleModel" + n + " + " + recycled + ", " + disqualified;
  }
}
