package dev.mops.flow.pipeline;

import dev.mops.core.io.JsonText;
import dev.mops.core.record.Record;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PipelineOutput} and {@link NotificationSink} that writes a run into one directory, as
 * {@code mops run} does: JSON Lines, UTF-8, one record a line.
 *
 * <table>
 *   <caption>The files of a run</caption>
 *   <tr><th>file</th><th>holds</th></tr>
 *   <tr><td>{@code leads.jsonl}</td><td>every lead that left the last stage, with the fields the
 *       stages added and {@code _findings} (codes and fields of the findings on the way)</td></tr>
 *   <tr><td>{@code dead-letters.jsonl}</td><td>every {@link DeadLetter}</td></tr>
 *   <tr><td>{@code merged.jsonl}</td><td>every duplicate merged away, with {@code _survivor_id} and
 *       {@code _cluster_id}</td></tr>
 *   <tr><td>{@code notifications.jsonl}</td><td>every {@link Notification}</td></tr>
 *   <tr><td>{@code stages/<stage>.jsonl}</td><td>each record as it left the stage, for the stages
 *       asked for</td></tr>
 *   <tr><td>{@code summary.json}</td><td>{@link PipelineResult#toJson()}, written by {@link
 *       #writeSummary} (atomically: a temporary file, then a move)</td></tr>
 * </table>
 *
 * <p>Every record read is in exactly one of {@code leads.jsonl}, {@code dead-letters.jsonl} and
 * {@code merged.jsonl}. Existing files of the same names are replaced.
 *
 * <p>Thread safety: not thread-safe: one run on one thread, as {@link Pipeline#run} calls it. (As
 * a notification sink of {@link Pipeline#process} called from several threads, it needs outside
 * locking.)
 */
public final class PipelineFiles implements PipelineOutput, NotificationSink, Closeable {

  /** The leads file. */
  public static final String LEADS = "leads.jsonl";
  /** The dead-letter file. */
  public static final String DEAD_LETTERS = "dead-letters.jsonl";
  /** The merged-duplicates file. */
  public static final String MERGED = "merged.jsonl";
  /** The notifications file. */
  public static final String NOTIFICATIONS = "notifications.jsonl";
  /** The summary file. */
  public static final String SUMMARY = "summary.json";

  private final Path dir;
  private final Set<PipelineStage> stages;
  private final Writer leads;
  private final Writer dead;
  private final Writer merged;
  private final Writer notifications;
  private final Map<PipelineStage, Writer> stageWriters = new EnumMap<>(PipelineStage.class);
  private final StringBuilder line = new StringBuilder(512);

  private PipelineFiles(Path dir, Set<PipelineStage> stages) throws IOException {
    this.dir = dir;
    this.stages = Set.copyOf(stages);
    Files.createDirectories(dir);
    this.leads = writer(dir.resolve(LEADS));
    this.dead = writer(dir.resolve(DEAD_LETTERS));
    this.merged = writer(dir.resolve(MERGED));
    this.notifications = writer(dir.resolve(NOTIFICATIONS));
    if (!stages.isEmpty()) {
      Files.createDirectories(dir.resolve("stages"));
      for (PipelineStage s : stages) {
        stageWriters.put(s, writer(dir.resolve("stages").resolve(s.label() + ".jsonl")));
      }
    }
  }

  /**
   * Opens the files of a run in {@code dir} (made when missing).
   *
   * @param stages the stages whose output to write under {@code stages/}
   */
  public static PipelineFiles create(Path dir, Set<PipelineStage> stages) throws IOException {
    return new PipelineFiles(Objects.requireNonNull(dir, "dir"), stages);
  }

  private static Writer writer(Path p) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
  }

  /** Returns the directory. */
  public Path dir() {
    return dir;
  }

  @Override
  public Set<PipelineStage> stageOutputs() {
    return stages;
  }

  @Override
  public void stageOutput(PipelineStage stage, Record record) throws IOException {
    Writer w = stageWriters.get(stage);
    if (w != null) {
      line.setLength(0);
      JsonText.value(line, record);
      w.append(line).append('\n');
    }
  }

  @Override
  public void lead(LeadOutcome outcome) throws IOException {
    line.setLength(0);
    leadJson(line, outcome);
    leads.append(line).append('\n');
  }

  /** Writes a lead as {@code leads.jsonl} holds it: its fields, then {@code _findings}. */
  static void leadJson(StringBuilder sb, LeadOutcome outcome) {
    Record r = outcome.record();
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    for (String f : r.fieldNames()) {
      m.put(f, r.get(f));
    }
    if (!outcome.findings().isEmpty()) {
      List<String> fs = new ArrayList<>(outcome.findings().size());
      outcome.findings().forEach(f -> fs.add(f.shortForm()));
      m.put("_findings", fs);
    }
    JsonText.value(sb, m);
  }

  @Override
  public void deadLetter(DeadLetter deadLetter) throws IOException {
    dead.append(deadLetter.toJson()).append('\n');
  }

  @Override
  public void merged(Record duplicate, String survivorId, String clusterId) throws IOException {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    for (String f : duplicate.fieldNames()) {
      m.put(f, duplicate.get(f));
    }
    m.put("_survivor_id", survivorId);
    m.put("_cluster_id", clusterId);
    line.setLength(0);
    JsonText.value(line, m);
    merged.append(line).append('\n');
  }

  @Override
  public void accept(Notification notification) throws IOException {
    notifications.append(notification.toJson()).append('\n');
  }

  /** Writes {@code summary.json} (a temporary file, then a move). */
  public void writeSummary(PipelineResult result) throws IOException {
    Path tmp = dir.resolve(SUMMARY + ".tmp");
    Files.writeString(tmp, result.toJson() + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, dir.resolve(SUMMARY), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Flushes and closes every file; the first failure is thrown after all are closed. */
  @Override
  public void close() throws IOException {
    IOException first = null;
    List<Writer> all = new ArrayList<>(List.of(leads, dead, merged, notifications));
    all.addAll(stageWriters.values());
    for (Writer w : all) {
      try {
        w.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * Reads a dead-letter file written by a run.
   *
   * @throws UncheckedIOException when it cannot be read
   * @throws IllegalArgumentException at the first line that is not a dead letter, naming the file and line
   */
  public static List<DeadLetter> readDeadLetters(Path file) {
    List<DeadLetter> out = new ArrayList<>();
    try (var lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String l;
      long n = 0;
      while ((l = lines.readLine()) != null) {
        n++;
        if (l.isBlank()) {
          continue;
        }
        try {
          out.add(DeadLetter.parse(l));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ":" + n + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return out;
  }
}
