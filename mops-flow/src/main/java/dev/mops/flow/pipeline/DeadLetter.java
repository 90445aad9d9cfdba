package dev.mops.flow.pipeline;

import dev.mops.core.io.JsonText;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A record a stage could not handle after its retries: the stage, a stable error code, a message,
 * the attempts made, where the record came from, and the record as it was read (so a replay starts
 * from the original, not from what earlier stages made of it).
 *
 * <p>One dead letter is one JSON Lines line ({@link #toJson()}, {@link #parse(String)}):
 * <pre>{@code {"stage":"enrich","code":"ENRICH_TIMEOUT","message":"...","attempts":3,
 *  "record_number":17,"lead_id":"L-17","record":{"id":"L-17","email":"ana@acme.com",...}}}</pre>
 *
 * <p>Thread safety: an immutable value.
 *
 * @param stage the stage that failed the record
 * @param code the error code ({@code CONTRACT_REQUIRED}, {@code ENRICH_TIMEOUT}, ...)
 * @param message what went wrong
 * @param attempts attempts made (1 for a stage without retries; 0 when refused by an open breaker)
 * @param recordNumber the record's 1-based position in its input
 * @param leadId the record's id, or null when it has none
 * @param record the record as read, field to value
 */
public record DeadLetter(
    PipelineStage stage, String code, String message, int attempts, long recordNumber, @Nullable String leadId,
    Map<String, @Nullable Object> record) {

  /** Copies the record, keeping its field order. */
  public DeadLetter {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    record = Collections.unmodifiableMap(new LinkedHashMap<>(record));
  }

  /** Returns the original record as a {@link Record}. */
  public Record original() {
    return Records.of(record);
  }

  /** Returns the dead letter as one line of JSON (no line break). */
  public String toJson() {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("stage", stage.label());
    m.put("code", code);
    m.put("message", message);
    m.put("attempts", (long) attempts);
    m.put("record_number", recordNumber);
    m.put("lead_id", leadId);
    m.put("record", record);
    return JsonText.value(m);
  }

  /**
   * Parses one line written by {@link #toJson()}.
   *
   * @throws IllegalArgumentException when the line is not such a dead letter; the message says why
   */
  public static DeadLetter parse(String line) {
    Record r = Records.parseJson(line);
    Object stage = r.get("stage");
    Object code = r.get("code");
    Object rec = r.get("record");
    if (stage == null || code == null || !(rec instanceof Record original)) {
      throw new IllegalArgumentException("not a dead letter: it needs 'stage', 'code' and a 'record' object");
    }
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    for (String f : original.fieldNames()) {
      fields.put(f, original.get(f));
    }
    Object message = r.get("message");
    Object attempts = r.get("attempts");
    Object number = r.get("record_number");
    Object id = r.get("lead_id");
    return new DeadLetter(PipelineStage.parse(stage.toString()), code.toString(), message == null ? "" : message.toString(),
        attempts instanceof Number n ? n.intValue() : 0, number instanceof Number n ? n.longValue() : 0,
        id == null ? null : id.toString(), fields);
  }
}
