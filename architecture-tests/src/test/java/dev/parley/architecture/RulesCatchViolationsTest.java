package dev.parley.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves every rule can fail: each factory runs on the deliberately bad fixtures (and must report
 * the offending classes) and on the good fixtures (and must pass, having matched something). A rule
 * that can never fail would otherwise look exactly like a rule that holds.
 */
class RulesCatchViolationsTest {

  private static final ParleyLayout BAD = new ParleyLayout("dev.parley.archfixture.bad");
  private static final ParleyLayout GOOD = new ParleyLayout("dev.parley.archfixture.good");

  private static JavaClasses badClasses;
  private static JavaClasses goodClasses;

  /** A rule factory, and what its failure message on the bad fixtures must mention. */
  record Case(String name, Function<ParleyLayout, ArchRule> rule, List<String> offenders) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void importOnlyTheFixtures() {
    // No ImportOption here: the fixtures are test classes, which the production import leaves out.
    badClasses = new ClassFileImporter().importPackages(BAD.root());
    goodClasses = new ClassFileImporter().importPackages(GOOD.root());
  }

  static Stream<Case> rules() {
    return Stream.of(
        new Case(
            "domain may only use java",
            LayerRules::domainMayOnlyUseJava,
            List.of("java.sql.ResultSet", "jakarta.inject.Singleton", "bad.adapter.postgres")),
        new Case(
            "domain types carry only java annotations",
            LayerRules::domainTypesCarryOnlyJavaAnnotations,
            List.of("AnnotatedMessage is annotated with @jakarta.inject.Singleton")),
        new Case(
            "application may only use its libraries",
            LayerRules::applicationMayOnlyUseItsLibraries,
            List.of(
                "HttpNotifier", "java.net.http.HttpClient", "HandWrittenGeneratorUser.marker()")),
        new Case(
            "core must not touch infrastructure",
            LayerRules::coreMustNotTouchInfrastructure,
            List.of("java.sql.ResultSet", "java.net.http.HttpClient")),
        new Case(
            "inner modules must not depend on adapters or sample",
            LayerRules::innerModulesMustNotDependOnAdaptersOrSample,
            List.of("UserDirectory", "PostgresClock")),
        new Case(
            "buses must not depend on adapters or sample",
            LayerRules::busesMustNotDependOnAdaptersOrSample,
            List.of("PostgresStoreBus", "PostgresClock")),
        new Case(
            "adapters must not depend on each other",
            LayerRules::adaptersMustNotDependOnEachOther,
            List.of("PostgresClock", "DynamoClockAdapter")),
        new Case(
            "testkit may use only the in-memory store",
            LayerRules::testkitMayUseOnlyTheInMemoryStore,
            List.of("PostgresFixtures", "PostgresClock")),
        new Case(
            "production must not depend on the testkit",
            LayerRules::productionMustNotDependOnTheTestkit,
            List.of("SeededServer", "RoomFixtures")),
        new Case(
            "production must not depend on local tooling",
            LayerRules::productionMustNotDependOnLocalTooling,
            List.of("SeededServer", "EmulatorLauncher")),
        new Case(
            "inbound adapters must use only port.in",
            LayerRules::inboundAdaptersMustUseOnlyPortIn,
            List.of("ClockReadingHandler.handle()", "ClockPort.now()")),
        new Case(
            "protocol must not use Jetty or AWS",
            LayerRules::protocolMustNotUseJettyOrAws,
            List.of("JettyRoutes", "org.eclipse.jetty.http.HttpMethod")),
        new Case(
            "outbound ports end with Port",
            NamingRules::outboundPortsEndWithPort,
            List.of("port.out.RoomStore>")),
        new Case(
            "ports are open top-level interfaces",
            NamingRules::portsAreOpenTopLevelInterfaces,
            List.of("Registry$LookupPort")),
        new Case(
            "outbound port classes are records",
            NamingRules::outboundPortClassesAreRecords,
            List.of("port.out.Tuning>")),
        new Case(
            "port implementations are adapters",
            NamingRules::portImplementationsAreAdapters,
            List.of("postgres.PostgresClock>")),
        new Case(
            "use cases are named <Verb><Noun>UseCase",
            NamingRules::useCasesAreNamedVerbNounUseCase,
            List.of("port.in.PostUseCase>")),
        new Case(
            "use cases have exactly one method",
            NamingRules::useCasesHaveExactlyOneMethod,
            List.of("PostMessageUseCase has 2 method(s)")),
        new Case(
            "inbound port classes are records",
            NamingRules::inboundPortClassesAreRecords,
            List.of("port.in.PostMessageCommand>")),
        new Case(
            "use case implementations are services",
            NamingRules::useCaseImplementationsAreServices,
            List.of("service.PostMessageHandler>", "fargate.PostMessageService>")),
        new Case(
            "domain is free of cycles",
            CycleRules::domainIsFreeOfCycles,
            List.of("Cycle detected", "RoomRecord", "AnnotatedMessage")),
        new Case(
            "application is free of cycles",
            CycleRules::applicationIsFreeOfCycles,
            List.of("Cycle detected", "port.in", "port.out")),
        new Case(
            "top-level areas are free of cycles",
            CycleRules::topLevelAreasAreFreeOfCycles,
            List.of("Cycle detected", "UserDirectory", "PostgresClock")));
  }

  @ParameterizedTest(name = "{0} fails on the bad fixtures")
  @MethodSource("rules")
  void ruleFailsOnTheBadFixtures(Case testCase) {
    ArchRule rule = testCase.rule().apply(BAD);

    // The messages are checked, not just the type, because an empty selection fails with an
    // AssertionError too, and that would prove nothing.
    assertThatThrownBy(() -> rule.check(badClasses))
        .isInstanceOf(AssertionError.class)
        .message()
        .contains(testCase.offenders());
  }

  @ParameterizedTest(name = "{0} passes on the good fixtures")
  @MethodSource("rules")
  void rulePassesOnTheGoodFixtures(Case testCase) {
    // allowEmptyShould(false): the rule must have selected some good class, not passed vacuously.
    ArchRule rule = testCase.rule().apply(GOOD).allowEmptyShould(false);

    assertThatCode(() -> rule.check(goodClasses)).doesNotThrowAnyException();
  }
}
