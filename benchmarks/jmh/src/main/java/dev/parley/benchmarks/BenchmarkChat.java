package dev.parley.benchmarks;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.port.in.AddReactionCommand;
import dev.parley.application.port.in.CreateRoomCommand;
import dev.parley.application.port.in.InviteMemberCommand;
import dev.parley.application.port.in.OpenConnectionCommand;
import dev.parley.application.port.in.PostMessageCommand;
import dev.parley.application.port.in.PostedMessage;
import dev.parley.application.port.in.RoomSubscription;
import dev.parley.application.port.in.SubscribeToRoomsCommand;
import dev.parley.application.port.in.SubscriptionOutcome;
import dev.parley.domain.access.Role;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import dev.parley.runtime.SystemClockAdapter;
import dev.parley.testkit.InMemoryChat;
import java.util.List;

/**
 * The setup the benchmarks share: the whole core on in-memory adapters, with the real clock and
 * per-user rate limits raised out of the way (they are still taken on every post), and one public
 * room with four members.
 */
final class BenchmarkChat {
  /** 100 characters, plain text: a typical chat line. */
  static final String TEXT =
      "Deploy finished on staging: all 42 checks are green and p99 is back under 120 ms. Ship it at 3pm ok?";

  static final UserId ALICE = UserId.of("alice");
  static final UserId BOB = UserId.of("bob");
  static final UserId CAROL = UserId.of("carol");
  static final UserId DAVE = UserId.of("dave");

  final InMemoryChat chat;

  /** The public room, owned by alice, with bob, carol and dave as members. */
  final String roomId;

  BenchmarkChat() {
    chat = InMemoryChat.create(ChatSettings.withoutUserLimits(), new SystemClockAdapter());
    roomId =
        chat.createRoom()
            .createRoom(
                new CreateRoomCommand(
                    ALICE, "engineering", "deploys and so on", RoomType.PUBLIC, null, null))
            .room()
            .id()
            .value();
    for (UserId member : List.of(BOB, CAROL, DAVE)) {
      chat.inviteMember()
          .inviteMember(new InviteMemberCommand(ALICE, roomId, member.value(), Role.MEMBER));
    }
  }

  /** Connects {@code user} as {@code connectionId} and subscribes the connection to the room. */
  ConnectionId listen(UserId user, String connectionId) {
    chat.openConnection().openConnection(new OpenConnectionCommand(user, connectionId));
    List<SubscriptionOutcome> outcomes =
        chat.subscribeToRooms()
            .subscribeToRooms(
                new SubscribeToRoomsCommand(
                    user, connectionId, List.of(new RoomSubscription(roomId, null))));
    if (!(outcomes.get(0) instanceof SubscriptionOutcome.Subscribed)) {
      throw new IllegalStateException("could not subscribe: " + outcomes);
    }
    return ConnectionId.of(connectionId);
  }

  PostedMessage post(UserId author, String text) {
    return chat.postMessage().postMessage(new PostMessageCommand(author, roomId, text, null, null));
  }

  void react(UserId user, String messageId, String emoji) {
    chat.addReaction().addReaction(new AddReactionCommand(user, roomId, messageId, emoji));
  }

  static String check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("benchmark setup is broken: " + what);
    }
    return what;
  }
}
