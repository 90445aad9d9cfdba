package dev.mops.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
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

  @Test
  void featureModulesDoNotDependOnEachOther() {
    for (String feature : FEATURES) {
      for (String other : FEATURES) {
        if (!feature.equals(other)) {
          noClasses().that().resideInAPackage("dev.mops." + feature + "..")
              .should().dependOnClassesThat().resideInAPackage("dev.mops." + other + "..")
              .allowEmptyShould(true)
              .check(all);
        }
      }
      noClasses().that().resideInAPackage("dev.mops.core..")
          .should().dependOnClassesThat().resideInAPackage("dev.mops." + feature + "..")
          .check(all);
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

  @Test
  void noThirdPartyTypesInPublicSignatures() {
    Set<String> leaks = new TreeSet<>();
    List<String> banned = List.of("com.google.common.", "com.fasterxml.jackson.", "com.github.benmanes.caffeine.");
    for (var c : library) {
      if (!c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
        continue;
      }
      for (var m : c.getMethods()) {
        if (!m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
          continue;
        }
        List<String> types = new java.util.ArrayList<>();
        types.add(m.getRawReturnType().getName());
        m.getRawParameterTypes().forEach(t -> types.add(t.getName()));
        for (String t : types) {
          if (banned.stream().anyMatch(t::startsWith)) {
            leaks.add(m.getFullName());
          }
        }
      }
    }
    assertThat(leaks).as("public methods exposing Guava/Jackson/Caffeine types").isEmpty();
  }
}
