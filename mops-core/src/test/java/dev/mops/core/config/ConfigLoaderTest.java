package dev.mops.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private final ConfigLoader loader = ConfigLoader.standard();

  @Test
  void loadsVersionHashAndPositions() {
    ConfigDocument doc = loader.loadString("model.yaml", "version: 3\nname: fit\nrules:\n  - points: 10\n    when: {eq: {field: a, value: b}}\n");
    assertThat(doc.version()).isEqualTo("3");
    assertThat(doc.contentHash()).startsWith("sha256:").hasSize(7 + 64);
    assertThat(doc.shortHash()).hasSize(12);
    ConfigNode rule = doc.root().list("rules").get(0);
    assertThat(rule.location().line()).isEqualTo(4);
    assertThat(rule.location().column()).isEqualTo(5);
    assertThat(rule.location().path()).isEqualTo("rules[0]");
    ConfigNode when = rule.asMap("a rule").require("when", "a condition");
    assertThat(when.location().path()).isEqualTo("rules[0].when");
    assertThat(when.location().line()).isEqualTo(5);
  }

  @Test
  void sameContentSameHashDifferentContentDifferentHash() {
    String a = loader.loadString("a.yaml", "x: 1\n").contentHash();
    String b = loader.loadString("b.yaml", "x: 1\n").contentHash();
    String c = loader.loadString("c.yaml", "x: 2\n").contentHash();
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void documentWithoutVersionIsUnversioned() {
    assertThat(loader.loadString("a.yaml", "x: 1").version()).isEqualTo(ConfigDocument.UNVERSIONED);
  }

  @Test
  void scalarsKeepTheirTypes() {
    ConfigNode.MapNode m = loader.loadString("a.yaml", "s: '5'\nn: 5\nd: 2.5\nb: true\nz: null\nbig: 123456789012345678901234567890\n").root();
    assertThat(m.get("s").toPlain()).isEqualTo("5");
    assertThat(m.get("n").toPlain()).isEqualTo(5L);
    assertThat(m.get("d").toPlain()).isEqualTo(2.5);
    assertThat(m.get("b").toPlain()).isEqualTo(true);
    assertThat(m.get("z").toPlain()).isNull();
    assertThat(m.get("big").toPlain()).isEqualTo(new java.math.BigDecimal("123456789012345678901234567890"));
  }

  @Test
  void jsonByFileName() {
    ConfigDocument doc = loader.loadString("c.json", "{\"version\": \"1.2\", \"a\": [1, 2]}");
    assertThat(doc.version()).isEqualTo("1.2");
    assertThat(doc.root().list("a").size()).isEqualTo(2);
  }

  @Test
  void malformedYamlNamesLineAndColumn() {
    assertThatThrownBy(() -> loader.loadString("bad.yaml", "a: 1\nb: [1, 2\nc: 3\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bad.yaml:")
        .hasMessageContaining("malformed YAML");
    ConfigException e = catchConfig(() -> loader.loadString("bad.yaml", "a: 1\n  b: 2\n"));
    assertThat(e.location().line()).isEqualTo(2);
    assertThat(e.location().column()).isPositive();
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    ConfigException e = catchConfig(() -> loader.loadString("bad.json", "{\n  \"a\": 1,\n  \"b\": }\n"));
    assertThat(e.location().line()).isEqualTo(3);
    assertThat(e.getMessage()).startsWith("bad.json:3:").contains("malformed JSON");
  }

  @Test
  void duplicateKeysAreRefusedWithPosition() {
    ConfigException e = catchConfig(() -> loader.loadString("dup.yaml", "a: 1\nb:\n  c: 1\n  c: 2\n"));
    assertThat(e.getMessage()).contains("duplicate key 'c'");
    assertThat(e.location().line()).isEqualTo(4);
    assertThat(e.location().path()).isEqualTo("b.c");
  }

  @Test
  void aliasesAreRefused() {
    ConfigException e = catchConfig(() -> loader.loadString("alias.yaml", "a: &x {k: 1}\nb: *x\n"));
    assertThat(e.getMessage()).contains("alias");
    assertThat(e.location().line()).isEqualTo(2);
  }

  @Test
  void aliasBombIsRefusedNotExpanded() {
    StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'i'; c++) {
      sb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        sb.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      sb.append("]\n");
      prev = c;
    }
    assertThatThrownBy(() -> loader.loadString("bomb.yaml", sb.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alias");
  }

  @Test
  void depthLimit() {
    ConfigLoader small = ConfigLoader.withLimits(new ConfigLimits(1 << 20, 5, 1000, 1000));
    assertThat(small.loadString("ok.yaml", "a: {b: {c: {d: 1}}}").root().has("a")).isTrue();
    assertThatThrownBy(() -> small.loadString("deep.yaml", "a: {b: {c: {d: {e: {f: {g: 1}}}}}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("deep.yaml");
    String deep = "[".repeat(200) + "]".repeat(200);
    assertThatThrownBy(() -> loader.loadString("deep.json", "{\"a\": " + deep + "}"))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void sizeStringAndNodeLimits() {
    ConfigLoader small = ConfigLoader.withLimits(new ConfigLimits(100, 10, 20, 10));
    assertThatThrownBy(() -> small.loadString("big.yaml", "a: " + "x".repeat(200)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("over the limit of 100");
    assertThatThrownBy(() -> small.loadString("long.yaml", "a: " + "x".repeat(30)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("string of 30 characters");
    assertThatThrownBy(() -> small.loadString("many.yaml", "a: [1,2,3,4,5,6,7,8,9,10,11]"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("more than 10 nodes");
  }

  @Test
  void rootMustBeAMapAndDocumentSingle() {
    assertThat(catchConfig(() -> loader.loadString("l.yaml", "- 1\n- 2\n")).getMessage())
        .contains("expected a document (a map), found a list");
    assertThat(catchConfig(() -> loader.loadString("e.yaml", "")).getMessage()).contains("empty");
    assertThat(catchConfig(() -> loader.loadString("two.yaml", "a: 1\n---\nb: 2\n")).getMessage())
        .contains("one document");
  }

  @Test
  void typedAccessorsExplainWhatWasExpected() {
    ConfigNode.MapNode m = loader.loadString("t.yaml", "name: 5\nn: abc\nlist: x\n").root();
    assertThat(catchConfig(() -> m.integer("n")).getMessage())
        .isEqualTo("t.yaml:2:4: at n: expected a whole number, found 'abc'");
    assertThat(catchConfig(() -> m.list("list")).getMessage())
        .isEqualTo("t.yaml:3:7: at list: expected a list (a list), found 'x'");
    assertThat(catchConfig(() -> m.string("missing")).getMessage())
        .isEqualTo("t.yaml:1:1: missing key 'missing': expected a string");
  }

  @Test
  void unknownKeysSuggestTheNearest() {
    ConfigNode.MapNode m = loader.loadString("k.yaml", "nmae: x\n").root();
    ConfigException e = catchConfig(() -> m.checkKeys(List.of("name", "version")));
    assertThat(e.getMessage()).isEqualTo("k.yaml:1:1: at nmae: unknown key 'nmae' (did you mean 'name'?), expected one of [name, version]");
  }

  @Test
  void loadsFilesAndReportsMissingOnes(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, "\uFEFFversion: v1\n", StandardCharsets.UTF_8);
    assertThat(loader.load(f).version()).isEqualTo("v1");
    assertThat(catchConfig(() -> loader.load(dir.resolve("nope.yaml"))).getMessage()).endsWith("file not found");
    Path bad = dir.resolve("bad.yaml");
    Files.write(bad, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});
    assertThat(catchConfig(() -> loader.load(bad)).getMessage()).contains("not valid UTF-8");
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new ConfigLimits(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  static ConfigException catchConfig(Runnable r) {
    try {
      r.run();
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("expected a ConfigException");
  }
}
