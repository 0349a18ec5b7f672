package dev.parley.adapter.lambda;

import dev.parley.application.port.out.EventDeliveryPort;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.protocol.json.EventJson;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The Lambda deployments' event delivery: small audiences in the request, big rooms off it.
 *
 * <p>An event for more recipients than {@link LambdaConfig.FanOut#threshold()}, when a fan-out
 * function is configured, is encoded once, split into {@link FanOutBatch}es ({@link FanOutBatches}:
 * well under Lambda's 256 KB asynchronous payload limit) and each batch is handed to the fan-out
 * function by an asynchronous invocation ({@code InvocationType.EVENT}); {@link #deliver} returns
 * once Lambda has accepted every batch (202), long before the posts are done, so a post to a big
 * room no longer waits for its fan-out nor meets API Gateway's 29 s timeout. Everything else goes
 * through {@link ManagementApiDeliveryAdapter} as before: smaller audiences, disconnects (kick,
 * ban), and any batch whose invocation failed, which is then posted in the request with a warning:
 * an event is never dropped silently.
 *
 * <p>The Lambda client ({@link LambdaInvokeClient}: the SDK's signer and URL-connection HTTP
 * client, up to three attempts, an endpoint override only for the local emulator) is built on the
 * first event that needs it. Thread-safe.
 */
@Singleton
public final class LambdaFanOutDeliveryAdapter implements EventDeliveryPort {
  private static final Logger LOG = LoggerFactory.getLogger(LambdaFanOutDeliveryAdapter.class);

  /**
   * An asynchronous invocation is accepted in milliseconds; the request has 29 s in all, so three
   * attempts of at most 2 s each leave it most of them.
   */
  private static final Duration INVOKE_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

  private final LambdaConfig config;
  private final ManagementApiDeliveryAdapter direct;
  private volatile LambdaInvokeClient client;

  @Inject
  public LambdaFanOutDeliveryAdapter(LambdaConfig config, ManagementApiDeliveryAdapter direct) {
    this.config = config;
    this.direct = direct;
  }

  @Override
  public void deliver(ChatEvent event, Collection<ConnectionId> recipients) {
    URI endpoint = direct.endpoint();
    if (!config.fanOut().offPath(recipients.size()) || endpoint == null) {
      direct.deliver(event, recipients);
      return;
    }
    String frame = EventJson.encode(event);
    FanOutBatches.Split split = FanOutBatches.split(endpoint, frame, recipients);
    if (!split.direct().isEmpty()) {
      LOG.warn(
          "a {}-character frame is too large for a fan-out batch: posting to {} recipient(s) in"
              + " the request",
          frame.length(),
          split.direct().size());
      direct.deliverFrame(endpoint, frame, split.direct());
    }
    handOff(split.batches(), endpoint, frame);
  }

  @Override
  public void disconnect(Collection<ConnectionId> connections, DisconnectReason reason) {
    direct.disconnect(connections, reason);
  }

  /** Builds the Lambda client ahead of the first big event (SnapStart priming; no call). */
  void prime() {
    if (config.fanOut().function() != null) {
      client();
    }
  }

  /** Invokes the batches at once, each on a virtual thread, and waits until all are handed off. */
  private void handOff(List<FanOutBatch> batches, URI endpoint, String frame) {
    if (batches.isEmpty()) {
      return;
    }
    if (batches.size() == 1) {
      handOff(batches.getFirst(), endpoint, frame);
      return;
    }
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (FanOutBatch batch : batches) {
        executor.submit(() -> handOff(batch, endpoint, frame));
      }
    }
  }

  private void handOff(FanOutBatch batch, URI endpoint, String frame) {
    if (invoke(batch)) {
      return;
    }
    List<ConnectionId> recipients = new ArrayList<>(batch.getConnectionIds().size());
    for (String id : batch.getConnectionIds()) {
      recipients.add(ConnectionId.of(id));
    }
    direct.deliverFrame(endpoint, frame, recipients);
  }

  /** Whether Lambda accepted the batch for asynchronous invocation; failures are logged. */
  private boolean invoke(FanOutBatch batch) {
    String function = config.fanOut().function();
    int recipients = batch.getConnectionIds().size();
    try {
      LambdaInvokeClient.Answer answer =
          client().invokeAsync(function, FanOutBatches.payload(batch));
      if (answer.accepted()) {
        return true;
      }
      LOG.warn(
          "the fan-out function {} answered {} instead of 202 ({}): posting to {} recipient(s) in"
              + " the request",
          function,
          answer.status(),
          answer.error(),
          recipients);
    } catch (IOException | SdkException e) {
      LOG.warn(
          "invoking the fan-out function {} failed ({}): posting to {} recipient(s) in the"
              + " request",
          function,
          e.toString(),
          recipients);
    }
    return false;
  }

  private LambdaInvokeClient client() {
    LambdaInvokeClient built = client;
    if (built == null) {
      synchronized (this) {
        built = client;
        if (built == null) {
          built = build();
          client = built;
        }
      }
    }
    return built;
  }

  private LambdaInvokeClient build() {
    return new LambdaInvokeClient(
        config.region(),
        config.credentials(),
        config.fanOut().lambdaEndpoint(),
        INVOKE_ATTEMPT_TIMEOUT);
  }
}
