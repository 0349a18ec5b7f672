package dev.parley.benchmarks.coldstart;

import dev.parley.benchmarks.coldstart.probe.ColdStartProbe;
import dev.parley.benchmarks.coldstart.probe.HelloWorld;
import dev.parley.benchmarks.coldstart.probe.Stamps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one fresh JVM of the driver does: the hello-world baseline, or a {@link ColdStartProbe} of
 * one store's handler with one event. Names: {@code hello}, {@code memory-post}, {@code
 * memory-connect}, {@code dynamodb-post}, {@code dynamodb-connect}, {@code postgres-post}, {@code
 * postgres-connect}, and {@code memory-post-bearer}, {@code dynamodb-post-bearer} (the HTTP API
 * without an authorizer: the handler verifies an RS256 token against the JWKS URL itself, as the
 * deployed template's HTTP API does today).
 *
 * @param store null for the hello world
 * @param event {@code post} or {@code connect}; null for the hello world
 */
record Scenario(String name, Store store, String event, boolean bearer) {

  /** Where a deployment keeps its data, and the class that holds its handler classes. */
  enum Store {
    /** (a) {@code LambdaInMemoryComponent}, through deploy-lambda's in-memory handler classes. */
    MEMORY("memory", "dev.parley.deploy.lambda.InMemoryLambda", Duration.ofMillis(350)),
    /** (b) {@code LambdaDynamoDbComponent}: the classes template.yaml names. */
    DYNAMODB("dynamodb", "dev.parley.deploy.lambda.DynamoDbLambda", Duration.ofMillis(700)),
    /**
     * {@code LambdaPostgresComponent} ("API Gateway + Cognito + Lambda + Aurora Serverless"). The
     * issue sets no cold-start target for it: it is measured beside the other two.
     */
    POSTGRES("postgres", "dev.parley.deploy.lambda.PostgresLambda", null);

    final String label;
    final String handlers;

    /** The target of the first post-message and the first {@code $connect}; null for none. */
    final Duration target;

    Store(String label, String handlers, Duration target) {
      this.label = label;
      this.handlers = handlers;
      this.target = target;
    }
  }

  static final Scenario HELLO = new Scenario("hello", null, null, false);

  static final List<Scenario> ALL =
      List.of(
          HELLO,
          probe(Store.MEMORY, "post", false),
          probe(Store.MEMORY, "connect", false),
          probe(Store.DYNAMODB, "post", false),
          probe(Store.DYNAMODB, "connect", false),
          probe(Store.POSTGRES, "post", false),
          probe(Store.POSTGRES, "connect", false),
          probe(Store.MEMORY, "post", true),
          probe(Store.DYNAMODB, "post", true));

  private static Scenario probe(Store store, String event, boolean bearer) {
    return new Scenario(
        store.label + "-" + event + (bearer ? "-bearer" : ""), store, event, bearer);
  }

  static Scenario named(String name) {
    for (Scenario scenario : ALL) {
      if (scenario.name.equals(name)) {
        return scenario;
      }
    }
    throw new IllegalArgumentException(
        "unknown scenario " + name + "; one of " + ALL.stream().map(Scenario::name).toList());
  }

  boolean isHello() {
    return store == null;
  }

  /** The handler class of the {@code Handler:} line, e.g. {@code ...DynamoDbLambda$Http}. */
  String handlerClass() {
    return store.handlers + ("post".equals(event) ? "$Http" : "$WebSocket");
  }

  /** The stamps reported as times to a response: the first response, and the post after it. */
  List<String> responses() {
    if (isHello()) {
      return List.of(Stamps.MAIN);
    }
    return "post".equals(event)
        ? List.of(ColdStartProbe.CREATE_ROOM, ColdStartProbe.POST_MESSAGE)
        : List.of(ColdStartProbe.CONNECT);
  }

  /** The stamp the target applies to: the post-message or the {@code $connect} answer. */
  String headline() {
    return responses().getLast();
  }

  /** The consecutive stamps of an unprimed run, for the phase breakdown. */
  List<String> phases() {
    List<String> phases = new ArrayList<>();
    phases.add(Stamps.MAIN);
    if (!isHello()) {
      phases.add(ColdStartProbe.HANDLER_CLASS);
      phases.add(ColdStartProbe.HANDLER_BUILT);
      phases.addAll(responses());
    }
    return phases;
  }

  String mainClass() {
    return isHello() ? HelloWorld.class.getName() : ColdStartProbe.class.getName();
  }

  /** The probe's arguments for run {@code runId} as {@code user}, whose token is {@code token}. */
  List<String> arguments(String runId, String user, String token, boolean prime) {
    if (isHello()) {
      return List.of();
    }
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--handler", handlerClass(), "--event", event, "--run-id", runId));
    args.addAll(List.of("--user", user));
    if (bearer) {
      args.addAll(List.of("--bearer", token));
    }
    if (prime) {
      args.addAll(List.of("--prime", "true"));
    }
    return args;
  }
}
