package dev.parley.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JODATIME;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * ArchUnit's general coding rules that fit a library: they run on main code only, so tests may
 * still print or throw what they like.
 */
@AnalyzeClasses(packages = "dev.parley", importOptions = ImportOption.DoNotIncludeTests.class)
class CodingRulesTest {

  @ArchTest
  static final ArchRule no_java_util_logging =
      NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.because(
          "a library must not pick the logging backend of the services that embed it");

  /** The sample server's command line prints its URL and tokens; it is the one exception. */
  static final String SAMPLE_CONSOLE = "dev.parley.sample.Console";

  @ArchTest
  static final ArchRule no_standard_streams =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(SAMPLE_CONSOLE)
          .should(ACCESS_STANDARD_STREAMS)
          .because(
              "output of a library goes through its callers, not to their console; only the"
                  + " sample server's command line ("
                  + SAMPLE_CONSOLE
                  + ") talks to a terminal");

  @ArchTest
  static final ArchRule no_generic_exceptions =
      NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.because(
          "callers map failures by type (ChatException subtypes, IllegalArgumentException), so a"
              + " bare Exception or RuntimeException tells them nothing");

  @ArchTest
  static final ArchRule no_field_injection =
      NO_CLASSES_SHOULD_USE_FIELD_INJECTION.because(
          "constructor injection keeps dependencies final and lets tests build objects by hand");

  @ArchTest
  static final ArchRule no_joda_time =
      NO_CLASSES_SHOULD_USE_JODATIME.because("java.time is the one time API");

  /** nimbus-jose-jwt's claims API speaks java.util.Date; only the JWT code may touch it. */
  static final String JWT_PACKAGE = "dev.parley.protocol.auth..";

  @ArchTest
  static final ArchRule no_old_date_and_time_classes =
      noClasses()
          .that()
          .resideOutsideOfPackage(JWT_PACKAGE)
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.util.Date")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.util.Calendar")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.util.GregorianCalendar")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.sql.Timestamp")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.text.SimpleDateFormat")
          .because(
              "java.time is the one time API (JDBC 4.2 reads and writes it directly); only the"
                  + " JWT code converts at nimbus-jose-jwt's java.util.Date boundary");
}
