package dev.parley.adapter.lambda;

import dev.parley.application.port.in.CheckStoreHealthQuery;
import dev.parley.application.port.in.CreateRoomCommand;
import dev.parley.application.port.in.OpenConnectionCommand;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.application.port.in.StoreHealth;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.http.ApiRequest;
import dev.parley.protocol.json.Json;
import dev.parley.protocol.json.MessageJson;
import dev.parley.protocol.json.ReadMarkerJson;
import dev.parley.protocol.json.RoomJson;
import dev.parley.protocol.rest.Requests;
import dev.parley.protocol.ws.ServerFrames;
import dev.parley.runtime.UuidV7IdGeneratorAdapter;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms a runtime before Lambda SnapStart takes its snapshot, so that restored environments start
 * with loaded classes and initialised singletons: the object graph is built already (the handler's
 * static field), and {@link #beforeCheckpoint} runs a REST request through routing and
 * authentication (refused: no store call), a WebSocket frame through parsing and error framing, a
 * JSON round trip with the readers of the first request bodies, validations of dummy commands,
 * builds the identity resolver, the Management API client and, where a fan-out function is
 * configured, the Lambda client (no network call), and reads the store once through its health
 * check. That read is what loads the store client's request path (for DynamoDB: marshalling,
 * signing, the HTTP client, about 1,500 SDK classes), which otherwise lands on the first request
 * after a restore: 524 ms of it on DynamoDB Local, measured in docs/benchmarks.md. It changes no
 * state, and a store that does not answer only costs the health check's bounded wait. {@link
 * #afterRestore} does nothing heavy: it re-seeds the id generator, whose random state every
 * environment restored from the snapshot would otherwise share ({@link
 * UuidV7IdGeneratorAdapter#reseed}).
 *
 * <p>Without SnapStart the same warm-ups still help: {@link #startInBackground} runs those the
 * first requests of a function need on background threads while the request comes in ({@link
 * LambdaInit} starts them; docs/benchmarks.md has the effect).
 */
public final class SnapStartPriming implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

  private static final String PRIMING = "snapstart-priming";

  private final LambdaRuntime runtime;

  public SnapStartPriming(LambdaRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    runtime.idGenerator().reseed();
    LOG.debug("restored from a SnapStart snapshot; ids re-seeded");
  }

  /**
   * Runs every warm-up; safe to call more than once. Writes nothing: its only network call is the
   * store's health check, a read.
   */
  public void prime() {
    warmValidation();
    warmJsonOfRest();
    warmJsonOfWebSocket();
    warmStore();
    // Through authentication with a refused token: the identity resolver and the JWT parsing too.
    warmRest();
    warmWebSocket();
    warmDelivery();
  }

  /**
   * Starts the warm-ups the first requests of {@code entry} need on daemon threads and returns at
   * once, for an init phase without SnapStart (and for the time before a snapshot is taken). The
   * validator's metadata, the store client's request path and the JSON readers and writers are the
   * biggest parts of a cold first request and share no classes, so each gets a thread, and the
   * handler's first request, arriving meanwhile, waits only for what it needs. The cold start is
   * CPU-bound, so a warm-up the first request does not need only slows it down: each entry warms
   * its own path, and the Management API client is left out of the APIs' (none of their first
   * requests posts to a connection) but is the fan-out function's main warm-up. A warm-up that
   * fails is logged and otherwise ignored: the request builds the same on first use.
   *
   * @return completes when every thread is done; exceptionally if a warm-up failed
   */
  public CompletableFuture<Void> startInBackground(LambdaInit.Entry entry) {
    return switch (entry) {
      // Last on the protocol thread: only a handler that verifies bearer tokens itself needs it.
      case HTTP -> startThreads(this::warmValidationOfRest, this::warmJsonOfRest, this::warmRest);
      // Frames come after the $connect, which only writes its hello frame: last.
      case WEBSOCKET ->
          startThreads(
              this::warmValidationOfWebSocket, this::warmJsonOfWebSocket, this::warmWebSocket);
      case AUTHORIZER -> start("parley-warmup-identity", this::warmIdentity);
      // Its first batch posts at once, so here the Management API client is what is needed.
      case FANOUT ->
          CompletableFuture.allOf(
              start("parley-warmup-store", this::warmStore),
              start("parley-warmup-delivery", this::warmDelivery));
      case MAINTENANCE -> start("parley-warmup-store", this::warmStore);
    };
  }

  /** One thread for validation, one for the store, one for JSON and then the protocol. */
  private CompletableFuture<Void> startThreads(
      Runnable validation, Runnable json, Runnable protocol) {
    return CompletableFuture.allOf(
        start("parley-warmup-validation", validation),
        start("parley-warmup-store", this::warmStore),
        start(
            "parley-warmup-protocol",
            () -> {
              json.run();
              protocol.run();
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
    validate(openConnection(), createRoom(), postMessage());
  }

  private void warmValidationOfRest() {
    validate(createRoom(), postMessage());
  }

  private void warmValidationOfWebSocket() {
    validate(openConnection(), postMessage());
  }

  private void validate(Object... commands) {
    Validator validator = runtime.validator();
    for (Object command : commands) {
      validator.validate(command);
    }
  }

  private static OpenConnectionCommand openConnection() {
    return new OpenConnectionCommand(UserId.of(PRIMING), PRIMING);
  }

  private static CreateRoomCommand createRoom() {
    return new CreateRoomCommand(UserId.of(PRIMING), "priming", null, RoomType.PUBLIC, null, null);
  }

  private static PostMessageCommand postMessage() {
    return new PostMessageCommand(UserId.of(PRIMING), "priming-room", "hello", null, null);
  }

  /**
   * The JSON mapper with the readers of the first request bodies and the writers of their answers
   * (a room, a message). Waits for nothing.
   */
  private void warmJsonOfRest() {
    Json.read(
        "{\"name\":\"priming\",\"type\":\"public\"}".getBytes(StandardCharsets.UTF_8),
        Requests.CreateRoom.class);
    Json.read(
        "{\"text\":\"priming\"}".getBytes(StandardCharsets.UTF_8), Requests.PostMessage.class);
    Instant at = Instant.EPOCH;
    Json.write(
        new RoomJson(
            PRIMING,
            PRIMING,
            null,
            "public",
            PRIMING,
            at,
            false,
            new RoomJson.SettingsJson(1, 0, true, true),
            Map.of(PRIMING, PRIMING),
            PRIMING,
            0L,
            0L,
            0L,
            0L));
    Json.write(
        new MessageJson(
            PRIMING, PRIMING, 1, PRIMING, PRIMING, null, 0, null, at, null, null, false, false,
            List.of(), null, List.of()));
  }

  /** The JSON mapper with the writer of the hello frame a {@code $connect} answers with. */
  private void warmJsonOfWebSocket() {
    Json.writeString(
        new ServerFrames.Hello(
            "hello", PRIMING, PRIMING, new ReadMarkerJson.UnreadJson(List.of(), 0, 0), null));
  }

  /** The identity resolver, and a token refused on its signature, which loads the JWT parsing. */
  private void warmIdentity() {
    runtime.identity().authenticate("priming.invalid.token");
  }

  /**
   * A REST request through routing and authentication (refused: no store call); builds the use
   * cases, so it waits for the validator.
   */
  private void warmRest() {
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
                PRIMING));
  }

  /**
   * A WebSocket frame through parsing and error framing; builds the use cases, so it waits for the
   * validator.
   */
  private void warmWebSocket() {
    runtime
        .webSocketApi()
        .receive(
            ConnectionId.of(PRIMING),
            UserId.of(PRIMING),
            "{\"action\":\"snapstart-priming\",\"requestId\":\"priming\"}");
  }

  private void warmStore() {
    if (runtime.checkStoreHealth().checkStoreHealth(new CheckStoreHealthQuery())
        instanceof StoreHealth.Unavailable) {
      LOG.warn("the store did not answer while priming; its client warms on the first request");
    }
  }

  private void warmDelivery() {
    runtime.delivery().prime();
    runtime.fanOutDelivery().prime();
  }
}
