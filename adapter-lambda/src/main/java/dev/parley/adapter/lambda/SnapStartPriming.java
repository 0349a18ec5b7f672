package dev.parley.adapter.lambda;

import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.http.ApiRequest;
import dev.parley.protocol.json.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * JSON round trip, a validation of a dummy command, builds the Management API client (no network
 * call), and reads the store once through its health check. That read is what loads the store
 * client's request path (for DynamoDB: marshalling, signing, the HTTP client, about 1,500 SDK
 * classes), which otherwise lands on the first request after a restore: 524 ms of it on DynamoDB
 * Local, measured in docs/benchmarks.md. It changes no state, and a store that does not answer only
 * costs the health check's bounded wait. {@link #afterRestore} does nothing heavy.
 */
public final class SnapStartPriming implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

  /** Strong references: the CRaC context may hold its resources weakly. */
  private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

  private final LambdaRuntime runtime;

  public SnapStartPriming(LambdaRuntime runtime) {
    this.runtime = runtime;
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
    Json.readTree(Json.write(Map.of("type", "priming", "values", List.of(1, 2, 3))));
    runtime
        .validator()
        .validate(
            new PostMessageCommand(
                UserId.of("snapstart-priming"), "priming-room", "hello", null, null));
    runtime.delivery().prime();
    if (!runtime.storeHealth().isAvailable()) {
      LOG.warn("the store did not answer while priming; its client warms on the first request");
    }
  }
}
