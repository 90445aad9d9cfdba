package dev.mops.core.normalize;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Loads sets of domains and local parts from data files, lower-cased and checked.
 *
 * <p>Thread safety: stateless.
 */
final class DomainSets {

  private DomainSets() {}

  static Set<String> load(DataFile file) {
    Set<String> out = new HashSet<>();
    for (DataFile.Line line : file.lines()) {
      String entry = line.text().toLowerCase(Locale.ROOT);
      if (entry.indexOf(' ') >= 0 || entry.indexOf('\t') >= 0) {
        throw line.error("expected one entry on the line, found '" + line.text() + "'");
      }
      out.add(entry);
    }
    return Set.copyOf(out);
  }

  static Set<String> resource(String name) {
    return load(DataFile.resource(name));
  }

  static Set<String> file(Path path) {
    return load(DataFile.file(path));
  }

  static Set<String> entries(String what, Collection<String> entries) {
    return load(DataFile.entries(what, entries));
  }
}
