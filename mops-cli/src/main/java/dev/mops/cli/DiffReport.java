package dev.mops.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one output of the config diffs ({@code contract-diff}, {@code taxonomy-diff}, {@code
 * channels-diff}, {@code score-diff}): both versions with their files and hashes, then sections of lines as text, or
 * the same content as one JSON object for CI ({@code --json}).
 *
 * <p>Thread safety: not thread-safe; one per command run.
 */
final class DiffReport {

  private final String command;
  private final Map<String, @Nullable Object> json = new LinkedHashMap<>();
  private final List<String> text = new ArrayList<>();

  DiffReport(String command) {
    this.command = command;
    json.put("diff", command);
  }

  /** Records both versions: the file, name, version and content hash of each. */
  void versions(String oldFile, String oldName, String oldVersion, String oldHash, String newFile, String newName,
      String newVersion, String newHash) {
    json.put("old", version(oldFile, oldName, oldVersion, oldHash));
    json.put("new", version(newFile, newName, newVersion, newHash));
    json.put("same_content", oldHash.equals(newHash));
    text.add(command + ": " + oldName + " " + oldVersion + " -> " + newName + " " + newVersion
        + (oldHash.equals(newHash) ? " (same content)" : ""));
    text.add("  old: " + oldFile + "  version " + oldVersion + "  " + oldHash);
    text.add("  new: " + newFile + "  version " + newVersion + "  " + newHash);
  }

  private static Map<String, @Nullable Object> version(String file, String name, String version, String hash) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("file", file);
    m.put("name", name);
    m.put("version", version);
    m.put("hash", hash);
    return m;
  }

  /** Puts a value (string, number, boolean, list or map of those) into the JSON form. */
  void put(String key, @Nullable Object value) {
    json.put(key, value);
  }

  /** Adds a line to the text form. */
  void line(String line) {
    text.add(line);
  }

  void print(PrintWriter out, boolean asJson) {
    if (asJson) {
      StringBuilder sb = new StringBuilder(1024);
      write(sb, json);
      out.println(sb);
    } else {
      text.forEach(out::println);
    }
    out.flush();
  }

  static void write(StringBuilder sb, @Nullable Object v) {
    dev.mops.core.io.JsonText.value(sb, v);
  }
}
