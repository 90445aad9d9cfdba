package dev.mops.core.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Factories of {@link Record} views: over a {@code Map}, and over JSON objects parsed by mops.
 *
 * <p>JSON is parsed without exposing any JSON library's types: objects become records, arrays
 * become unmodifiable lists, numbers become {@code Long} (whole numbers that fit), {@code Double}
 * or {@code BigDecimal} (decimals with more than 15 significant digits). A field name with dots
 * that is not itself a key ({@code "company.size"}) is looked up through nested objects. Limits:
 * {@link #MAX_JSON_LENGTH} characters per document, nesting depth {@link #MAX_JSON_DEPTH}, and
 * {@link #MAX_STRING_LENGTH} characters per string.
 *
 * <p>Thread safety: stateless, safe to call from any thread; the records returned are immutable.
 */
public final class Records {

  /** Longest JSON document {@link #parseJson} accepts, in characters. */
  public static final int MAX_JSON_LENGTH = 16 * 1024 * 1024;

  /** Deepest nesting of arrays and objects {@link #parseJson} accepts. */
  public static final int MAX_JSON_DEPTH = 64;

  /** Longest string value {@link #parseJson} accepts, in characters. */
  public static final int MAX_STRING_LENGTH = 1024 * 1024;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_JSON_DEPTH)
                  .maxStringLength(MAX_STRING_LENGTH)
                  .maxDocumentLength(MAX_JSON_LENGTH)
                  .maxNumberLength(400)
                  .build())
          .build();

  private Records() {}

  /**
   * Returns a read-only view of {@code map}; changes to the map show through the view.
   */
  public static Record of(Map<String, ?> map) {
    return new MapRecord(Objects.requireNonNull(map, "map"));
  }

  /** Returns an empty record. */
  public static Record empty() {
    return new MapRecord(Collections.emptyMap());
  }

  /**
   * Parses one JSON object into an immutable record.
   *
   * @throws IllegalArgumentException when {@code json} is not one well-formed JSON object, or
   *     breaks a documented limit; the message says where and why
   */
  public static Record parseJson(String json) {
    Objects.requireNonNull(json, "json");
    if (json.length() > MAX_JSON_LENGTH) {
      throw new IllegalArgumentException(
          "JSON document of " + json.length() + " characters is over the limit of " + MAX_JSON_LENGTH);
    }
    try (JsonParser p = JSON.createParser(json)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException(
            "expected a JSON object at column " + p.currentTokenLocation().getColumnNr()
                + ", found " + (t == null ? "nothing" : t.asString() == null ? t.name() : "'" + t.asString() + "'"));
      }
      Record r = readObject(p);
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw new IllegalArgumentException(
            "unexpected content after the JSON object at column "
                + p.currentTokenLocation().getColumnNr());
      }
      return r;
    } catch (JsonProcessingException e) {
      com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new IllegalArgumentException("malformed JSON" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable JSON: " + e.getMessage(), e);
    }
  }

  private static Record readObject(JsonParser p) throws IOException {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      map.put(name, readValue(p));
    }
    return new MapRecord(Collections.unmodifiableMap(map));
  }

  private static @Nullable Object readValue(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        return readObject(p);
      case START_ARRAY:
        List<@Nullable Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(readValue(p));
        }
        return Collections.unmodifiableList(list);
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          return new java.math.BigDecimal(p.getBigIntegerValue());
        }
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return Values.asNumber(p.getText());
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalArgumentException("unexpected JSON token " + t);
    }
  }

  private static final class MapRecord implements Record {
    private final Map<String, ?> map;

    MapRecord(Map<String, ?> map) {
      this.map = map;
    }

    @Override
    public @Nullable Object get(String field) {
      Object v = map.get(field);
      if (v == null && field.indexOf('.') > 0 && !map.containsKey(field)) {
        return getPath(field);
      }
      return v;
    }

    private @Nullable Object getPath(String path) {
      Object current = this;
      int start = 0;
      while (start <= path.length()) {
        int dot = path.indexOf('.', start);
        String part = dot < 0 ? path.substring(start) : path.substring(start, dot);
        if (current instanceof Record) {
          current = ((Record) current).get(part);
        } else if (current instanceof Map) {
          current = ((Map<?, ?>) current).get(part);
        } else {
          return null;
        }
        if (dot < 0) {
          return current;
        }
        start = dot + 1;
      }
      return null;
    }

    @Override
    public boolean has(String field) {
      return map.containsKey(field);
    }

    @Override
    public Set<String> fieldNames() {
      return Collections.unmodifiableSet(map.keySet());
    }

    @Override
    public String toString() {
      return map.toString();
    }
  }
}
