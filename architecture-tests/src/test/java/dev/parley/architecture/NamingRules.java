package dev.parley.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static dev.parley.architecture.ParleyPredicates.implementAnInterfaceNamed;
import static dev.parley.architecture.ParleyPredicates.packageInfo;
import static dev.parley.architecture.ParleyPredicates.sealed;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Names and shapes of ports, adapters, use cases and services, so that a reader (and a rule) can
 * tell a type's role from its name. Factories take a {@link ParleyLayout}; see {@link LayerRules}.
 */
final class NamingRules {

  /** {@code <Verb><Noun>UseCase}: two or more capitalised words, then UseCase. */
  static final String USE_CASE_NAME = "[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+UseCase";

  private NamingRules() {}

  /** Every open (non-sealed) top-level interface in port.out is an outbound port. */
  static ArchRule outboundPortsEndWithPort(ParleyLayout layout) {
    return classes()
        .that()
        .resideInAPackage(layout.portOut())
        .and()
        .areInterfaces()
        .and()
        .areTopLevelClasses()
        .and(not(sealed()))
        .and(not(packageInfo()))
        .should()
        .haveSimpleNameEndingWith("Port");
  }

  /** The converse: a type named ...Port in port.out is an open, top-level interface. */
  static ArchRule portsAreOpenTopLevelInterfaces(ParleyLayout layout) {
    return classes()
        .that()
        .resideInAPackage(layout.portOut())
        .and()
        .haveSimpleNameEndingWith("Port")
        .should()
        .beInterfaces()
        .andShould()
        .beTopLevelClasses()
        .andShould(be(not(sealed())));
  }

  /**
   * Apart from port interfaces and sealed result types, port.out holds data only: records, and
   * enums that name a port's vocabulary (such as a disconnect reason).
   */
  static ArchRule outboundPortClassesAreRecords(ParleyLayout layout) {
    return classes()
        .that()
        .resideInAPackage(layout.portOut())
        .and()
        .areNotInterfaces()
        .and()
        .areNotEnums()
        .should()
        .beRecords();
  }

  /**
   * A concrete implementation of an outbound port is named ...Adapter. Abstract bases are exempt,
   * and so are anonymous classes, which have no name to choose.
   */
  static ArchRule portImplementationsAreAdapters(ParleyLayout layout) {
    return classes()
        .that(implementAnInterfaceNamed("Port", layout.portOut()))
        .and()
        .areNotInterfaces()
        .and()
        .doNotHaveModifier(JavaModifier.ABSTRACT)
        .and()
        .areNotAnonymousClasses()
        .should()
        .haveSimpleNameEndingWith("Adapter");
  }

  /** Every open top-level interface in port.in is a use case named {@code <Verb><Noun>UseCase}. */
  static ArchRule useCasesAreNamedVerbNounUseCase(ParleyLayout layout) {
    return classes()
        .that()
        .resideInAPackage(layout.portIn())
        .and()
        .areInterfaces()
        .and()
        .areTopLevelClasses()
        .and(not(sealed()))
        .and(not(packageInfo()))
        .should()
        .haveNameMatching(".*\\." + USE_CASE_NAME);
  }

  /** One use case, one action: a use case interface has exactly one method. */
  static ArchRule useCasesHaveExactlyOneMethod(ParleyLayout layout) {
    return classes()
        .that()
        .resideInAPackage(layout.portIn())
        .and()
        .areInterfaces()
        .and()
        .haveSimpleNameEndingWith("UseCase")
        .should(ParleyConditions.haveExactlyOneMethod());
  }

  /** Commands, queries and results in port.in are records (sealed outcomes aside). */
  static ArchRule inboundPortClassesAreRecords(ParleyLayout layout) {
    return classes()
        .that()
        .resideInAPackage(layout.portIn())
        .and()
        .areNotInterfaces()
        .should()
        .beRecords();
  }

  /** A class implementing a use case is a ...Service in application.service. */
  static ArchRule useCaseImplementationsAreServices(ParleyLayout layout) {
    return classes()
        .that(implementAnInterfaceNamed("UseCase", layout.portIn()))
        .and()
        .areNotInterfaces()
        .should()
        .resideInAPackage(layout.service())
        .andShould()
        .haveSimpleNameEndingWith("Service");
  }
}
