package dev.mops.identity.dedupe;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A reference to one input record: the source it came from and its id there.
 *
 * <p>References order by source, then id, which is how dedupe makes its results independent of
 * input order.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param source the source name ({@code ""} when deduplicating one source)
 * @param id the record's id in its source
 */
public record RecordRef(String source, String id) implements Comparable<RecordRef> {

  private static final Comparator<RecordRef> ORDER =
      Comparator.comparing(RecordRef::source).thenComparing(RecordRef::id);

  /** Validates the components. */
  public RecordRef {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(id, "id");
  }

  /** Returns a reference to a record of the single, unnamed source. */
  public static RecordRef of(String id) {
    return new RecordRef("", id);
  }

  /**
   * Returns a truth map ({@code record id -> entity id}) of the single, unnamed source keyed by
   * reference, as {@link PairwiseScore#of} and {@link DedupeResult#blockingRecall} take it.
   */
  public static Map<RecordRef, String> truthOf(Map<String, String> entityOfId) {
    Map<RecordRef, String> t = new HashMap<>(entityOfId.size() * 2);
    entityOfId.forEach((id, e) -> t.put(of(id), e));
    return t;
  }

  @Override
  public int compareTo(RecordRef o) {
    return ORDER.compare(this, o);
  }

  /** Returns {@code id}, or {@code source:id} when the source is named. */
  @Override
  public String toString() {
    return source.isEmpty() ? id : source + ":" + id;
  }
}
