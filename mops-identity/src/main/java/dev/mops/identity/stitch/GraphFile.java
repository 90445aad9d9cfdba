package dev.mops.identity.stitch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The binary file of a saved {@link IdentityGraph}: a magic number, a format version, the type
 * names, the identifiers with their profile roots and times, the retained observations, the
 * statistics and the junk tracking, then a CRC-32 of all that came before.
 *
 * <p>Thread safety: stateless; the graph holds its lock while saving.
 */
final class GraphFile {

  static final int MAGIC = 0x4D4F5053; // "MOPS"
  static final int KIND = 0x53544348; // "STCH"
  static final int FORMAT_VERSION = 1;

  private GraphFile() {}

  static void save(IdentityGraph graph, Path file) throws IOException {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = Files.createTempFile(dir, abs.getFileName().toString() + ".", ".tmp");
    boolean moved = false;
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream raw = Channels.newOutputStream(ch);
        CRC32 crc = new CRC32();
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(raw, crc), 1 << 16));
        write(graph, out);
        out.flush();
        out.writeLong(crc.getValue());
        out.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static void write(IdentityGraph graph, DataOutputStream out) throws IOException {
    IdentityGraph.State s = graph.state();
    StitchConfig c = graph.config();
    out.writeInt(MAGIC);
    out.writeInt(KIND);
    out.writeInt(FORMAT_VERSION);
    writeString(out, c.name());
    writeString(out, c.version());
    writeString(out, c.contentHash());
    String[] types = s.typeNames();
    out.writeInt(types.length);
    for (String t : types) {
      writeString(out, t);
    }
    int n = s.slots();
    out.writeInt(n);
    for (int i = 0; i < n; i++) {
      out.writeByte(s.type(i));
      writeString(out, s.value(i));
      out.writeInt(s.root(i));
      out.writeLong(s.first(i));
      out.writeLong(s.last(i));
      out.writeFloat(s.confidence(i));
    }
    int live = 0;
    for (int o = 0; o < s.observationSlots(); o++) {
      live += s.observationId(o) != null ? 1 : 0;
    }
    out.writeInt(live);
    for (int o = 0; o < s.observationSlots(); o++) {
      String id = s.observationId(o);
      if (id == null) {
        continue;
      }
      writeString(out, id);
      out.writeLong(s.observationTs(o));
      writeString(out, s.observationSource(o));
      int[] members = s.observationMembers(o);
      out.writeInt(members.length);
      for (int m : members) {
        out.writeInt(m);
      }
    }
    long[] stats = s.statistics();
    out.writeInt(stats.length);
    for (long v : stats) {
      out.writeLong(v);
    }
    Map<Integer, int[]> junk = s.junk();
    out.writeInt(junk.size());
    for (Map.Entry<Integer, int[]> e : junk.entrySet()) {
      out.writeInt(e.getKey());
      int[] a = e.getValue();
      out.writeInt(a.length);
      for (int v : a) {
        out.writeInt(v);
      }
    }
  }

  static void load(IdentityGraph graph, Path file) throws IOException {
    long size = Files.size(file);
    try (InputStream raw = Files.newInputStream(file)) {
      CRC32 crc = new CRC32();
      BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
      CheckedInputStream checked = new CheckedInputStream(buffered, crc);
      DataInputStream in = new DataInputStream(checked);
      try {
        read(graph, in, file, size);
        long expected = crc.getValue();
        long stored = new DataInputStream(buffered).readLong();
        if (stored != expected) {
          throw new IOException(file + ": the saved graph is damaged (checksum mismatch)");
        }
      } catch (EOFException e) {
        throw new IOException(file + ": the saved graph is truncated", e);
      }
    }
  }

  private static void read(IdentityGraph graph, DataInputStream in, Path file, long size) throws IOException {
    if (in.readInt() != MAGIC || in.readInt() != KIND) {
      throw new IOException(file + " is not a saved mops identity graph");
    }
    int version = in.readInt();
    if (version != FORMAT_VERSION) {
      throw new IOException(file + ": saved graph format version " + version + " is not supported (this mops reads "
          + FORMAT_VERSION + ")");
    }
    readString(in, size);
    readString(in, size);
    readString(in, size);
    IdentityGraph.State s = graph.state();
    int nt = in.readInt();
    String[] types = new String[check(nt, 127, file)];
    for (int i = 0; i < nt; i++) {
      types[i] = readString(in, size);
    }
    if (!Arrays.equals(types, s.typeNames())) {
      throw new IOException(file + ": the graph was saved with identifier types " + Arrays.toString(types)
          + ", the config has " + Arrays.toString(s.typeNames()) + " (same names in the same order needed)");
    }
    int n = check(in.readInt(), (int) Math.min(Integer.MAX_VALUE, size / 25 + 1), file);
    int[] roots = new int[n];
    for (int i = 0; i < n; i++) {
      int t = in.readByte();
      if (t < 0 || t >= nt) {
        throw new IOException(file + ": damaged (type " + t + ")");
      }
      String v = readString(in, size);
      roots[i] = in.readInt();
      if (roots[i] < -1 || roots[i] >= n) {
        throw new IOException(file + ": damaged (root " + roots[i] + ")");
      }
      s.restoreIdentifier(t, v, in.readLong(), in.readLong(), in.readFloat());
    }
    if (s.slots() != n) {
      throw new IOException(file + ": damaged (duplicate identifiers)");
    }
    s.restoreRoots(roots);
    int obs = check(in.readInt(), (int) Math.min(Integer.MAX_VALUE, size / 16 + 1), file);
    for (int o = 0; o < obs; o++) {
      String id = readString(in, size);
      long ts = in.readLong();
      String source = readString(in, size);
      int k = check(in.readInt(), 1 << 20, file);
      int[] members = new int[k];
      for (int j = 0; j < k; j++) {
        members[j] = in.readInt();
        if (members[j] < 0 || members[j] >= n || roots[members[j]] < 0) {
          throw new IOException(file + ": damaged (observation member " + members[j] + ")");
        }
      }
      if (k > 0) {
        s.restoreObservation(id, ts, source, members);
      }
    }
    int ns = check(in.readInt(), 64, file);
    long[] stats = new long[ns];
    for (int i = 0; i < ns; i++) {
      stats[i] = in.readLong();
    }
    s.restoreStatistics(stats);
    int nj = check(in.readInt(), n, file);
    for (int i = 0; i < nj; i++) {
      int id = in.readInt();
      int len = check(in.readInt(), 1 << 10, file);
      int[] a = new int[len];
      for (int j = 0; j < len; j++) {
        a[j] = in.readInt();
      }
      if (id < 0 || id >= n || len < 1) {
        throw new IOException(file + ": damaged (junk entry)");
      }
      int[] anchors = Arrays.copyOfRange(a, 1, len);
      for (int x : anchors) {
        if (x < 0 || x >= n) {
          throw new IOException(file + ": damaged (junk anchor)");
        }
      }
      s.restoreJunk(id, a[0], anchors);
    }
  }

  private static int check(int count, int max, Path file) throws IOException {
    if (count < 0 || count > max) {
      throw new IOException(file + ": damaged (count " + count + ")");
    }
    return count;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in, long fileSize) throws IOException {
    int len = in.readInt();
    if (len < 0 || len > fileSize) {
      throw new IOException("damaged saved graph (string of " + len + " bytes)");
    }
    byte[] b = new byte[len];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
