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
 * JSON round trip, a validation of a dummy command, and builds the Management API client (no
 * network call). {@link #afterRestore} does nothing heavy.
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

  /** Runs every warm-up; safe to call more than once, touches no store and no network. */
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
  }
}
