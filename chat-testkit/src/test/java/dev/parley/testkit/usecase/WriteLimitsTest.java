package dev.parley.testkit.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.config.ChatSettings;
import dev.parley.application.error.RateLimitedException;
import dev.parley.application.port.in.AddReactionCommand;
import dev.parley.application.port.in.DeleteMessageCommand;
import dev.parley.application.port.in.EditMessageCommand;
import dev.parley.application.port.in.JoinRoomCommand;
import dev.parley.application.port.in.MessageView;
import dev.parley.application.port.in.Metered;
import dev.parley.application.port.in.OpenDirectRoomCommand;
import dev.parley.application.port.in.RemoveReactionCommand;
import dev.parley.application.port.out.RateLimitPort.Limit;
import dev.parley.domain.access.Role;
import dev.parley.domain.message.Message;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every write counts towards a per-user limit, not only posts. */
class WriteLimitsTest {
  private static final Limit TWO_PER_MINUTE = new Limit(2, Duration.ofMinutes(1));

  private final ChatScenario s =
      new ChatScenario(ChatSettings.DEFAULTS.withOtherWriteLimits(TWO_PER_MINUTE));

  @Test
  void editingTooFastIsRateLimitedUntilTheWindowEnds() {
    RoomId room = s.publicRoom(s.alice);
    Message message = s.posted(s.alice, room, "draft");
    edit(room, message, "one");
    edit(room, message, "two");

    assertThatThrownBy(() -> edit(room, message, "three"))
        .isInstanceOfSatisfying(
            RateLimitedException.class, e -> assertThat(e.limit()).isEqualTo(2));

    s.clock.advance(Duration.ofMinutes(1));
    edit(room, message, "three, later");
  }

  @Test
  void joiningTooManyRoomsIsRateLimitedButRejoiningIsFree() {
    RoomId one = s.publicRoom(s.alice);
    RoomId two = s.publicRoom(s.alice);
    RoomId three = s.publicRoom(s.carol);
    join(one);
    join(one);
    join(two);

    assertThatThrownBy(() -> join(three)).isInstanceOf(RateLimitedException.class);
  }

  @Test
  void invitingTooManyIsRateLimited() {
    RoomId room = s.publicRoom(s.alice);
    s.invite(s.alice, room, s.bob, Role.MEMBER);
    s.invite(s.alice, room, s.carol, Role.MEMBER);

    assertThatThrownBy(() -> s.invite(s.alice, room, s.mallory, Role.MEMBER))
        .isInstanceOf(RateLimitedException.class);
  }

  @Test
  void subscribingTooOftenIsRateLimited() {
    RoomId room = s.publicRoom(s.alice);
    ConnectionId connection = s.connect(s.alice);
    s.subscribe(s.alice, connection, room);
    s.subscribe(s.alice, connection, room);

    assertThatThrownBy(() -> s.subscribe(s.alice, connection, room))
        .isInstanceOf(RateLimitedException.class);
  }

  @Test
  void addingAndRemovingReactionsShareOneLimit() {
    RoomId room = s.publicRoom(s.alice);
    Message message = s.posted(s.alice, room, "react to me");
    s.chat
        .addReaction()
        .addReaction(
            new AddReactionCommand(s.alice, room.value(), message.id().value(), "\uD83D\uDC4D"));
    unreact(room, message);

    assertThatThrownBy(() -> unreact(room, message)).isInstanceOf(RateLimitedException.class);
  }

  @Test
  void deletingTooManyIsRateLimitedButARetriedDeletionIsFree() {
    RoomId room = s.publicRoom(s.alice);
    Message one = s.posted(s.alice, room, "one");
    Message two = s.posted(s.alice, room, "two");
    Message three = s.posted(s.alice, room, "three");
    delete(room, one);
    delete(room, one);
    delete(room, two);

    assertThatThrownBy(() -> delete(room, three))
        .isInstanceOfSatisfying(
            RateLimitedException.class, e -> assertThat(e.limit()).isEqualTo(2));
  }

  @Test
  void openingTooManyDirectRoomsIsRateLimited() {
    open(s.bob);
    open(s.carol);

    assertThatThrownBy(() -> open(s.mallory)).isInstanceOf(RateLimitedException.class);
  }

  @Test
  void aMeteredCallReportsWhereTheCallerStandsAgainstTheLimitItCountedTowards() {
    RoomId room = s.publicRoom(s.alice);
    Message message = s.posted(s.alice, room, "draft");

    Metered<MessageView> first = Metered.of(() -> editReturning(room, message, "one"));
    Metered<MessageView> second = Metered.of(() -> editReturning(room, message, "two"));

    assertThat(first.value().message().body()).isEqualTo("one");
    assertThat(first.rateLimit().limit()).isEqualTo(2);
    assertThat(first.rateLimit().remaining()).isEqualTo(1);
    assertThat(second.rateLimit().remaining()).isZero();
    assertThat(second.rateLimit().resetAt()).isAfter(s.clock.now());
  }

  @Test
  void aMeteredCallThatTakesNoPermitReportsNoStatus() {
    RoomId room = s.publicRoom(s.alice);
    Message message = s.posted(s.alice, room, "gone");
    delete(room, message);

    Metered<MessageView> retry =
        Metered.of(
            () ->
                s.chat
                    .deleteMessage()
                    .deleteMessage(
                        new DeleteMessageCommand(s.alice, room.value(), message.id().value())));

    assertThat(retry.value().message().deleted()).isTrue();
    assertThat(retry.rateLimit()).isNull();
  }

  @Test
  void withoutUserLimitsNoWriteIsLimited() {
    ChatScenario unlimited = new ChatScenario(ChatSettings.withoutUserLimits());
    RoomId room = unlimited.publicRoom(unlimited.alice);
    Message message = unlimited.posted(unlimited.alice, room, "draft");
    for (int i = 0; i < 100; i++) {
      unlimited
          .chat
          .editMessage()
          .editMessage(
              new EditMessageCommand(
                  unlimited.alice, room.value(), message.id().value(), "edit " + i));
    }
  }

  private void edit(RoomId room, Message message, String text) {
    s.chat
        .editMessage()
        .editMessage(new EditMessageCommand(s.alice, room.value(), message.id().value(), text));
  }

  private MessageView editReturning(RoomId room, Message message, String text) {
    return s.chat
        .editMessage()
        .editMessage(new EditMessageCommand(s.alice, room.value(), message.id().value(), text));
  }

  private void delete(RoomId room, Message message) {
    s.chat
        .deleteMessage()
        .deleteMessage(new DeleteMessageCommand(s.alice, room.value(), message.id().value()));
  }

  private void open(dev.parley.domain.user.UserId other) {
    s.chat.openDirectRoom().openDirectRoom(new OpenDirectRoomCommand(s.alice, other.value()));
  }

  private void join(RoomId room) {
    s.chat.joinRoom().joinRoom(new JoinRoomCommand(s.bob, room.value()));
  }

  private void unreact(RoomId room, Message message) {
    s.chat
        .removeReaction()
        .removeReaction(
            new RemoveReactionCommand(s.alice, room.value(), message.id().value(), "\uD83D\uDC4D"));
  }
}
