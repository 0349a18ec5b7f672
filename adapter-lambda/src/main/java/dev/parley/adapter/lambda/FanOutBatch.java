package dev.parley.adapter.lambda;

import java.util.List;

/**
 * The payload of one asynchronous invocation of the fan-out function: an encoded event frame and
 * the connections to post it to, through the {@code @connections} endpoint of the WebSocket API
 * stage they are connected to. {@link FanOutBatches} sizes it to stay well under Lambda's limit for
 * an asynchronous payload.
 *
 * <p>A JavaBean (no-argument constructor, getters and setters) rather than a record: the Lambda
 * runtime binds a handler's input with a JSON mapper of its own, which needs nothing more.
 */
public final class FanOutBatch {
  private String endpoint;
  private String frame;
  private List<String> connectionIds;

  /** For the Lambda runtime's JSON binding. */
  public FanOutBatch() {}

  public FanOutBatch(String endpoint, String frame, List<String> connectionIds) {
    this.endpoint = endpoint;
    this.frame = frame;
    this.connectionIds = List.copyOf(connectionIds);
  }

  /** The Management API endpoint, such as {@code https://{api-id}.execute-api.../{stage}}. */
  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  /** The event frame, encoded once, as every recipient gets it. */
  public String getFrame() {
    return frame;
  }

  public void setFrame(String frame) {
    this.frame = frame;
  }

  /** The API Gateway connection ids to post the frame to. */
  public List<String> getConnectionIds() {
    return connectionIds;
  }

  public void setConnectionIds(List<String> connectionIds) {
    this.connectionIds = connectionIds;
  }
}
