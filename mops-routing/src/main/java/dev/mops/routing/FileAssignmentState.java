package dev.mops.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.function.Function;

/**
 * An assignment state kept in a JSON file, for the CLI and small jobs: loaded by {@link #open},
 * held in memory while routing, and written back by {@link #save} and {@link #close}.
 *
 * <p>Writes are atomic: the state goes to a temporary file in the same folder, is forced to disk,
 * and is then moved over the old file in one step, so a crash mid-write leaves the previous state
 * whole, never a half-written one. While a {@code FileAssignmentState} is open it holds an
 * exclusive lock on {@code <file>.lock}; a second process (or a second {@code open} in the same
 * JVM) that opens the same file fails at once instead of losing the other's counts.
 *
 * <p>Thread safety: thread-safe, like the in-memory state it wraps; {@link #save} may run while
 * other threads route.
 */
public final class FileAssignmentState implements AssignmentState, AutoCloseable {

  /** The format tag written in every state file. */
  public static final String FORMAT = "mops-routing-state/1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final LedgerState ledger;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private boolean closed;

  private FileAssignmentState(Path file, LedgerState ledger, FileChannel lockChannel, FileLock lock) {
    this.file = file;
    this.ledger = ledger;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens the state in {@code file} (an empty state when the file does not exist yet) and locks it.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalStateException when another process or instance holds the lock
   * @throws IllegalArgumentException when the file is not a routing state
   */
  public static FileAssignmentState open(Path file) throws IOException {
    Path abs = file.toAbsolutePath();
    Path lockFile = abs.resolveSibling(abs.getFileName() + ".lock");
    FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    if (lock == null) {
      ch.close();
      throw new IllegalStateException("routing state " + file + " is in use by another process (lock " + lockFile + ")");
    }
    try {
      LedgerState s = Files.exists(abs) ? read(abs) : new LedgerState();
      return new FileAssignmentState(abs, s, ch, lock);
    } catch (IOException | RuntimeException e) {
      lock.release();
      ch.close();
      throw e;
    }
  }

  /**
   * Reads the state in {@code file} into a new in-memory state, without locking the file and
   * without ever writing it: for what-if runs (such as {@code mops route-diff}) that must start
   * from today's rotation positions and counts but leave them as they are. Each call returns an
   * independent copy; a file that does not exist gives an empty state.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when the file is not a routing state
   */
  public static AssignmentState snapshot(Path file) throws IOException {
    Path abs = file.toAbsolutePath();
    return Files.exists(abs) ? read(abs) : new LedgerState();
  }

  /** Returns the state file. */
  public Path file() {
    return file;
  }

  @Override
  public <T> T atomically(Function<? super Ledger, ? extends T> work) {
    return ledger.atomically(work);
  }

  /** Writes the state to its file atomically (temporary file, force, move). */
  public void save() throws IOException {
    byte[] bytes;
    ledger.lock.lock();
    try {
      bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(ledger));
    } finally {
      ledger.lock.unlock();
    }
    Path dir = file.getParent();
    Path tmp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
    try {
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          out.write(buf);
        }
        out.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system of " + file + " cannot replace files atomically", e);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Saves the state and releases the lock; later calls do nothing. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      save();
    } finally {
      try {
        lock.release();
      } finally {
        lockChannel.close();
      }
    }
  }

  static ObjectNode toJson(LedgerState s) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    ObjectNode pools = root.putObject("pools");
    for (Map.Entry<String, long[]> e : s.rotations.entrySet()) {
      pools.putObject(e.getKey()).put("rotation", e.getValue()[0]);
    }
    for (Map.Entry<String, Map<String, long[]>> e : s.poolCounts.entrySet()) {
      ObjectNode p = pools.has(e.getKey()) ? (ObjectNode) pools.get(e.getKey()) : pools.putObject(e.getKey());
      ObjectNode a = p.putObject("assigned");
      e.getValue().forEach((rep, n) -> a.put(rep, n[0]));
    }
    ObjectNode reps = root.putObject("reps");
    for (Map.Entry<String, LedgerState.RepCounts> e : s.repCounts.entrySet()) {
      ObjectNode r = reps.putObject(e.getKey());
      periods(r.putObject("days"), e.getValue().days);
      periods(r.putObject("weeks"), e.getValue().weeks);
    }
    return root;
  }

  private static void periods(ObjectNode out, LedgerState.Periods p) {
    for (int k = 0; k < p.size; k++) {
      out.put(Long.toString(p.index[k]), p.count[k]);
    }
  }

  static LedgerState read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not a routing state (malformed JSON: " + e.getOriginalMessage() + ")", e);
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(file + " is not a routing state (expected \"format\": \"" + FORMAT + "\")");
    }
    LedgerState s = new LedgerState();
    try {
      for (Map.Entry<String, JsonNode> e : root.path("pools").properties()) {
        if (e.getValue().has("rotation")) {
          s.rotation(e.getKey(), number(e.getValue().get("rotation")));
        }
        for (Map.Entry<String, JsonNode> r : e.getValue().path("assigned").properties()) {
          s.poolCounts.computeIfAbsent(e.getKey(), k -> new java.util.HashMap<>()).put(r.getKey(), new long[] {number(r.getValue())});
        }
      }
      for (Map.Entry<String, JsonNode> e : root.path("reps").properties()) {
        LedgerState.RepCounts c = s.repCounts.computeIfAbsent(e.getKey(), k -> new LedgerState.RepCounts());
        for (Map.Entry<String, JsonNode> x : e.getValue().path("days").properties()) {
          c.days.add(Long.parseLong(x.getKey()), (int) number(x.getValue()));
        }
        for (Map.Entry<String, JsonNode> x : e.getValue().path("weeks").properties()) {
          c.weeks.add(Long.parseLong(x.getKey()), (int) number(x.getValue()));
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + " is not a routing state (a period index is not a number)", e);
    }
    return s;
  }

  private static long number(JsonNode n) {
    if (!n.canConvertToLong() || n.asLong() < 0) {
      throw new IllegalArgumentException("expected a count of 0 or more, found " + n);
    }
    return n.asLong();
  }

}
