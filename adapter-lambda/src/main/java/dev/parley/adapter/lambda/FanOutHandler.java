package dev.parley.adapter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.shared.Identifiers;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fan-out function: posts the frame of one {@link FanOutBatch} to each of its connections
 * through {@link ManagementApiDeliveryAdapter#deliverFrame}, at the endpoint the batch names, and
 * returns when all posts are done. As in the request, a connection that is gone (410) is removed
 * from the registry, throttled posts are retried with backoff, and other failures are logged and
 * skipped: clients resume by sequence.
 *
 * <p>{@link LambdaFanOutDeliveryAdapter} invokes it asynchronously. A payload that is not a batch
 * (no endpoint or frame, an id that is no connection id) throws, so that Lambda's asynchronous
 * retries and on-failure destination keep it in sight; nothing else does, because a retry would
 * post the frame again to the connections that already have it.
 */
public class FanOutHandler implements RequestHandler<FanOutBatch, FanOutReport> {
  private static final Logger LOG = LoggerFactory.getLogger(FanOutHandler.class);

  private final LambdaRuntime runtime;

  public FanOutHandler(LambdaRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public FanOutReport handleRequest(FanOutBatch batch, Context context) {
    URI endpoint = endpoint(batch);
    List<ConnectionId> recipients = recipients(batch);
    ManagementApiDeliveryAdapter.PostCounts counts =
        runtime.delivery().deliverFrame(endpoint, batch.getFrame(), recipients);
    LOG.debug(
        "fanned out to {} connection(s): {} posted, {} gone, {} failed",
        recipients.size(),
        counts.posted(),
        counts.gone(),
        counts.failed());
    return new FanOutReport(counts.posted(), counts.gone(), counts.failed());
  }

  private static URI endpoint(FanOutBatch batch) {
    if (batch == null || batch.getEndpoint() == null || batch.getFrame() == null) {
      throw new IllegalArgumentException("not a fan-out batch: endpoint and frame are required");
    }
    try {
      URI endpoint = new URI(batch.getEndpoint());
      if (endpoint.getScheme() == null || endpoint.getHost() == null) {
        throw new IllegalArgumentException("the batch's endpoint is not an absolute URL");
      }
      return endpoint;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the batch's endpoint is not a URL", e);
    }
  }

  private static List<ConnectionId> recipients(FanOutBatch batch) {
    List<String> ids = batch.getConnectionIds() == null ? List.of() : batch.getConnectionIds();
    List<ConnectionId> recipients = new ArrayList<>(ids.size());
    for (String id : ids) {
      if (!Identifiers.isValid(id)) {
        throw new IllegalArgumentException("the batch names a connection id that is none");
      }
      recipients.add(ConnectionId.of(id));
    }
    return recipients;
  }
}
