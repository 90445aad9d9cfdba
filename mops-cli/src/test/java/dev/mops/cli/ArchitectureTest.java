package dev.mops.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules that keep the architecture of {@code docs/architecture.md} true across all modules: no package cycles, no
 * printing from library code, feature modules independent of each other, every package
 * null-marked, and no Guava, Jackson or Caffeine types in public signatures.
 */
class ArchitectureTest {

  private static final List<String> FEATURES = List.of("taxonomy", "scoring", "quality", "identity", "metrics", "planning", "routing");
  private static JavaClasses all;
  private static JavaClasses library;

  @BeforeAll
  static void importClasses() {
    all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.mops");
    library = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("/dev/mops/cli/"))
        .importPackages("dev.mops");
    assertThat(library.contain("dev.mops.core.condition.CompiledCondition")).isTrue();
    assertThat(all.contain("dev.mops.cli.Main")).isTrue();
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.mops.(**)").should().beFreeOfCycles().check(all);
  }

  @Test
  void libraryCodeDoesNotPrint() {
    noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
        .orShould().callMethod(Throwable.class, "printStackTrace")
        .because("library code reports through results, findings and exceptions; only the CLI prints")
        .check(library);
  }

  /**
   * Feature modules with no code yet. Their independence rule is skipped while they are empty (an
   * ArchUnit rule over no classes proves nothing, so it is not run), and runs as soon as they have
   * classes. Every other feature must have classes: a typo in FEATURES or a moved package fails.
   */
  private static final Set<String> PLANNED = Set.of();

  @Test
  void featureModulesDoNotDependOnEachOther() {
    for (String feature : FEATURES) {
      boolean hasClasses = all.stream().anyMatch(c -> c.getPackageName().startsWith("dev.mops." + feature));
      if (!hasClasses) {
        assertThat(PLANNED).as("feature module %s has no classes in dev.mops.%s", feature, feature).contains(feature);
        continue;
      }
      for (String other : FEATURES) {
        if (!feature.equals(other)) {
          noClasses().that().resideInAPackage("dev.mops." + feature + "..")
              .should().dependOnClassesThat().resideInAPackage("dev.mops." + other + "..")
              .check(all);
        }
      }
      noClasses().that().resideInAPackage("dev.mops.core..")
          .should().dependOnClassesThat().resideInAPackage("dev.mops." + feature + "..")
          .check(all);
    }
  }

  /**
   * Composing modules: they may depend on several feature modules (they are not in FEATURES), and
   * neither core nor any feature module may depend on them.
   */
  private static final List<String> COMPOSING = List.of("flow");

  @Test
  void nothingBelowDependsOnAComposingModule() {
    for (String composing : COMPOSING) {
      assertThat(all.stream().anyMatch(c -> c.getPackageName().startsWith("dev.mops." + composing + ".")))
          .as("composing module %s has classes in dev.mops.%s", composing, composing).isTrue();
      List<String> below = new ArrayList<>(FEATURES);
      below.add("core");
      for (String lower : below) {
        noClasses().that().resideInAPackage("dev.mops." + lower + "..")
            .should().dependOnClassesThat().resideInAPackage("dev.mops." + composing + "..")
            .check(all);
      }
    }
  }

  @Test
  void everyPackageIsNullMarked() {
    Set<String> unmarked = new TreeSet<>();
    for (var c : all) {
      String pkg = c.getPackageName();
      var info = all.stream().filter(x -> x.getName().equals(pkg + ".package-info")).findFirst();
      if (info.isEmpty() || !info.get().isAnnotatedWith(NullMarked.class)) {
        unmarked.add(pkg);
      }
    }
    assertThat(unmarked).as("packages without a @NullMarked package-info").isEmpty();
  }

  /** Packages whose types must not appear in any public or protected signature of the library. */
  static final List<String> BANNED = List.of(
      "com.google.common.", "com.fasterxml.jackson.", "com.github.benmanes.caffeine.", "com.google.re2j.",
      "com.google.i18n.phonenumbers.", "com.datadoghq.sketch.", "org.apache.datasketches.", "org.yaml.snakeyaml.");

  /**
   * No third-party type in the API: the return, parameter and exception types of public and
   * protected methods and constructors, the types of public and protected fields, the supertypes of
   * public types, including every type argument ({@code List<ImmutableList<String>>}), of every type
   * a caller can reach (public, nested only in public types).
   */
  @Test
  void noThirdPartyTypesInPublicSignatures() {
    Set<String> leaks = new TreeSet<>();
    for (JavaClass c : library) {
      if (!isExported(c)) {
        continue;
      }
      List<JavaType> supertypes = new ArrayList<>(c.getInterfaces());
      c.getSuperclass().ifPresent(supertypes::add);
      leaksIn(supertypes, c.getName() + " (supertype)", leaks);
      for (JavaCodeUnit unit : c.getCodeUnits()) {
        if (!isApi(unit.getModifiers()) || unit.getName().equals("<clinit>")) {
          continue;
        }
        List<JavaType> types = new ArrayList<>(unit.getParameterTypes());
        types.add(unit.getReturnType());
        unit.getThrowsClause().getTypes().forEach(types::add);
        leaksIn(types, unit.getFullName(), leaks);
      }
      for (JavaField f : c.getFields()) {
        if (isApi(f.getModifiers())) {
          leaksIn(List.of(f.getType()), f.getFullName(), leaks);
        }
      }
    }
    assertThat(leaks).as("public signatures exposing " + BANNED).isEmpty();
  }

  /** The rule above sees what it should: a leak planted in a test class is found. */
  @Test
  void thirdPartyRuleFindsPlantedLeaks() {
    JavaClasses planted = new ClassFileImporter().importClasses(PlantedLeaks.class);
    JavaClass c = planted.get(PlantedLeaks.class);
    Set<String> leaks = new TreeSet<>();
    for (JavaCodeUnit unit : c.getCodeUnits()) {
      if (isApi(unit.getModifiers())) {
        List<JavaType> types = new ArrayList<>(unit.getParameterTypes());
        types.add(unit.getReturnType());
        leaksIn(types, unit.getName(), leaks);
      }
    }
    for (JavaField f : c.getFields()) {
      leaksIn(List.of(f.getType()), f.getName(), leaks);
    }
    assertThat(leaks.stream().map(l -> l.substring(0, l.indexOf(" -> "))).distinct())
        .containsExactlyInAnyOrder("<init>", "field", "genericReturn", "genericParameter");
  }

  /**
   * Public API that leaks on purpose, in each of the ways the rule must see (Jackson stands for all
   * the banned packages: the rule matches every one of them by the same prefix test).
   */
  public static final class PlantedLeaks {
    /** A leaking field. */
    public com.fasterxml.jackson.databind.@Nullable JsonNode field;

    /** A leaking constructor parameter. */
    public PlantedLeaks(com.fasterxml.jackson.databind.ObjectMapper mapper) {}

    /** A leak in a type argument of the return type. */
    public List<com.fasterxml.jackson.databind.JsonNode> genericReturn() {
      return List.of();
    }

    /** A leak in a type argument of a parameter. */
    public void genericParameter(java.util.Map<String, com.fasterxml.jackson.databind.ObjectMapper> mappers) {}

    /** Not a leak: JDK types only. */
    public List<String> clean() {
      return List.of();
    }
  }

  private static boolean isApi(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static boolean isExported(JavaClass c) {
    for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
      if (!k.getModifiers().contains(JavaModifier.PUBLIC) || k.isAnonymousClass() || k.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  private static void leaksIn(List<? extends JavaType> types, String where, Set<String> leaks) {
    for (JavaType t : types) {
      for (JavaClass raw : t.getAllInvolvedRawTypes()) {
        if (BANNED.stream().anyMatch(raw.getName()::startsWith)) {
          leaks.add(where + " -> " + raw.getName());
        }
      }
    }
  }
}
