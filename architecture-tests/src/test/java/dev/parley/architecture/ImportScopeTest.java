package dev.parley.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production rules import {@code dev.parley} without tests. This checks that this really leaves
 * out the fixtures (which would fail them) and this module's own classes, and that it still finds
 * the real modules (or every rule would check nothing).
 */
class ImportScopeTest {

  private static JavaClasses production;

  @BeforeAll
  static void importLikeTheRules() {
    // The same packages and option as the @AnalyzeClasses of LayerRulesTest and its siblings.
    production =
        new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("dev.parley");
  }

  @Test
  void leavesOutTheFixturesAndTheRules() {
    assertThat(production.stream().map(JavaClass::getPackageName))
        .noneMatch(name -> name.startsWith("dev.parley.archfixture"))
        .noneMatch(name -> name.startsWith("dev.parley.architecture"));
  }

  @Test
  void findsTheDomainTheApplicationAndTheTestkit() {
    assertThat(production.containPackage("dev.parley.domain")).isTrue();
    assertThat(production.containPackage("dev.parley.application.port.in")).isTrue();
    assertThat(production.containPackage("dev.parley.application.port.out")).isTrue();
    assertThat(production.containPackage("dev.parley.application.service")).isTrue();
    assertThat(production.containPackage("dev.parley.testkit.adapter")).isTrue();
  }

  @Test
  void findsTheClusterBus() {
    assertThat(production.containPackage("dev.parley.bus.postgres")).isTrue();
    assertThat(production.containPackage("dev.parley.bus.redis")).isTrue();
  }
}
