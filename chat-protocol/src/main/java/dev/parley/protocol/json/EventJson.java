package dev.parley.protocol.json;

import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A WebSocket {@code event} frame: the event's name, its room, its sequence when it is about a
 * message (absent otherwise), when it happened, and its data.
 */
public record EventJson(
    String type, String event, String roomId, Long sequence, Instant at, Object data) {

  /** Encodes an event once; the same bytes go to every recipient. */
  public static String encode(ChatEvent event) {
    return Json.writeString(of(event));
  }

  public static EventJson of(ChatEvent event) {
    long sequence = event.sequence();
    return new EventJson(
        "event",
        name(event),
        event.roomId().value(),
        sequence > 0 ? sequence : null,
        event.at(),
        data(event));
  }

  /** The stable event name clients switch on. */
  public static String name(ChatEvent event) {
    return switch (event) {
      case ChatEvent.MessagePosted e -> "message.posted";
      case ChatEvent.MessageEdited e -> "message.edited";
      case ChatEvent.MessageDeleted e -> "message.deleted";
      case ChatEvent.MessagePinned e -> "message.pinned";
      case ChatEvent.Mentioned e -> "message.mentioned";
      case ChatEvent.ReactionChanged e -> "reaction.changed";
      case ChatEvent.MemberJoined e -> "member.joined";
      case ChatEvent.MemberLeft e -> "member.left";
      case ChatEvent.MemberKicked e -> "member.kicked";
      case ChatEvent.MemberBanned e -> "member.banned";
      case ChatEvent.MemberUnbanned e -> "member.unbanned";
      case ChatEvent.MemberMuted e -> "member.muted";
      case ChatEvent.RoleChanged e -> "member.role_changed";
      case ChatEvent.RoomUpdated e -> "room.updated";
      case ChatEvent.RoomArchived e -> "room.archived";
      case ChatEvent.ReadMarkerMoved e -> "read.moved";
      case ChatEvent.PresenceChanged e -> "presence.changed";
      case ChatEvent.TypingChanged e -> "typing.changed";
    };
  }

  private static Object data(ChatEvent event) {
    return switch (event) {
      case ChatEvent.MessagePosted e -> MessageJson.inEvent(e.message());
      case ChatEvent.MessageEdited e -> MessageJson.inEvent(e.message());
      case ChatEvent.MessagePinned e -> MessageJson.inEvent(e.message());
      case ChatEvent.Mentioned e ->
          fields("messageId", e.messageId().value(), "userId", id(e.userId()), "by", id(e.by()));
      case ChatEvent.MessageDeleted e ->
          fields("messageId", e.messageId().value(), "by", id(e.by()));
      case ChatEvent.ReactionChanged e ->
          fields(
              "messageId", e.messageId().value(),
              "emoji", e.emoji().value(),
              "userId", id(e.userId()),
              "added", e.added(),
              "count", e.count());
      case ChatEvent.MemberJoined e ->
          fields("userId", id(e.userId()), "role", Wire.lower(e.role()), "by", id(e.invitedBy()));
      case ChatEvent.MemberLeft e -> fields("userId", id(e.userId()));
      case ChatEvent.MemberKicked e -> fields("userId", id(e.userId()), "by", id(e.by()));
      case ChatEvent.MemberBanned e ->
          fields("userId", id(e.userId()), "by", id(e.by()), "expiresAt", e.expiresAt());
      case ChatEvent.MemberUnbanned e -> fields("userId", id(e.userId()), "by", id(e.by()));
      case ChatEvent.MemberMuted e ->
          fields(
              "userId",
              id(e.userId()),
              "by",
              id(e.by()),
              "mutedUntil",
              MemberJson.mutedUntil(e.until()));
      case ChatEvent.RoleChanged e ->
          fields(
              "userId", id(e.userId()),
              "from", Wire.lower(e.from()),
              "to", Wire.lower(e.to()),
              "by", id(e.by()));
      case ChatEvent.RoomUpdated e -> RoomJson.of(e.room());
      case ChatEvent.RoomArchived e -> fields("by", id(e.by()));
      case ChatEvent.ReadMarkerMoved e ->
          fields("userId", id(e.userId()), "lastRead", e.lastRead());
      case ChatEvent.PresenceChanged e ->
          fields(
              "userId", id(e.userId()),
              "status", Wire.lower(e.status()),
              "lastActiveAt", e.lastActiveAt());
      case ChatEvent.TypingChanged e ->
          fields("typers", e.typers().stream().map(UserId::value).toList());
    };
  }

  private static String id(UserId user) {
    return user == null ? null : user.value();
  }

  /** An ordered map of the given key/value pairs, leaving out null values. */
  private static Map<String, Object> fields(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        map.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return map;
  }
}
