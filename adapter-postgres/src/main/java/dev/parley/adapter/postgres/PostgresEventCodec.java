package dev.parley.adapter.postgres;

import dev.parley.application.port.out.EventDeliveryPort.DisconnectReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.message.ClientMessageId;
import dev.parley.domain.message.Message;
import dev.parley.domain.message.MessageId;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.presence.PresenceStatus;
import dev.parley.domain.reaction.Emoji;
import dev.parley.domain.room.DirectKey;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomSettings;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire format of {@link PostgresEventBusAdapter}: what one node publishes in the outbox for the
 * others, as a small JSON object. Deliberately independent of chat-protocol (the clients' format
 * may change without touching the bus, and adapter-postgres must not depend on it): every {@link
 * ChatEvent} subtype is mapped field by field here, and the switch over the sealed family makes a
 * new subtype a compile error until it is mapped. Instants travel as ISO-8601 strings, nullable
 * fields as JSON null.
 *
 * <pre>{@code
 * {"o":"<origin node>","k":"deliver","to":["c1","c2"],"e":{"t":"message.posted",...}}
 * {"o":"<origin node>","k":"disconnect","to":["c1"],"r":"KICKED"}
 * }</pre>
 */
final class PostgresEventCodec {
  private PostgresEventCodec() {}

  /** One unit of work for the nodes: an event to deliver or connections to close. */
  sealed interface Envelope {
    /** The node that published it; that node has already handled it locally. */
    String origin();

    List<ConnectionId> recipients();
  }

  record Deliver(String origin, ChatEvent event, List<ConnectionId> recipients)
      implements Envelope {
    Deliver {
      recipients = List.copyOf(recipients);
    }
  }

  record Disconnect(String origin, List<ConnectionId> recipients, DisconnectReason reason)
      implements Envelope {
    Disconnect {
      recipients = List.copyOf(recipients);
    }
  }

  static String deliver(String origin, ChatEvent event, Collection<ConnectionId> recipients) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("o", origin);
    json.put("k", "deliver");
    json.put("to", ids(recipients));
    json.put("e", event(event));
    return MiniJson.write(json);
  }

  static String disconnect(
      String origin, Collection<ConnectionId> connections, DisconnectReason reason) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("o", origin);
    json.put("k", "disconnect");
    json.put("to", ids(connections));
    json.put("r", reason.name());
    return MiniJson.write(json);
  }

  /**
   * @throws IllegalArgumentException when the text is not an envelope of this codec
   */
  static Envelope decode(String text) {
    try {
      Map<String, Object> json = object(MiniJson.parse(text));
      String origin = text(json, "o");
      List<ConnectionId> to = new ArrayList<>();
      for (Object id : list(json, "to")) {
        to.add(ConnectionId.of((String) id));
      }
      return switch (text(json, "k")) {
        case "deliver" -> new Deliver(origin, event(object(json.get("e"))), to);
        case "disconnect" -> new Disconnect(origin, to, DisconnectReason.valueOf(text(json, "r")));
        default -> throw new IllegalArgumentException("unknown kind " + json.get("k"));
      };
    } catch (ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("not an event envelope: " + e.getMessage(), e);
    }
  }

  /** The JSON object of one event; {@code t} names its type (as chat-protocol does). */
  static Map<String, Object> event(ChatEvent event) {
    Map<String, Object> json = new LinkedHashMap<>();
    switch (event) {
      case ChatEvent.MessagePosted e -> {
        json.put("t", "message.posted");
        json.put("m", message(e.message()));
      }
      case ChatEvent.MessageEdited e -> {
        json.put("t", "message.edited");
        json.put("m", message(e.message()));
      }
      case ChatEvent.MessageDeleted e -> {
        json.put("t", "message.deleted");
        json.put("room", value(e.roomId()));
        json.put("mid", value(e.messageId()));
        json.put("seq", e.sequence());
        json.put("by", value(e.by()));
      }
      case ChatEvent.MessagePinned e -> {
        json.put("t", "message.pinned");
        json.put("m", message(e.message()));
        json.put("by", value(e.by()));
      }
      case ChatEvent.ReactionChanged e -> {
        json.put("t", "reaction.changed");
        json.put("room", value(e.roomId()));
        json.put("mid", value(e.messageId()));
        json.put("seq", e.sequence());
        json.put("emoji", e.emoji() == null ? null : e.emoji().value());
        json.put("user", value(e.userId()));
        json.put("added", e.added());
        json.put("count", e.count());
      }
      case ChatEvent.MemberJoined e -> {
        json.put("t", "member.joined");
        json.put("room", value(e.roomId()));
        json.put("user", value(e.userId()));
        json.put("role", name(e.role()));
        json.put("invitedBy", value(e.invitedBy()));
      }
      case ChatEvent.MemberLeft e -> {
        json.put("t", "member.left");
        json.put("room", value(e.roomId()));
        json.put("user", value(e.userId()));
      }
      case ChatEvent.MemberKicked e -> {
        json.put("t", "member.kicked");
        json.put("room", value(e.roomId()));
        json.put("user", value(e.userId()));
        json.put("by", value(e.by()));
      }
      case ChatEvent.MemberBanned e -> {
        json.put("t", "member.banned");
        json.put("room", value(e.roomId()));
        json.put("user", value(e.userId()));
        json.put("by", value(e.by()));
        json.put("expires", instant(e.expiresAt()));
      }
      case ChatEvent.MemberUnbanned e -> {
        json.put("t", "member.unbanned");
        json.put("room", value(e.roomId()));
        json.put("user", value(e.userId()));
        json.put("by", value(e.by()));
      }
      case ChatEvent.MemberMuted e -> {
        json.put("t", "member.muted");
        json.put("room", value(e.roomId()));
        json.put("user", value(e.userId()));
        json.put("by", value(e.by()));
        json.put("until", instant(e.until()));
      }
      case ChatEvent.RoleChanged e -> {
        json.put("t", "member.role_changed");
        json.put("room", value(e.roomId()));
        json.put("user", value(e.userId()));
        json.put("from", name(e.from()));
        json.put("to", name(e.to()));
        json.put("by", value(e.by()));
      }
      case ChatEvent.RoomUpdated e -> {
        json.put("t", "room.updated");
        json.put("r", room(e.room()));
        json.put("by", value(e.by()));
      }
      case ChatEvent.RoomArchived e -> {
        json.put("t", "room.archived");
        json.put("room", value(e.roomId()));
        json.put("by", value(e.by()));
      }
      case ChatEvent.ReadMarkerMoved e -> {
        json.put("t", "read.moved");
        json.put("room", value(e.roomId()));
        json.put("user", value(e.userId()));
        json.put("lastRead", e.lastRead());
      }
      case ChatEvent.PresenceChanged e -> {
        json.put("t", "presence.changed");
        json.put("room", value(e.roomId()));
        json.put("user", value(e.userId()));
        json.put("status", name(e.status()));
        json.put("lastActive", instant(e.lastActiveAt()));
      }
      case ChatEvent.TypingChanged e -> {
        json.put("t", "typing.changed");
        json.put("room", value(e.roomId()));
        List<Object> typers = new ArrayList<>();
        e.typers().forEach(user -> typers.add(user.value()));
        json.put("typers", typers);
      }
    }
    json.put("at", instant(event.at()));
    return json;
  }

  static ChatEvent event(Map<String, Object> json) {
    Instant at = instant(json, "at");
    return switch (text(json, "t")) {
      case "message.posted" -> new ChatEvent.MessagePosted(message(object(json.get("m"))), at);
      case "message.edited" -> new ChatEvent.MessageEdited(message(object(json.get("m"))), at);
      case "message.deleted" ->
          new ChatEvent.MessageDeleted(
              room(json), messageId(json, "mid"), number(json, "seq"), user(json, "by"), at);
      case "message.pinned" ->
          new ChatEvent.MessagePinned(message(object(json.get("m"))), user(json, "by"), at);
      case "reaction.changed" ->
          new ChatEvent.ReactionChanged(
              room(json),
              messageId(json, "mid"),
              number(json, "seq"),
              json.get("emoji") == null ? null : Emoji.of(text(json, "emoji")),
              user(json, "user"),
              (Boolean) json.get("added"),
              Math.toIntExact(number(json, "count")),
              at);
      case "member.joined" ->
          new ChatEvent.MemberJoined(
              room(json), user(json, "user"), role(json, "role"), user(json, "invitedBy"), at);
      case "member.left" -> new ChatEvent.MemberLeft(room(json), user(json, "user"), at);
      case "member.kicked" ->
          new ChatEvent.MemberKicked(room(json), user(json, "user"), user(json, "by"), at);
      case "member.banned" ->
          new ChatEvent.MemberBanned(
              room(json), user(json, "user"), user(json, "by"), instant(json, "expires"), at);
      case "member.unbanned" ->
          new ChatEvent.MemberUnbanned(room(json), user(json, "user"), user(json, "by"), at);
      case "member.muted" ->
          new ChatEvent.MemberMuted(
              room(json), user(json, "user"), user(json, "by"), instant(json, "until"), at);
      case "member.role_changed" ->
          new ChatEvent.RoleChanged(
              room(json),
              user(json, "user"),
              role(json, "from"),
              role(json, "to"),
              user(json, "by"),
              at);
      case "room.updated" ->
          new ChatEvent.RoomUpdated(roomOf(object(json.get("r"))), user(json, "by"), at);
      case "room.archived" -> new ChatEvent.RoomArchived(room(json), user(json, "by"), at);
      case "read.moved" ->
          new ChatEvent.ReadMarkerMoved(
              room(json), user(json, "user"), number(json, "lastRead"), at);
      case "presence.changed" ->
          new ChatEvent.PresenceChanged(
              room(json),
              user(json, "user"),
              json.get("status") == null ? null : PresenceStatus.valueOf(text(json, "status")),
              instant(json, "lastActive"),
              at);
      case "typing.changed" -> {
        List<UserId> typers = new ArrayList<>();
        for (Object typer : list(json, "typers")) {
          typers.add(UserId.of((String) typer));
        }
        yield new ChatEvent.TypingChanged(room(json), typers, at);
      }
      default -> throw new IllegalArgumentException("unknown event type " + json.get("t"));
    };
  }

  private static Map<String, Object> message(Message message) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", message.id().value());
    json.put("room", message.roomId().value());
    json.put("seq", message.sequence());
    json.put("author", message.author().value());
    json.put("body", message.body());
    json.put("parent", value(message.parentId()));
    json.put("replies", message.replyCount());
    json.put("cid", message.clientMessageId() == null ? null : message.clientMessageId().value());
    json.put("created", instant(message.createdAt()));
    json.put("edited", instant(message.editedAt()));
    json.put("deleted", instant(message.deletedAt()));
    json.put("pinned", message.pinned());
    return json;
  }

  private static Message message(Map<String, Object> json) {
    return new Message(
        messageId(json, "id"),
        room(json),
        number(json, "seq"),
        user(json, "author"),
        (String) json.get("body"),
        messageId(json, "parent"),
        Math.toIntExact(number(json, "replies")),
        json.get("cid") == null ? null : ClientMessageId.of(text(json, "cid")),
        instant(json, "created"),
        instant(json, "edited"),
        instant(json, "deleted"),
        (Boolean) json.get("pinned"));
  }

  private static Map<String, Object> room(Room room) {
    RoomSettings settings = room.settings();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", room.id().value());
    json.put("name", room.name());
    json.put("topic", room.topic());
    json.put("type", room.type().name());
    json.put("createdBy", room.createdBy().value());
    json.put("created", instant(room.createdAt()));
    json.put("archived", room.archived());
    json.put("maxLength", settings.maxMessageLength());
    json.put("slowMode", settings.slowModeSeconds());
    json.put("presence", settings.presenceEvents());
    json.put("typing", settings.typingEvents());
    json.put("permissions", RoomRows.encode(room.permissions()));
    DirectKey key = room.directKey();
    json.put("directFirst", key == null ? null : key.first().value());
    json.put("directSecond", key == null ? null : key.second().value());
    return json;
  }

  private static Room roomOf(Map<String, Object> json) {
    String first = (String) json.get("directFirst");
    return new Room(
        RoomId.of(text(json, "id")),
        text(json, "name"),
        (String) json.get("topic"),
        RoomType.valueOf(text(json, "type")),
        user(json, "createdBy"),
        instant(json, "created"),
        (Boolean) json.get("archived"),
        new RoomSettings(
            Math.toIntExact(number(json, "maxLength")),
            Math.toIntExact(number(json, "slowMode")),
            (Boolean) json.get("presence"),
            (Boolean) json.get("typing")),
        RoomRows.decode(text(json, "permissions")),
        first == null ? null : new DirectKey(UserId.of(first), user(json, "directSecond")));
  }

  private static List<Object> ids(Collection<ConnectionId> ids) {
    List<Object> values = new ArrayList<>(ids.size());
    ids.forEach(id -> values.add(id.value()));
    return values;
  }

  private static String value(Object id) {
    return switch (id) {
      case null -> null;
      case RoomId room -> room.value();
      case UserId user -> user.value();
      case MessageId message -> message.value();
      default -> throw new IllegalArgumentException("not an id: " + id.getClass().getName());
    };
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object json) {
    if (!(json instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    return (Map<String, Object>) json;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> json, String key) {
    return (List<Object>) json.get(key);
  }

  private static String text(Map<String, Object> json, String key) {
    return (String) json.get(key);
  }

  private static long number(Map<String, Object> json, String key) {
    return (Long) json.get(key);
  }

  private static RoomId room(Map<String, Object> json) {
    return RoomId.of(text(json, "room"));
  }

  private static UserId user(Map<String, Object> json, String key) {
    String value = text(json, key);
    return value == null ? null : UserId.of(value);
  }

  private static MessageId messageId(Map<String, Object> json, String key) {
    String value = text(json, key);
    return value == null ? null : MessageId.of(value);
  }

  private static Role role(Map<String, Object> json, String key) {
    String value = text(json, key);
    return value == null ? null : Role.valueOf(value);
  }

  private static Instant instant(Map<String, Object> json, String key) {
    String value = text(json, key);
    return value == null ? null : Instant.parse(value);
  }
}
