package dev.parley.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.domain.presence.ConnectionId;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FanOutBatchesTest {
  private static final URI ENDPOINT =
      URI.create("https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/live");

  /** Connection ids shaped like API Gateway's: 16 characters, base64 with a trailing '='. */
  private static List<ConnectionId> connections(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> ConnectionId.of(String.format("Lx%013dQ=", i)))
        .toList();
  }

  /** A frame that needs escaping in JSON and more than one UTF-8 byte per character. */
  private static String frame(int characters) {
    String unit = "{\"text\":\"caf\u00e9 \u6f22\u5b57 \\\\ \\\"quoted\\\"\\n\"}";
    StringBuilder frame = new StringBuilder();
    while (frame.length() < characters) {
      frame.append(unit);
    }
    return frame.substring(0, characters);
  }

  private static List<String> ids(List<ConnectionId> connections) {
    return connections.stream().map(ConnectionId::value).toList();
  }

  private static List<String> flatten(List<FanOutBatch> batches) {
    List<String> all = new ArrayList<>();
    batches.forEach(batch -> all.addAll(batch.getConnectionIds()));
    return all;
  }

  @Test
  void everyRecipientIsInExactlyOneBatchInTheirOrder() {
    List<ConnectionId> recipients = connections(5_321);

    FanOutBatches.Split split = FanOutBatches.split(ENDPOINT, frame(200), recipients);

    assertThat(split.direct()).isEmpty();
    assertThat(flatten(split.batches())).containsExactlyElementsOf(ids(recipients));
    assertThat(split.batches()).hasSize(6);
    assertThat(split.batches())
        .allSatisfy(
            batch -> {
              assertThat(batch.getConnectionIds()).hasSizeLessThanOrEqualTo(1_000).isNotEmpty();
              assertThat(batch.getFrame()).isEqualTo(frame(200));
              assertThat(batch.getEndpoint()).isEqualTo(ENDPOINT.toString());
            });
  }

  @Test
  void everyPayloadStaysWithinTheBoundAndEachBatchButTheLastIsFullUpToIt() {
    // 80,000 characters that JSON escapes and UTF-8 widens to about 118 KB: some 700 ids fit next
    // to it, so the byte bound splits before the count bound does.
    String frame = frame(80_000);
    List<ConnectionId> recipients = connections(3_000);

    List<FanOutBatch> batches = FanOutBatches.split(ENDPOINT, frame, recipients).batches();

    assertThat(batches).hasSizeGreaterThan(3);
    assertThat(flatten(batches)).containsExactlyElementsOf(ids(recipients));
    for (int i = 0; i < batches.size(); i++) {
      FanOutBatch batch = batches.get(i);
      int bytes = FanOutBatches.payload(batch).length;
      assertThat(bytes).as("batch %d", i).isLessThanOrEqualTo(FanOutBatches.MAX_PAYLOAD_BYTES);
      assertThat(bytes).isLessThan(FanOutBatches.ASYNC_PAYLOAD_LIMIT);
      if (i < batches.size() - 1) {
        // The first id of the next batch would have tipped this one over the bound.
        List<String> oneMore = new ArrayList<>(batch.getConnectionIds());
        oneMore.add(batches.get(i + 1).getConnectionIds().getFirst());
        assertThat(FanOutBatches.payload(new FanOutBatch(batch.getEndpoint(), frame, oneMore)))
            .as("batch %d and one more id", i)
            .hasSizeGreaterThan(FanOutBatches.MAX_PAYLOAD_BYTES);
      }
    }
  }

  @Test
  void bothBoundsSplitAndTheLastBatchTakesTheRest() {
    String frame = "{\"type\":\"event\"}";
    List<ConnectionId> recipients = connections(10);
    int twoIds =
        FanOutBatches.payload(
                new FanOutBatch(ENDPOINT.toString(), frame, ids(recipients).subList(0, 2)))
            .length;

    // The byte bound allows two ids a batch, the count bound three.
    List<FanOutBatch> byBytes =
        FanOutBatches.split(ENDPOINT, frame, recipients, twoIds, 3).batches();
    List<FanOutBatch> byCount =
        FanOutBatches.split(ENDPOINT, frame, recipients, Integer.MAX_VALUE, 3).batches();

    assertThat(byBytes).extracting(b -> b.getConnectionIds().size()).containsExactly(2, 2, 2, 2, 2);
    assertThat(byCount).extracting(b -> b.getConnectionIds().size()).containsExactly(3, 3, 3, 1);
    assertThat(flatten(byBytes)).containsExactlyElementsOf(ids(recipients));
    assertThat(flatten(byCount)).containsExactlyElementsOf(ids(recipients));
  }

  @Test
  void aFrameTooLargeToTravelWithAnyIdIsLeftForTheRequest() {
    List<ConnectionId> recipients = connections(5);

    FanOutBatches.Split split =
        FanOutBatches.split(ENDPOINT, frame(FanOutBatches.MAX_PAYLOAD_BYTES), recipients);

    assertThat(split.batches()).isEmpty();
    assertThat(split.direct()).containsExactlyElementsOf(recipients);
  }

  @Test
  void noRecipientsMeansNoBatches() {
    FanOutBatches.Split split = FanOutBatches.split(ENDPOINT, frame(100), List.of());

    assertThat(split.batches()).isEmpty();
    assertThat(split.direct()).isEmpty();
  }

  @Test
  void thePayloadIsTheBatchInJsonAsTheLambdaRuntimeBindsIt() throws Exception {
    FanOutBatch batch =
        FanOutBatches.split(ENDPOINT, frame(300), connections(3)).batches().getFirst();

    FanOutBatch bound =
        new ObjectMapper().readValue(FanOutBatches.payload(batch), FanOutBatch.class);

    assertThat(bound.getEndpoint()).isEqualTo(ENDPOINT.toString());
    assertThat(bound.getFrame()).isEqualTo(frame(300));
    assertThat(bound.getConnectionIds()).containsExactlyElementsOf(batch.getConnectionIds());
  }
}
