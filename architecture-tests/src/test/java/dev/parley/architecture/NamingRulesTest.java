package dev.parley.architecture;

import static dev.parley.architecture.ParleyLayout.PRODUCTION;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Names and shapes of ports, adapters, use cases and services. */
@AnalyzeClasses(packages = "dev.parley", importOptions = ImportOption.DoNotIncludeTests.class)
class NamingRulesTest {

  @ArchTest
  static final ArchRule outbound_ports_end_with_port =
      NamingRules.outboundPortsEndWithPort(PRODUCTION)
          .because("an open interface in port.out is something an adapter must implement");

  @ArchTest
  static final ArchRule ports_are_open_top_level_interfaces =
      NamingRules.portsAreOpenTopLevelInterfaces(PRODUCTION)
          .because(
              "a port is a capability adapters implement, so it can be neither a class, nor"
                  + " sealed, nor hidden inside another type");

  @ArchTest
  static final ArchRule outbound_port_classes_are_records =
      NamingRules.outboundPortClassesAreRecords(PRODUCTION)
          .because("ports exchange immutable values, never behaviour");

  @ArchTest
  static final ArchRule port_implementations_are_adapters =
      NamingRules.portImplementationsAreAdapters(PRODUCTION)
          .because("the name tells which classes reach the outside world");

  @ArchTest
  static final ArchRule use_cases_are_named_verb_noun_use_case =
      NamingRules.useCasesAreNamedVerbNounUseCase(PRODUCTION)
          .because("every inbound action reads as <Verb><Noun>UseCase, one per action");

  @ArchTest
  static final ArchRule use_cases_have_exactly_one_method =
      NamingRules.useCasesHaveExactlyOneMethod(PRODUCTION)
          .because("a use case is one action; two methods are two use cases");

  @ArchTest
  static final ArchRule inbound_port_classes_are_records =
      NamingRules.inboundPortClassesAreRecords(PRODUCTION)
          .because("commands, queries and results are immutable values");

  @ArchTest
  static final ArchRule use_case_implementations_are_services =
      NamingRules.useCaseImplementationsAreServices(PRODUCTION)
          .because(
              "use cases are implemented once, in the core, and adapters call them through"
                  + " their interfaces");
}
