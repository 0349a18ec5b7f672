package dev.parley.application.service;

import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.in.RoomSummary;
import dev.parley.application.port.out.BlockCheckPort;
import dev.parley.application.port.out.MentionStorePort;
import dev.parley.application.port.out.ReactionStorePort;
import dev.parley.application.port.out.ReadStatePort;
import dev.parley.application.port.out.RoomSequencePort;
import dev.parley.domain.member.Membership;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.reaction.Reaction;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the views use cases answer with: messages with reactions, rooms with unread counts. */
@Singleton
final class Views {
  private final ReactionStorePort reactions;
  private final ReadStatePort readState;
  private final RoomSequencePort sequences;
  private final MentionStorePort mentions;
  private final BlockCheckPort blocks;

  @Inject
  Views(
      ReactionStorePort reactions,
      ReadStatePort readState,
      RoomSequencePort sequences,
      MentionStorePort mentions,
      BlockCheckPort blocks) {
    this.reactions = reactions;
    this.readState = readState;
    this.sequences = sequences;
    this.mentions = mentions;
    this.blocks = blocks;
  }

  MessageView message(Message message) {
    return messages(message.roomId(), List.of(message)).get(0);
  }

  /** One reactions lookup for the whole page; deleted messages show none. */
  List<MessageView> messages(RoomId roomId, List<Message> messages) {
    List<MessageId> live = new ArrayList<>(messages.size());
    for (Message m : messages) {
      if (!m.deleted()) {
        live.add(m.id());
      }
    }
    Map<MessageId, List<Reaction>> byMessage =
        live.isEmpty() ? Map.of() : reactions.reactionsOf(roomId, live);
    List<MessageView> views = new ArrayList<>(messages.size());
    for (Message m : messages) {
      views.add(
          new MessageView(m, m.deleted() ? List.of() : byMessage.getOrDefault(m.id(), List.of())));
    }
    return views;
  }

  /**
   * A page as {@code viewer} sees it: messages of authors the viewer blocks are marked. One block
   * lookup for the page's other authors, none when the viewer wrote everything shown.
   */
  List<MessageView> messages(UserId viewer, RoomId roomId, List<Message> messages) {
    List<MessageView> views = messages(roomId, messages);
    Set<UserId> authors = new HashSet<>();
    for (Message m : messages) {
      if (!m.deleted() && !m.author().equals(viewer)) {
        authors.add(m.author());
      }
    }
    if (authors.isEmpty()) {
      return views;
    }
    Set<UserId> blocked = blocks.blockedAmong(viewer, authors);
    if (blocked.isEmpty()) {
      return views;
    }
    List<MessageView> marked = new ArrayList<>(views.size());
    for (MessageView view : views) {
      Message m = view.message();
      marked.add(
          !m.deleted() && blocked.contains(m.author())
              ? new MessageView(m, view.reactions(), true)
              : view);
    }
    return marked;
  }

  /** The room as {@code viewer} sees it; {@code membership} null for a non-member. */
  RoomSummary room(Room room, UserId viewer, Membership membership) {
    long last = sequences.lastSequence(room.id());
    if (membership == null) {
      return new RoomSummary(room, null, last, 0, 0, 0);
    }
    long lastRead = readState.lastRead(room.id(), viewer);
    long unread = lastRead >= last ? 0 : sequences.countUnread(room.id(), lastRead, viewer);
    // Every mention is of an unread message once the marker is behind: nothing unread, none to
    // count.
    long mentioned = unread == 0 ? 0 : mentions.countAfter(room.id(), viewer, lastRead);
    return new RoomSummary(room, membership.role(), last, lastRead, unread, mentioned);
  }
}
