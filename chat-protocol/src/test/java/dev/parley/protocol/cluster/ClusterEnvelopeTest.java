package dev.parley.protocol.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.protocol.json.EventJson;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What one node puts on a bus, another reads back unchanged; anything else is refused. */
class ClusterEnvelopeTest {
  private static final List<ConnectionId> TO =
      List.of(ConnectionId.of("c-1"), ConnectionId.of("c-2"));

  /** Quotes, backslashes, control characters, non-BMP emoji, line separators. */
  private static final String NASTY = "he said \"hi\\there\"\n\t\u0001 \u2028 😀 ünï \uD83D\uDC4D";

  static Stream<String> frames() {
    Instant at = Instant.parse("2025-03-04T05:06:07.123456789Z");
    Message message =
        new Message(
            MessageId.of("m-1"),
            RoomId.of("room-1"),
            7,
            UserId.of("alice"),
            NASTY,
            null,
            0,
            null,
            at,
            null,
            null,
            false);
    return Stream.of(
        EventJson.encode(new ChatEvent.MessagePosted(message, at)),
        // A maximal message: 64,000 UTF-8 bytes of text, far above a NOTIFY payload.
        EventJson.encode(
            new ChatEvent.MessagePosted(
                new Message(
                    MessageId.of("m-2"),
                    RoomId.of("room-1"),
                    8,
                    UserId.of("alice"),
                    "😀".repeat(16_000),
                    null,
                    0,
                    null,
                    at,
                    null,
                    null,
                    false),
                at)),
        NASTY,
        "");
  }

  @ParameterizedTest
  @MethodSource("frames")
  void aFrameAndItsRecipientsRoundTripToTheExactText(String frame) {
    ClusterEnvelope sent = new ClusterEnvelope("node-a", new ClusterMessage.Frame(frame, TO));

    ClusterEnvelope received = ClusterEnvelope.decode(sent.encode());

    assertThat(received).isEqualTo(sent);
    assertThat(((ClusterMessage.Frame) received.message()).frame()).isEqualTo(frame);
  }

  @ParameterizedTest
  @EnumSource(DisconnectReason.class)
  void aDisconnectRoundTripsWithItsReason(DisconnectReason reason) {
    ClusterEnvelope sent = new ClusterEnvelope("node-b", new ClusterMessage.Disconnect(TO, reason));

    assertThat(ClusterEnvelope.decode(sent.encode())).isEqualTo(sent);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "garbage",
        "null",
        "[]",
        "{}",
        "{\"origin\":\"n\",\"type\":\"frame\",\"to\":[\"c-1\"]}",
        "{\"origin\":\"n\",\"type\":\"frame\",\"to\":[],\"frame\":\"x\"}",
        "{\"origin\":\"n\",\"type\":\"frame\",\"to\":[\"has space\"],\"frame\":\"x\"}",
        "{\"type\":\"frame\",\"to\":[\"c-1\"],\"frame\":\"x\"}",
        "{\"origin\":\"n\",\"type\":\"shout\",\"to\":[\"c-1\"],\"frame\":\"x\"}",
        "{\"origin\":\"n\",\"type\":\"disconnect\",\"to\":[\"c-1\"],\"reason\":\"BORED\"}",
        "{\"origin\":\"n\",\"type\":\"disconnect\",\"to\":[\"c-1\"]}",
        "{\"origin\":\"n\",\"type\":\"frame\",\"to\":[\"c-1\"],\"frame\":\"x\",\"extra\":1}",
        "{\"origin\":\"n\",\"type\":\"frame\",\"to\":[\"c-1\"],\"frame\":\"x\"} trailing"
      })
  void anythingElseIsRefusedWithAnIllegalArgument(String text) {
    assertThatThrownBy(() -> ClusterEnvelope.decode(text))
        .isExactlyInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMessageAddressesAtLeastOneConnection() {
    assertThatThrownBy(() -> new ClusterMessage.Frame("{}", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClusterMessage.Disconnect(List.of(), DisconnectReason.KICKED))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
