package dev.parley.adapter.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.domain.presence.ConnectionId;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Splits the recipients of one event into {@link FanOutBatch}es whose JSON payload stays within a
 * byte bound, counted exactly as {@link #payload} writes it, and a recipient count. Every recipient
 * ends up in exactly one batch, in order, or, when the frame with that recipient's id alone would
 * exceed the bound, in {@link Split#direct()}.
 */
final class FanOutBatches {
  /** Lambda refuses an asynchronous invocation whose payload is over 256 KB. */
  static final int ASYNC_PAYLOAD_LIMIT = 256 * 1024;

  /**
   * Half of {@link #ASYNC_PAYLOAD_LIMIT}: well under it, so that no rounding in how Lambda counts
   * can tip a batch over, and still thousands of connection ids next to a large frame.
   */
  static final int MAX_PAYLOAD_BYTES = ASYNC_PAYLOAD_LIMIT / 2;

  /**
   * Bounds the work of one fan-out invocation: a thousand posts at 32 in flight take about as long
   * as a cold start of the function, and a bigger room fans out from several environments at once.
   */
  static final int MAX_RECIPIENTS = 1_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();

  /** {@code {"endpoint":,"frame":,"connectionIds":[]}}: the payload without its values. */
  private static final int ENVELOPE =
      payload(new FanOutBatch("", "", List.of())).length - 2 * quoted("");

  private FanOutBatches() {}

  /**
   * The batches, and the recipients none can carry.
   *
   * @param batches each within the bounds it was split with, never empty
   * @param direct recipients to post to in the request: the frame is too large to go with their id
   */
  record Split(List<FanOutBatch> batches, List<ConnectionId> direct) {}

  static Split split(URI endpoint, String frame, Collection<ConnectionId> recipients) {
    return split(endpoint, frame, recipients, MAX_PAYLOAD_BYTES, MAX_RECIPIENTS);
  }

  static Split split(
      URI endpoint,
      String frame,
      Collection<ConnectionId> recipients,
      int maxPayloadBytes,
      int maxRecipients) {
    String target = endpoint.toString();
    int empty = ENVELOPE + quoted(target) + quoted(frame);
    List<FanOutBatch> batches = new ArrayList<>();
    List<ConnectionId> direct = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    int size = empty;
    for (ConnectionId recipient : recipients) {
      String id = recipient.value();
      int idBytes = quoted(id);
      if (empty + idBytes > maxPayloadBytes) {
        direct.add(recipient);
        continue;
      }
      // Every id after the first is preceded by a comma.
      if (!ids.isEmpty() && (ids.size() == maxRecipients || size + 1 + idBytes > maxPayloadBytes)) {
        batches.add(new FanOutBatch(target, frame, ids));
        ids = new ArrayList<>();
        size = empty;
      }
      size += (ids.isEmpty() ? 0 : 1) + idBytes;
      ids.add(id);
    }
    if (!ids.isEmpty()) {
      batches.add(new FanOutBatch(target, frame, ids));
    }
    return new Split(List.copyOf(batches), List.copyOf(direct));
  }

  /** The batch as the fan-out function receives it: compact JSON in UTF-8. */
  static byte[] payload(FanOutBatch batch) {
    try {
      return JSON.writeValueAsBytes(batch);
    } catch (JsonProcessingException e) {
      // Three strings cannot fail to encode; this would be a bug in the mapper's setup.
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of a JSON string literal: the quotes and the escaped UTF-8 text. */
  private static int quoted(String value) {
    return STRINGS.quoteAsUTF8(value).length + 2;
  }
}
