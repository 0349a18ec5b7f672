package dev.parley.architecture;

import static dev.parley.architecture.ParleyLayout.PRODUCTION;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** No package cycles inside the domain, inside the application, or between areas. */
@AnalyzeClasses(packages = "dev.parley", importOptions = ImportOption.DoNotIncludeTests.class)
class CycleRulesTest {

  @ArchTest
  static final ArchRule domain_is_free_of_cycles =
      CycleRules.domainIsFreeOfCycles(PRODUCTION)
          .because("domain packages that need each other are one package, or one is misplaced");

  @ArchTest
  static final ArchRule application_is_free_of_cycles =
      CycleRules.applicationIsFreeOfCycles(PRODUCTION)
          .because("ports, services, errors and settings must be understood one at a time");

  @ArchTest
  static final ArchRule top_level_areas_are_free_of_cycles =
      CycleRules.topLevelAreasAreFreeOfCycles(PRODUCTION)
          .because("modules form a directed graph: Maven could not build them otherwise");
}
