package dev.parley.protocol.json;

import dev.parley.domain.event.ChatEvent;
import java.util.List;

/** One event of every {@link ChatEvent} subtype (EventJsonTest proves there is one of each). */
public final class EventSamples {
  private EventSamples() {}

  public static List<ChatEvent> oneOfEach() {
    return EventJsonTest.samples().stream().map(EventJsonTest.Sample::event).toList();
  }
}
