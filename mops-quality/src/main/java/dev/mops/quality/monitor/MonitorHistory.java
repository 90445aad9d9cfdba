package dev.mops.quality.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The history of monitor runs: an append-only file of JSON lines, one {@link MonitorSnapshot} per
 * run, that several monitors may share (each reads its own lines, by name).
 *
 * <p>{@link #record} reads the history, evaluates the run against it and appends the run, all
 * under an exclusive lock: an operating-system file lock ({@link FileChannel#lock()}) between
 * processes, and a lock per file within this JVM (the file lock alone does not exclude threads of
 * one process). Two runs that race are serialised: the second sees the first in its history, and
 * each line is written whole by one write, so a line is never interleaved with another.
 * Existing lines are never rewritten. A line cut short by a crash, or any line that is not a
 * monitor run, is skipped with a note, and the next run starts on a fresh line.
 *
 * <p>Limits: a history file larger than {@link #MAX_BYTES} is refused ({@link IOException}): rotate
 * it (start a new file with its most recent lines).
 *
 * <p>Thread safety: safe to use from many threads and processes at once, as described above.
 * The file lock is advisory: programs other than mops that write the file must take it too.
 */
public final class MonitorHistory {

  /** The largest history file read, 64 MB (about 200,000 runs of a ten-metric monitor). */
  public static final long MAX_BYTES = 64L << 20;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final Path file;

  private MonitorHistory(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  /** Returns the history kept in {@code file} (created on the first {@link #record}). */
  public static MonitorHistory at(Path file) {
    return new MonitorHistory(Objects.requireNonNull(file, "file"));
  }

  /** Returns the history file. */
  public Path file() {
    return file;
  }

  /**
   * Reads every run in the history, of every monitor, in file order; unreadable lines are skipped
   * and described in {@code notes}. Reads without the lock: a run being appended at the same time
   * may be missing, never half-read (an incomplete last line is skipped).
   *
   * @throws IOException when the file cannot be read or is over {@link #MAX_BYTES}
   */
  public List<MonitorSnapshot> read(List<String> notes) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    if (Files.size(file) > MAX_BYTES) {
      throw tooLarge(Files.size(file));
    }
    return parse(Files.readAllBytes(file), notes);
  }

  /**
   * Evaluates {@code run} of {@code monitor} against the earlier runs in the history and appends
   * it (with the metrics that alerted), under the lock; returns the result.
   *
   * @throws IOException when the file cannot be read or written, or is over {@link #MAX_BYTES}
   */
  public MonitorResult record(Monitor monitor, MonitorRun run) throws IOException {
    return record(monitor, run.snapshot(), run.notes());
  }

  /**
   * Evaluates {@code snapshot} of {@code monitor} against the earlier runs in the history and
   * appends it, under the lock; {@code notes} are carried into the result.
   *
   * @throws IOException when the file cannot be read or written, or is over {@link #MAX_BYTES}
   */
  public MonitorResult record(Monitor monitor, MonitorSnapshot snapshot, List<String> notes) throws IOException {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(snapshot, "snapshot");
    if (!snapshot.monitor().equals(monitor.name())) {
      throw new IllegalArgumentException("snapshot of monitor '" + snapshot.monitor() + "', not '" + monitor.name() + "'");
    }
    ReentrantLock jvmLock = LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
    jvmLock.lock();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
      long size = ch.size();
      if (size > MAX_BYTES) {
        throw tooLarge(size);
      }
      ByteBuffer all = ByteBuffer.allocate((int) size);
      while (all.hasRemaining() && ch.read(all, all.position()) >= 0) {
        // read until full
      }
      byte[] bytes = all.array();
      List<String> allNotes = new ArrayList<>(notes);
      List<MonitorSnapshot> past = parse(bytes, allNotes);
      MonitorResult result = MonitorResult.evaluate(monitor, snapshot, past, allNotes);
      boolean newline = size > 0 && bytes[bytes.length - 1] != '\n';
      byte[] line = ((newline ? "\n" : "") + result.snapshot().toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8);
      ByteBuffer out = ByteBuffer.wrap(line);
      long at = size;
      while (out.hasRemaining()) {
        at += ch.write(out, at);
      }
      ch.force(false);
      if (!lock.isValid()) {
        throw new IOException("lost the lock on " + file);
      }
      return result;
    } finally {
      jvmLock.unlock();
    }
  }

  private IOException tooLarge(long size) {
    return new IOException("monitor history " + file + " is " + size + " bytes, over the limit of " + MAX_BYTES
        + "; rotate it (keep its most recent lines in a new file)");
  }

  static List<MonitorSnapshot> parse(byte[] bytes, List<String> notes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<MonitorSnapshot> out = new ArrayList<>();
    int lineNo = 0;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      boolean complete = end >= 0;
      String line = complete ? text.substring(start, end) : text.substring(start);
      start = complete ? end + 1 : text.length();
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(snapshot(line));
      } catch (IllegalArgumentException e) {
        notes.add("history line " + lineNo + " skipped: " + (complete ? "" : "incomplete last line; ") + e.getMessage());
      }
    }
    return out;
  }

  /** Parses one history line. */
  static MonitorSnapshot snapshot(String line) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Instant asOf;
    try {
      asOf = Instant.parse(text(n, "as_of"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("as_of is not an ISO-8601 instant", e);
    }
    JsonNode metrics = n.get("metrics");
    if (metrics == null || !metrics.isObject()) {
      throw new IllegalArgumentException("no 'metrics' object");
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : metrics.properties()) {
      JsonNode v = e.getValue();
      if (v.isNull()) {
        values.put(e.getKey(), Double.NaN);
      } else if (v.isNumber()) {
        values.put(e.getKey(), v.doubleValue());
      } else {
        throw new IllegalArgumentException("metric '" + e.getKey() + "' is not a number");
      }
    }
    List<String> alerts = new ArrayList<>();
    JsonNode a = n.get("alerts");
    if (a != null && a.isArray()) {
      a.forEach(x -> alerts.add(x.asText()));
    }
    JsonNode rows = n.get("rows");
    return new MonitorSnapshot(text(n, "monitor"), optional(n, "monitor_version"), optional(n, "monitor_hash"),
        optional(n, "dataset"), asOf, rows != null && rows.canConvertToLong() ? rows.asLong() : 0, values, alerts);
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("no '" + key + "' text");
    }
    return v.asText();
  }

  private static String optional(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? "" : v.asText();
  }
}
