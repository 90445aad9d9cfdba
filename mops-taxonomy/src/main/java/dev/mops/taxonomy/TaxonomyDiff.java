package dev.mops.taxonomy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What changes between two versions of a UTM taxonomy, before the new one ships: parameters
 * declared or dropped, parameters that became required or optional, allowed values added and
 * removed per parameter; and, for the URLs {@linkplain Impact#add added}, which ones change lint
 * result (valid to invalid, invalid to valid, or other issues).
 *
 * <p>Thread safety: the diff is immutable; an {@link Impact} is for one thread.
 */
public final class TaxonomyDiff {

  /**
   * How one parameter changed.
   *
   * @param parameter the parameter
   * @param change {@code declared}, {@code dropped}, {@code now required}, {@code now optional} or
   *     {@code values}
   * @param valuesAdded allowed values only in the new taxonomy
   * @param valuesRemoved allowed values only in the old taxonomy
   */
  public record ParameterChange(UtmParameter parameter, String change, List<String> valuesAdded,
      List<String> valuesRemoved) {

    /** Copies the lists. */
    public ParameterChange {
      Objects.requireNonNull(parameter, "parameter");
      Objects.requireNonNull(change, "change");
      valuesAdded = List.copyOf(valuesAdded);
      valuesRemoved = List.copyOf(valuesRemoved);
    }
  }

  /**
   * One URL whose lint result changes.
   *
   * @param key the URL's key (a line number or id)
   * @param url the URL
   * @param before the old taxonomy's result
   * @param after the new taxonomy's result
   */
  public record UrlChange(String key, String url, LintResult before, LintResult after) {

    /** Returns {@code valid}, {@code invalid} or {@code fixable} for a result. */
    public static String status(LintResult r) {
      return r.valid() ? "valid" : r.fixedUrl() != null ? "fixable" : "invalid";
    }
  }

  private final Taxonomy before;
  private final Taxonomy after;
  private final List<ParameterChange> changes;

  private TaxonomyDiff(Taxonomy before, Taxonomy after, List<ParameterChange> changes) {
    this.before = before;
    this.after = after;
    this.changes = List.copyOf(changes);
  }

  /** Compares {@code before} (the taxonomy in use) with {@code after} (the proposed one). */
  public static TaxonomyDiff between(Taxonomy before, Taxonomy after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    List<ParameterChange> out = new ArrayList<>();
    Set<UtmParameter> all = new LinkedHashSet<>();
    for (UtmParameter p : UtmParameter.values()) {
      if (before.declaredParameters().contains(p) || after.declaredParameters().contains(p)) {
        all.add(p);
      }
    }
    for (UtmParameter p : all) {
      boolean a = before.declaredParameters().contains(p);
      boolean b = after.declaredParameters().contains(p);
      List<String> va = before.allowedValues(p);
      List<String> vb = after.allowedValues(p);
      List<String> plus = new ArrayList<>(vb);
      plus.removeAll(va);
      List<String> minus = new ArrayList<>(va);
      minus.removeAll(vb);
      if (a != b) {
        out.add(new ParameterChange(p, b ? "declared" : "dropped", plus, minus));
        continue;
      }
      if (before.isRequired(p) != after.isRequired(p)) {
        out.add(new ParameterChange(p, after.isRequired(p) ? "now required" : "now optional", List.of(), List.of()));
      }
      if (!plus.isEmpty() || !minus.isEmpty()) {
        out.add(new ParameterChange(p, "values", plus, minus));
      }
    }
    return new TaxonomyDiff(before, after, out);
  }

  /** Returns the taxonomy in use. */
  public Taxonomy before() {
    return before;
  }

  /** Returns the proposed taxonomy. */
  public Taxonomy after() {
    return after;
  }

  /** Returns the parameter changes, in {@link UtmParameter} order. */
  public List<ParameterChange> changes() {
    return changes;
  }

  /** Starts measuring which URLs change lint result. */
  public Impact impact() {
    return new Impact();
  }

  /**
   * The URLs whose lint result differs between the two taxonomies: validity, the issues, or the
   * proposed fix. Counts all of them by transition ({@code valid -> invalid}, ...) and keeps the
   * first {@link #MAX_KEPT} in full.
   *
   * <p>Thread safety: not thread-safe; one per thread.
   */
  public final class Impact {

    /** The most changed URLs kept in full. */
    public static final int MAX_KEPT = 1000;

    private final TaxonomyLinter oldLinter = TaxonomyLinter.of(before);
    private final TaxonomyLinter newLinter = TaxonomyLinter.of(after);
    private long urls;
    private long changed;
    private final List<UrlChange> kept = new ArrayList<>();
    private final Map<String, Long> transitions = new LinkedHashMap<>();

    private Impact() {}

    /** Lints {@code url} with both taxonomies; returns the change, or {@code null} when the results agree. */
    public @Nullable UrlChange add(String key, @Nullable String url) {
      urls++;
      LintResult a = oldLinter.lint(url);
      LintResult b = newLinter.lint(url);
      if (a.valid() == b.valid() && a.issueSummary().equals(b.issueSummary())
          && Objects.equals(a.fixedUrl(), b.fixedUrl())) {
        return null;
      }
      changed++;
      UrlChange c = new UrlChange(key, url == null ? "" : url, a, b);
      transitions.merge(UrlChange.status(a) + " -> " + UrlChange.status(b), 1L, Long::sum);
      if (kept.size() < MAX_KEPT) {
        kept.add(c);
      }
      return c;
    }

    /** Returns the URLs linted. */
    public long urls() {
      return urls;
    }

    /** Returns the URLs whose result changes. */
    public long changed() {
      return changed;
    }

    /** Returns the first {@link #MAX_KEPT} changed URLs. */
    public List<UrlChange> changes() {
      return List.copyOf(kept);
    }

    /** Returns how many URLs made each transition, such as {@code valid -> invalid}. */
    public Map<String, Long> transitions() {
      return Collections.unmodifiableMap(new LinkedHashMap<>(transitions));
    }
  }
}
