package dev.mops.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A config as it travels to executors: the text and the name errors give it. Executors compile it
 * once per partition; nothing compiled is ever serialized.
 *
 * <p>Thread safety: an immutable value.
 */
record ConfigText(String source, String text) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** No config: the built-in default of the operation (a broadcast cannot hold null). */
  static final ConfigText NONE = new ConfigText("", "");

  static ConfigText orNone(@Nullable ConfigText text) {
    return text == null ? NONE : text;
  }

  boolean isNone() {
    return source.isEmpty() && text.isEmpty();
  }

  ConfigText {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
  }

  static ConfigText read(Path file) {
    try {
      return new ConfigText(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
