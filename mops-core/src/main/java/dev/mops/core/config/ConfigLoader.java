package dev.mops.core.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A loader of YAML and JSON configuration documents into position-aware {@link ConfigNode} trees.
 *
 * <p>Documents are read as UTF-8. A file whose name ends in {@code .json} is read as JSON, any
 * other as YAML (a superset of JSON). The loader refuses, with a {@link ConfigException} naming the
 * position: malformed syntax, duplicate keys, YAML aliases, non-string keys, more than one
 * document in a stream, a root that is not a map, and anything over its {@link ConfigLimits}.
 *
 * <pre>{@code
 * ConfigDocument doc = ConfigLoader.standard().load(Path.of("scoring.yaml"));
 * String name = doc.root().string("name");
 * }</pre>
 *
 * <p>Thread safety: immutable and safe to share; each call parses independently.
 */
public final class ConfigLoader {

  private static final ConfigLoader STANDARD = new ConfigLoader(ConfigLimits.DEFAULT);

  private final ConfigLimits limits;
  private final YAMLFactory yaml;
  private final JsonFactory json;

  private ConfigLoader(ConfigLimits limits) {
    this.limits = limits;
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth() + 1)
            .maxStringLength(Math.max(limits.maxStringLength(), 1024))
            .maxNameLength(Math.max(limits.maxStringLength(), 1024))
            .maxNumberLength(1000)
            .build();
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(0);
    options.setAllowDuplicateKeys(true); // the reader refuses duplicates itself, with their path
    options.setNestingDepthLimit(limits.maxDepth() + 1);
    options.setCodePointLimit(Math.max(limits.maxDocumentChars(), 1) + 1);
    this.yaml = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints).build();
    this.json = JsonFactory.builder().streamReadConstraints(constraints).build();
  }

  /** Returns a loader with the {@link ConfigLimits#DEFAULT default limits}. */
  public static ConfigLoader standard() {
    return STANDARD;
  }

  /** Returns a loader that enforces {@code limits}. */
  public static ConfigLoader withLimits(ConfigLimits limits) {
    return new ConfigLoader(Objects.requireNonNull(limits, "limits"));
  }

  /** Returns the limits this loader enforces. */
  public ConfigLimits limits() {
    return limits;
  }

  /**
   * Loads a file.
   *
   * @throws ConfigException when the file is missing, unreadable, not UTF-8, malformed or over a
   *     limit
   */
  public ConfigDocument load(Path file) {
    String source = file.toString();
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > 4L * limits.maxDocumentChars()) {
        throw new ConfigException(
            new ConfigLocation(source, 0, 0, ""),
            "document of " + size + " bytes is over the limit of " + limits.maxDocumentChars() + " characters");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(new ConfigLocation(source, 0, 0, ""), "file not found", e);
    } catch (IOException e) {
      throw new ConfigException(new ConfigLocation(source, 0, 0, ""), "cannot read file: " + e.getMessage(), e);
    }
    return parse(source, bytes, isJsonName(source));
  }

  /**
   * Loads a document from a stream, read to its end (the stream is not closed).
   *
   * @param source the name to give in errors, such as the resource path
   */
  public ConfigDocument load(String source, InputStream in) {
    try {
      byte[] bytes = in.readNBytes(4 * limits.maxDocumentChars() + 1);
      return parse(source, bytes, isJsonName(source));
    } catch (IOException e) {
      throw new ConfigException(new ConfigLocation(source, 0, 0, ""), "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Loads a document from text; it is read as JSON when {@code source} ends in {@code .json}.
   *
   * @param source the name to give in errors
   * @param content the document
   */
  public ConfigDocument loadString(String source, String content) {
    Objects.requireNonNull(content, "content");
    return parse(source, content.getBytes(StandardCharsets.UTF_8), isJsonName(source));
  }

  /**
   * Parses text into a node of any kind (a map, a list or a scalar), for small documents such as
   * a condition given on the command line; no version or hash is computed.
   *
   * @throws ConfigException as {@link #loadString} does, except that any root is accepted
   */
  public ConfigNode parseNode(String source, String content) {
    Objects.requireNonNull(content, "content");
    return parseRoot(source, decode(source, content.getBytes(StandardCharsets.UTF_8)), isJsonName(source));
  }

  private static boolean isJsonName(String source) {
    return source.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private ConfigDocument parse(String source, byte[] bytes, boolean asJson) {
    String text = decode(source, bytes);
    ConfigNode.MapNode map = parseRoot(source, text, asJson).asMap("a document");
    String version = ConfigDocument.UNVERSIONED;
    ConfigNode v = map.get("version");
    if (v != null) {
      version = v.asText("a version (a string or number)");
      if (version.isBlank()) {
        throw v.error("expected a version, found an empty string");
      }
    }
    return new ConfigDocument(source, version, "sha256:" + sha256(text), map);
  }

  private String decode(String source, byte[] bytes) {
    ConfigLocation whole = new ConfigLocation(source, 0, 0, "");
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(whole, "document is not valid UTF-8", e);
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    if (text.length() > limits.maxDocumentChars()) {
      throw new ConfigException(
          whole,
          "document of " + text.length() + " characters is over the limit of " + limits.maxDocumentChars());
    }
    return text;
  }

  private ConfigNode parseRoot(String source, String text, boolean asJson) {
    ConfigLocation whole = new ConfigLocation(source, 0, 0, "");
    ConfigNode root;
    try (JsonParser p = asJson ? json.createParser(text) : yaml.createParser(text)) {
      Reader reader = new Reader(source, p);
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ConfigException(new ConfigLocation(source, 1, 1, ""), "document is empty, expected a map");
      }
      root = reader.read(first, "", 0);
      JsonToken next = p.nextToken();
      if (next != null) {
        JsonLocation l = p.currentTokenLocation();
        throw new ConfigException(
            new ConfigLocation(source, l.getLineNr(), l.getColumnNr(), ""),
            "expected one document, found more content after it");
      }
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      String msg = e.getOriginalMessage();
      if (msg != null && msg.contains("aliases")) {
        msg = "YAML aliases are not allowed";
      }
      throw new ConfigException(
          new ConfigLocation(source, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), ""),
          "malformed " + (asJson ? "JSON" : "YAML") + ": " + firstLine(msg),
          e);
    } catch (IOException e) {
      throw new ConfigException(whole, "cannot read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e instanceof ConfigException) {
        throw e;
      }
      // SnakeYAML reports some limits (alias counts, code points) as its own runtime exceptions.
      throw new ConfigException(whole, "malformed YAML: " + firstLine(e.getMessage()), e);
    }
    return root;
  }

  private static String firstLine(@Nullable String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(64);
      for (byte b : digest) {
        sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Reads tokens into nodes, counting nodes and depth. */
  private final class Reader {
    private final String source;
    private final JsonParser p;
    private int nodes;

    Reader(String source, JsonParser p) {
      this.source = source;
      this.p = p;
    }

    private ConfigLocation here(String path) {
      JsonLocation l = p.currentTokenLocation();
      return new ConfigLocation(source, l.getLineNr(), l.getColumnNr(), path);
    }

    ConfigNode read(JsonToken token, String path, int depth) throws IOException {
      ConfigLocation at = here(path);
      if (++nodes > limits.maxNodes()) {
        throw new ConfigException(at, "document has more than " + limits.maxNodes() + " nodes");
      }
      if (p instanceof YAMLParser yAMLParser && yAMLParser.isCurrentAlias()) {
        throw new ConfigException(at, "YAML aliases (*" + p.getText() + ") are not allowed; repeat the value instead");
      }
      switch (token) {
        case START_OBJECT: {
          if (depth >= limits.maxDepth()) {
            throw new ConfigException(at, "nesting deeper than " + limits.maxDepth() + " levels");
          }
          Map<String, ConfigNode> entries = new LinkedHashMap<>();
          Map<String, ConfigLocation> keys = new LinkedHashMap<>();
          JsonToken t;
          while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            ConfigLocation keyAt = here(at.childPath(key));
            checkLength(key, keyAt);
            if (entries.containsKey(key)) {
              throw new ConfigException(keyAt, "duplicate key '" + key + "'");
            }
            JsonToken valueToken = p.nextToken();
            keys.put(key, keyAt);
            entries.put(key, read(valueToken, at.childPath(key), depth + 1));
          }
          if (t != JsonToken.END_OBJECT) {
            throw new ConfigException(here(path), "expected a key, found " + t);
          }
          return new ConfigNode.MapNode(at, entries, keys);
        }
        case START_ARRAY: {
          if (depth >= limits.maxDepth()) {
            throw new ConfigException(at, "nesting deeper than " + limits.maxDepth() + " levels");
          }
          List<ConfigNode> items = new ArrayList<>();
          JsonToken t;
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
              throw new ConfigException(here(path), "unterminated list");
            }
            items.add(read(t, at.indexPath(items.size()), depth + 1));
          }
          return new ConfigNode.ListNode(at, items);
        }
        case VALUE_STRING: {
          String s = p.getText();
          checkLength(s, at);
          return new ConfigNode.ScalarNode(at, s);
        }
        case VALUE_NUMBER_INT:
          if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return new ConfigNode.ScalarNode(at, new BigDecimal(p.getBigIntegerValue()));
          }
          return new ConfigNode.ScalarNode(at, p.getLongValue());
        case VALUE_NUMBER_FLOAT: {
          String s = p.getText();
          Object n = s.replaceAll("[^0-9]", "").length() > 15 ? (Object) p.getDecimalValue() : (Object) p.getDoubleValue();
          return new ConfigNode.ScalarNode(at, n);
        }
        case VALUE_TRUE:
          return new ConfigNode.ScalarNode(at, true);
        case VALUE_FALSE:
          return new ConfigNode.ScalarNode(at, false);
        case VALUE_NULL:
          return new ConfigNode.ScalarNode(at, null);
        default:
          throw new ConfigException(at, "unexpected " + token);
      }
    }

    private void checkLength(String s, ConfigLocation at) {
      if (s.length() > limits.maxStringLength()) {
        throw new ConfigException(
            at, "string of " + s.length() + " characters is over the limit of " + limits.maxStringLength());
      }
    }
  }
}
