package dev.parley.adapter.lambda;

import dev.parley.application.port.in.CreateRoomCommand;
import dev.parley.application.port.in.OpenConnectionCommand;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.http.ApiRequest;
import dev.parley.protocol.json.Json;
import dev.parley.protocol.rest.Requests;
import dev.parley.testkit.HibernateValidation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms a runtime before Lambda SnapStart takes its snapshot, so that restored environments start
 * with loaded classes and initialised singletons: the object graph is built already (the handler's
 * static field), and {@link #beforeCheckpoint} runs a REST request through routing and
 * authentication (refused: no store call), a WebSocket frame through parsing and error framing, a
 * JSON round trip with the readers of the first request bodies, validations of dummy commands,
 * builds the identity resolver and the Management API client (no network call), and reads the store
 * once through its health check. That read is what loads the store client's request path (for
 * DynamoDB: marshalling, signing, the HTTP client, about 1,500 SDK classes), which otherwise lands
 * on the first request after a restore: 524 ms of it on DynamoDB Local, measured in
 * docs/benchmarks.md. It changes no state, and a store that does not answer only costs the health
 * check's bounded wait. {@link #afterRestore} does nothing heavy.
 *
 * <p>Without SnapStart the same warm-ups still help: {@link #startInBackground} runs those a first
 * request needs on two threads while the request comes in (docs/benchmarks.md has the effect).
 */
public final class SnapStartPriming implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

  /** Strong references: the CRaC context may hold its resources weakly. */
  private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

  private final LambdaRuntime runtime;

  public SnapStartPriming(LambdaRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Builds a deployment's runtime the way a handler's static holder should during Lambda's init
   * phase: starts the validator's bootstrap first (the longest part of a cold first request, so it
   * runs on the second core while the component is built), builds the component, registers its
   * priming for SnapStart and starts the warm-ups a first request needs ({@link
   * #startInBackground}).
   */
  public static <R extends LambdaRuntime> R initialise(Supplier<R> component) {
    HibernateValidation.startBuilding();
    R runtime = component.get();
    register(runtime).startInBackground();
    return runtime;
  }

  /** Registers priming of the runtime with the global CRaC context; call once per runtime. */
  public static SnapStartPriming register(LambdaRuntime runtime) {
    SnapStartPriming priming = new SnapStartPriming(runtime);
    REGISTERED.add(priming);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    LOG.debug("restored from a SnapStart snapshot");
  }

  /**
   * Runs every warm-up; safe to call more than once. Writes nothing: its only network call is the
   * store's health check, a read.
   */
  public void prime() {
    warmValidation();
    warmJsonAndIdentity();
    warmStore();
    warmProtocol();
    warmDelivery();
  }

  /**
   * Starts the warm-ups a first request needs on two daemon threads and returns at once, for an
   * init phase without SnapStart (and for the time before a snapshot is taken). Building the
   * validator and reading the first JSON body are the two biggest parts of a cold first request and
   * share no classes, so each gets a thread, and the handler's first request, arriving meanwhile,
   * waits only for what it needs. The Management API client is left out: none of the first requests
   * posts to a connection, and building it would take the CPU they need. A warm-up that fails is
   * logged and otherwise ignored: the request builds the same on first use.
   *
   * @return completes when both threads are done; exceptionally if a warm-up failed
   */
  public CompletableFuture<Void> startInBackground() {
    return CompletableFuture.allOf(
        start("parley-warmup-validation", this::warmValidation),
        start(
            "parley-warmup-protocol",
            () -> {
              warmJsonAndIdentity();
              warmStore();
              warmProtocol();
            }));
  }

  private static CompletableFuture<Void> start(String name, Runnable warmUp) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread.ofPlatform()
        .name(name)
        .daemon()
        .start(
            () -> {
              try {
                warmUp.run();
                done.complete(null);
              } catch (RuntimeException e) {
                LOG.warn("{} failed; the first request warms up instead", name, e);
                done.completeExceptionally(e);
              }
            });
    return done;
  }

  /** The validator, and the metadata of the commands the first requests of a client validate. */
  private void warmValidation() {
    Validator validator = runtime.validator();
    UserId user = UserId.of("snapstart-priming");
    validator.validate(new OpenConnectionCommand(user, "snapstart-priming"));
    validator.validate(new PostMessageCommand(user, "priming-room", "hello", null, null));
    validator.validate(new CreateRoomCommand(user, "priming", null, RoomType.PUBLIC, null, null));
  }

  /**
   * The JSON mapper with the readers of the first request bodies, and the identity resolver. None
   * of this waits for the validator.
   */
  private void warmJsonAndIdentity() {
    Json.readTree(Json.write(Map.of("type", "priming", "values", List.of(1, 2, 3))));
    Json.read(
        "{\"name\":\"priming\",\"type\":\"public\"}".getBytes(StandardCharsets.UTF_8),
        Requests.CreateRoom.class);
    Json.read(
        "{\"text\":\"priming\"}".getBytes(StandardCharsets.UTF_8), Requests.PostMessage.class);
    runtime.identity();
  }

  /**
   * A REST request through routing and authentication (refused: no store call) and a WebSocket
   * frame through parsing and error framing; both build the use cases, so they wait for the
   * validator.
   */
  private void warmProtocol() {
    runtime
        .restApi()
        .handle(
            new ApiRequest(
                "GET",
                "/rooms",
                Map.of(),
                Map.of("authorization", "Bearer priming.invalid.token"),
                null,
                null,
                "snapstart-priming"));
    runtime
        .webSocketApi()
        .receive(
            ConnectionId.of("snapstart-priming"),
            UserId.of("snapstart-priming"),
            "{\"action\":\"snapstart-priming\",\"requestId\":\"priming\"}");
  }

  private void warmStore() {
    if (!runtime.storeHealth().isAvailable()) {
      LOG.warn("the store did not answer while priming; its client warms on the first request");
    }
  }

  private void warmDelivery() {
    runtime.delivery().prime();
  }
}
