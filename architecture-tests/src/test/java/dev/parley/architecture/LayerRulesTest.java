package dev.parley.architecture;

import static dev.parley.architecture.ParleyLayout.PRODUCTION;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Hexagonal layering over the main classes of every module on the class path. */
@AnalyzeClasses(packages = "dev.parley", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

  @ArchTest
  static final ArchRule domain_depends_only_on_java =
      LayerRules.domainMayOnlyUseJava(PRODUCTION)
          .because(
              "the domain is plain Java that any adapter can use and that tests need no"
                  + " framework for");

  @ArchTest
  static final ArchRule domain_types_carry_only_java_annotations =
      LayerRules.domainTypesCarryOnlyJavaAnnotations(PRODUCTION)
          .because(
              "persistence, JSON and validation mapping belong to the adapters, not to the"
                  + " domain model");

  @ArchTest
  static final ArchRule application_depends_only_on_java_domain_and_its_libraries =
      LayerRules.applicationMayOnlyUseItsLibraries(PRODUCTION)
          .because(
              "the use-case core runs unchanged on Lambda and Fargate, over DynamoDB or"
                  + " PostgreSQL, so it may only use APIs every deployment has");

  @ArchTest
  static final ArchRule core_does_not_touch_infrastructure =
      LayerRules.coreMustNotTouchInfrastructure(PRODUCTION)
          .because(
              "AWS, JDBC, JSON, HTTP and servlets are reached through outbound ports and"
                  + " adapters, never from the domain or the use cases");

  @ArchTest
  static final ArchRule inner_modules_do_not_depend_on_adapters_or_sample =
      LayerRules.innerModulesMustNotDependOnAdaptersOrSample(PRODUCTION)
          .because(
              "dependencies point inwards: adapters and composition roots use the core, never"
                  + " the other way round");

  @ArchTest
  static final ArchRule buses_do_not_depend_on_adapters_or_sample =
      LayerRules.busesMustNotDependOnAdaptersOrSample(PRODUCTION)
          .because(
              "a cluster bus sits beside any store and runtime: it forwards the protocol's"
                  + " frames and needs none of them");

  @ArchTest
  static final ArchRule adapters_do_not_depend_on_each_other =
      LayerRules.adaptersMustNotDependOnEachOther(PRODUCTION)
          .because(
              "each deployment picks one edge (Lambda or Fargate) and one store (DynamoDB or"
                  + " PostgreSQL); adapters share code only through protocol, application and"
                  + " domain");

  @ArchTest
  static final ArchRule testkit_uses_only_the_in_memory_store =
      LayerRules.testkitMayUseOnlyTheInMemoryStore(PRODUCTION)
          .because(
              "InMemoryChat runs the core on the embedded store; any other adapter would make the"
                  + " testkit a deployment");

  @ArchTest
  static final ArchRule production_never_depends_on_the_testkit =
      LayerRules.productionMustNotDependOnTheTestkit(PRODUCTION)
          .because(
              "the testkit is for tests: a runtime, store or deployable that used it would ship"
                  + " contract suites and fixtures, and their test libraries, to production");

  @ArchTest
  static final ArchRule production_never_depends_on_local_tooling =
      LayerRules.productionMustNotDependOnLocalTooling(PRODUCTION)
          .because(
              "the API Gateway emulator and the DynamoDB Local launcher serve the sample's local"
                  + " modes, the tests and the benchmarks, never a deployment");

  @ArchTest
  static final ArchRule inbound_adapters_use_only_port_in =
      LayerRules.inboundAdaptersMustUseOnlyPortIn(PRODUCTION)
          .because(
              "an edge that read a store itself would skip the use case's validation,"
                  + " permissions and events; runtimes translate transport types and call use"
                  + " cases");

  @ArchTest
  static final ArchRule protocol_uses_no_jetty_and_no_aws =
      LayerRules.protocolMustNotUseJettyOrAws(PRODUCTION)
          .because(
              "chat-protocol is shared by the Fargate and the Lambda runtime: each translates its"
                  + " transport to the protocol's types");
}
