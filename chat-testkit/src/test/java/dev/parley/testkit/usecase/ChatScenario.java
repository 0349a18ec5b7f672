package dev.parley.testkit.usecase;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.CreateRoomCommand;
import dev.parley.application.port.in.InviteMemberCommand;
import dev.parley.application.port.in.OpenConnectionCommand;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.application.port.in.PostedMessage;
import dev.parley.application.port.in.RoomSubscription;
import dev.parley.application.port.in.SubscribeToRoomsCommand;
import dev.parley.application.port.in.SubscriptionOutcome;
import dev.parley.domain.access.Role;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.message.Message;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.InMemoryChat;
import dev.parley.testkit.adapter.ControllableClockAdapter;
import java.util.List;
import java.util.UUID;

/** A chat on in-memory adapters with a controllable clock, and shortcuts for common steps. */
final class ChatScenario {
  final ControllableClockAdapter clock = new ControllableClockAdapter();
  final InMemoryChat chat;

  final UserId alice = UserId.of("alice");
  final UserId bob = UserId.of("bob");
  final UserId carol = UserId.of("carol");
  final UserId mallory = UserId.of("mallory");

  ChatScenario() {
    this(ChatSettings.DEFAULTS);
  }

  ChatScenario(ChatSettings settings) {
    chat = InMemoryChat.create(settings, clock);
  }

  RoomId room(UserId owner, RoomType type) {
    return RoomId.of(
        chat.createRoom()
            .createRoom(new CreateRoomCommand(owner, "room", null, type, null, null))
            .room()
            .id()
            .value());
  }

  RoomId publicRoom(UserId owner) {
    return room(owner, RoomType.PUBLIC);
  }

  RoomId privateRoom(UserId owner) {
    return room(owner, RoomType.PRIVATE);
  }

  void invite(UserId by, RoomId room, UserId user, Role role) {
    chat.inviteMember().inviteMember(new InviteMemberCommand(by, room.value(), user.value(), role));
  }

  /** Invites {@code user} and promotes them to {@code role} (as the room's owner {@code by}). */
  void member(UserId by, RoomId room, UserId user, Role role) {
    invite(by, room, user, role == Role.GUEST ? Role.GUEST : Role.MEMBER);
    if (role != Role.GUEST && role != Role.MEMBER) {
      chat.changeRole()
          .changeRole(
              new dev.parley.application.port.in.ChangeRoleCommand(
                  by, room.value(), user.value(), role));
    }
  }

  PostedMessage post(UserId author, RoomId room, String text) {
    return chat.postMessage()
        .postMessage(new PostMessageCommand(author, room.value(), text, null, null));
  }

  Message posted(UserId author, RoomId room, String text) {
    return post(author, room, text).message().message();
  }

  ConnectionId connect(UserId user) {
    String id = "conn-" + UUID.randomUUID();
    chat.openConnection().openConnection(new OpenConnectionCommand(user, id));
    return ConnectionId.of(id);
  }

  List<SubscriptionOutcome> subscribe(UserId user, ConnectionId connection, RoomId room) {
    return chat.subscribeToRooms()
        .subscribeToRooms(
            new SubscribeToRoomsCommand(
                user, connection.value(), List.of(new RoomSubscription(room.value(), null))));
  }

  /** Connects {@code user} and subscribes the new connection to {@code room}. */
  ConnectionId listen(UserId user, RoomId room) {
    ConnectionId connection = connect(user);
    List<SubscriptionOutcome> outcomes = subscribe(user, connection, room);
    if (!(outcomes.get(0) instanceof SubscriptionOutcome.Subscribed)) {
      throw new AssertionError("could not subscribe: " + outcomes);
    }
    return connection;
  }

  List<ChatEvent> eventsFor(ConnectionId connection) {
    return chat.delivery().eventsFor(connection);
  }

  <T extends ChatEvent> List<T> eventsFor(ConnectionId connection, Class<T> type) {
    return eventsFor(connection).stream().filter(type::isInstance).map(type::cast).toList();
  }
}
