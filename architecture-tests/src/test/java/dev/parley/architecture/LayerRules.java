package dev.parley.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependencyOrigin;
import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependencyTarget;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Which layer may use what. Each factory takes a {@link ParleyLayout} so that the production rules
 * and the fixture checks in {@link RulesCatchViolationsTest} are one and the same rule. The reasons
 * ({@code because}) are given where the production rules are declared.
 */
final class LayerRules {

  /** Technologies that belong in adapters, never in the core. */
  static final String[] INFRASTRUCTURE = {
    "software.amazon..", // AWS SDK v2
    "com.amazonaws..", // AWS SDK v1, Lambda runtime interfaces
    "java.sql..", // JDBC
    "javax.sql..", // JDBC data sources
    "org.postgresql..", // the PostgreSQL driver
    "com.fasterxml..", // Jackson
    "org.eclipse.jetty..", // Jetty
    "javax.servlet..", // Servlet API, old namespace
    "jakarta.servlet..", // Servlet API
    "java.net.http..", // the JDK's HTTP client
  };

  /** Libraries the application core may use besides the JDK and the domain. */
  private static final String[] APPLICATION_LIBRARIES = {
    "jakarta.validation..", "jakarta.inject..", "dagger.."
  };

  /** Where the {@code @Generated} annotation that Dagger writes on its classes comes from. */
  private static final String GENERATED_ANNOTATION_PACKAGE = "javax.annotation.processing..";

  private LayerRules() {}

  /**
   * The domain is plain Java: the JDK and itself, nothing else, and not even the JDK's
   * infrastructure packages ({@code java.sql}, {@code java.net.http}).
   */
  static ArchRule domainMayOnlyUseJava(ParleyLayout layout) {
    return classes()
        .that()
        .resideInAPackage(layout.domain())
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage("java..", layout.domain()).and(not(infrastructure())));
  }

  /**
   * No library annotation on a domain type or member. Mostly implied by {@link
   * #domainMayOnlyUseJava}, but stated on its own so that a stray {@code @JsonProperty} or
   * {@code @Entity} gets a message that says what is wrong.
   */
  static ArchRule domainTypesCarryOnlyJavaAnnotations(ParleyLayout layout) {
    return classes()
        .that()
        .resideInAPackage(layout.domain())
        .should(ParleyConditions.carryOnlyJavaAnnotations());
  }

  /**
   * The application uses the JDK (less its infrastructure packages), the domain, itself and the
   * injection and validation APIs. Dagger's generated factories may also name {@code
   * javax.annotation.processing.Generated}.
   */
  static ArchRule applicationMayOnlyUseItsLibraries(ParleyLayout layout) {
    DescribedPredicate<Dependency> allowedTarget =
        dependencyTarget(
            resideInAnyPackage(
                    concat(
                        new String[] {"java..", layout.domain(), layout.application()},
                        APPLICATION_LIBRARIES))
                .and(not(infrastructure())));
    DescribedPredicate<Dependency> generatedCodeNamingItsGenerator =
        dependencyOrigin(ParleyPredicates.daggerGenerated())
            .and(dependencyTarget(resideInAPackage(GENERATED_ANNOTATION_PACKAGE)));
    return classes()
        .that()
        .resideInAPackage(layout.application())
        .should(
            onlyHaveDependenciesWhere(
                allowedTarget
                    .or(generatedCodeNamingItsGenerator)
                    .as(
                        "target resides in java.. (but not in infrastructure), the domain, the"
                            + " application, "
                            + String.join(", ", APPLICATION_LIBRARIES)
                            + " (and, for Dagger-generated classes, "
                            + GENERATED_ANNOTATION_PACKAGE
                            + ")")));
  }

  /**
   * Neither domain nor application touch AWS, JDBC, Jackson, Jetty, servlets or HTTP clients. The
   * allow-lists above already imply it; this rule states it on its own so that a violation is
   * reported as what it is.
   */
  static ArchRule coreMustNotTouchInfrastructure(ParleyLayout layout) {
    return noClasses()
        .that()
        .resideInAnyPackage(layout.domain(), layout.application())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(INFRASTRUCTURE);
  }

  /**
   * Dependencies point inwards: the core, its production wiring and the protocol never see an
   * adapter, a deployable or the sample.
   */
  static ArchRule innerModulesMustNotDependOnAdaptersOrSample(ParleyLayout layout) {
    return noClasses()
        .that()
        .resideInAnyPackage(
            layout.domain(), layout.application(), layout.runtime(), layout.protocol())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(layout.adapters(), layout.sample(), layout.deployables());
  }

  /** The testkit runs the core on the in-memory store, and sees no other adapter. */
  static ArchRule testkitMayUseOnlyTheInMemoryStore(ParleyLayout layout) {
    return noClasses()
        .that()
        .resideInAPackage(layout.testkit())
        .should()
        .dependOnClassesThat(
            resideInAnyPackage(layout.adapters(), layout.sample(), layout.deployables())
                .and(not(resideInAPackage(layout.inMemoryStore()))));
  }

  /** A cluster bus uses the protocol, never a runtime or store adapter, nor a composition root. */
  static ArchRule busesMustNotDependOnAdaptersOrSample(ParleyLayout layout) {
    return noClasses()
        .that()
        .resideInAPackage(layout.buses())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(layout.adapters(), layout.sample());
  }

  /** fargate, lambda, postgres and dynamodb (and any later adapter) are mutually independent. */
  static ArchRule adaptersMustNotDependOnEachOther(ParleyLayout layout) {
    return slices().matching(layout.adapterSlices()).should().notDependOnEachOther();
  }

  /**
   * Production code (everything but the testkit itself) never uses the testkit: its contract suites
   * and fixtures are for tests, and a deployable that needed it would ship them.
   */
  static ArchRule productionMustNotDependOnTheTestkit(ParleyLayout layout) {
    return noClasses()
        .that()
        .resideOutsideOfPackage(layout.testkit())
        .should()
        .dependOnClassesThat()
        .resideInAPackage(layout.testkit());
  }

  /**
   * Only the runnable sample uses the local tooling (the emulator, the DynamoDB Local launcher):
   * runtimes, stores, the protocol and the deployables never do, so none of it reaches a production
   * jar.
   */
  static ArchRule productionMustNotDependOnLocalTooling(ParleyLayout layout) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(layout.local(), layout.sample())
        .should()
        .dependOnClassesThat()
        .resideInAPackage(layout.local());
  }

  /**
   * The protocol and the inbound adapters drive the core through {@code port.in} only: they call no
   * method of an outbound port and use no service class. Two exceptions, both outside the chat
   * actions: a delivery adapter implements an outbound port (that is what it is for) and may tidy
   * the registry it delivers for (a connection API Gateway says is gone), and the health probes
   * (readiness, SnapStart's warm-up) ask {@code StoreHealthPort}, which no use case wraps.
   */
  static ArchRule inboundAdaptersMustUseOnlyPortIn(ParleyLayout layout) {
    DescribedPredicate<JavaClass> outboundPort =
        resideInAPackage(layout.portOut()).and(JavaClass.Predicates.INTERFACES);
    DescribedPredicate<JavaClass> healthProbe =
        JavaClass.Predicates.simpleName("StoreHealthPort").and(outboundPort);
    return noClasses()
        .that()
        .resideInAnyPackage(layout.inbound())
        .and(not(JavaClass.Predicates.implement(outboundPort)))
        .should()
        .callMethodWhere(
            JavaCall.Predicates.target(
                HasOwner.Predicates.With.owner(outboundPort.and(not(healthProbe)))))
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage(layout.service());
  }

  /** The protocol is transport-neutral: no Jetty, no AWS; the runtimes translate to it. */
  static ArchRule protocolMustNotUseJettyOrAws(ParleyLayout layout) {
    return noClasses()
        .that()
        .resideInAPackage(layout.protocol())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.eclipse.jetty..", "software.amazon..", "com.amazonaws..");
  }

  private static DescribedPredicate<JavaClass> infrastructure() {
    return resideInAnyPackage(INFRASTRUCTURE)
        .as("infrastructure " + String.join(", ", INFRASTRUCTURE));
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = new String[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
