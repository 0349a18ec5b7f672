package dev.parley.protocol.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.event.ChatEvent;
import dev.parley.protocol.json.EventJson;
import dev.parley.protocol.json.EventSamples;
import java.util.Arrays;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml describes exactly the frames of the protocol: a frame added on one side only
 * fails here, in whichever direction.
 */
class AsyncApiConsistencyTest {
  private final AsyncApiDocument document = AsyncApiDocument.load();

  /** The server frames are the records of ServerFrames that carry a {@code type}, and events. */
  private static SortedSet<String> serverFrameTypes() {
    return Arrays.stream(ServerFrames.class.getDeclaredClasses())
        .filter(Class::isRecord)
        .filter(
            frame ->
                Arrays.stream(frame.getRecordComponents())
                    .anyMatch(component -> component.getName().equals("type")))
        .map(frame -> lowerFirst(frame.getSimpleName()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String lowerFirst(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static SortedSet<String> eventNames() {
    return EventSamples.oneOfEach().stream()
        .map(EventJson::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyActionHasAClientMessageAndEveryClientMessageAnAction() {
    assertThat(document.clientActions())
        .as("client messages of %s", document.file())
        .containsExactlyInAnyOrderElementsOf(WebSocketApi.ACTIONS);
  }

  @Test
  void everyActionHasAFrameRecord() {
    Set<String> records =
        Arrays.stream(ClientFrames.class.getDeclaredClasses())
            .filter(Class::isRecord)
            .map(frame -> lowerFirst(frame.getSimpleName()))
            .collect(Collectors.toSet());

    assertThat(records).containsExactlyInAnyOrderElementsOf(WebSocketApi.ACTIONS);
  }

  @Test
  void everyServerFrameHasAMessageAndEveryServerMessageAFrame() {
    assertThat(serverFrameTypes()).contains("hello", "ack", "pong", "error");

    assertThat(document.serverFrameTypes())
        .as("server messages of %s", document.file())
        .containsExactlyInAnyOrderElementsOf(serverFrameTypes());
  }

  @Test
  void everyEventTheCodeProducesHasAMessageAndEveryEventMessageAnEvent() {
    assertThat(EventSamples.oneOfEach().stream().map(Object::getClass).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(ChatEvent.class.getPermittedSubclasses());
    assertThat(EventJson.of(EventSamples.oneOfEach().getFirst()).type()).isEqualTo("event");

    assertThat(document.eventNames())
        .as("event messages of %s", document.file())
        .containsExactlyInAnyOrderElementsOf(eventNames());
  }

  @Test
  void theChannelCarriesExactlyTheMessagesOfTheOperations() {
    SortedSet<String> all = new TreeSet<>(WebSocketApi.ACTIONS);
    all.addAll(serverFrameTypes());
    all.addAll(eventNames());

    assertThat(document.channelMessages()).containsExactlyInAnyOrderElementsOf(all);
  }
}
