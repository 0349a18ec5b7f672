package dev.parley.application.port.in;

import dev.parley.domain.room.RoomId;
import java.util.List;

/**
 * What a client missed in a room since a sequence.
 *
 * @param messages everything after the sequence, ascending; when {@code limited}, only the most
 *     recent page of it
 * @param limited more was missed than one page: fetch the rest with {@code olderCursor}
 * @param olderCursor when limited, a history cursor for the messages before {@code messages}; null
 *     otherwise
 * @param lastSequence the room's latest sequence when the resume was answered
 */
public record Resume(
    RoomId roomId,
    List<MessageView> messages,
    boolean limited,
    String olderCursor,
    long lastSequence) {
  public Resume {
    messages = List.copyOf(messages);
  }
}
