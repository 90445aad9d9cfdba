package dev.mops.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules mops-cli's ArchitectureTest keeps for the modules on its class path,
 * kept here for mops-spark (which the CLI does not depend on): every package null-marked, and no
 * Guava, Jackson or Caffeine type in a public signature of a public type.
 */
class SparkModuleRulesTest {

  static final List<String> BANNED = List.of("com.google.common.", "com.fasterxml.jackson.", "com.github.benmanes.caffeine.",
      "com.google.re2j.", "org.yaml.snakeyaml.");

  static List<Class<?>> mainClasses() throws IOException, ClassNotFoundException {
    Path root = Path.of(MopsSpark.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        out.add(Class.forName(name, false, SparkModuleRulesTest.class.getClassLoader()));
      }
    }
    return out;
  }

  @Test
  void everyPackageIsNullMarked() throws Exception {
    Set<String> unmarked = new TreeSet<>();
    List<Class<?>> classes = mainClasses();
    assertThat(classes).extracting(Class::getSimpleName).contains("MopsSpark", "SparkDedupe");
    for (Class<?> c : classes) {
      Class<?> info = Class.forName(c.getPackageName() + ".package-info");
      if (!info.isAnnotationPresent(NullMarked.class)) {
        unmarked.add(c.getPackageName());
      }
    }
    assertThat(unmarked).isEmpty();
  }

  @Test
  void noThirdPartyTypesInPublicSignatures() throws Exception {
    Set<String> leaks = new TreeSet<>();
    for (Class<?> c : mainClasses()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        continue;
      }
      for (Method m : c.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers())) {
          continue;
        }
        List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
        types.add(m.getGenericReturnType());
        for (Type t : types) {
          String name = t.getTypeName();
          if (BANNED.stream().anyMatch(name::contains)) {
            leaks.add(c.getSimpleName() + "." + m.getName() + " -> " + name);
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
  }
}
