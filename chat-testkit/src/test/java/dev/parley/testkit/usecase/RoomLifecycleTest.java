package dev.parley.testkit.usecase;

import static dev.parley.testkit.usecase.UseCaseSteps.assertForbidden;
import static dev.parley.testkit.usecase.UseCaseSteps.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.application.error.ForbiddenException;
import dev.parley.application.port.in.ArchiveRoomCommand;
import dev.parley.application.port.in.CreateRoomCommand;
import dev.parley.application.port.in.ListMyRoomsQuery;
import dev.parley.application.port.in.RoomSettingsInput;
import dev.parley.application.port.in.RoomSummary;
import dev.parley.application.port.in.UpdateRoomCommand;
import dev.parley.domain.access.Action;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.access.RolePermissions;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.member.Membership;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.Room;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.room.RoomSettings;
import dev.parley.domain.room.RoomType;
import dev.parley.domain.user.UserId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Creating, updating and archiving rooms. Direct rooms: {@link DirectRoomTest}; listing and
 * visibility: {@link RoomListingTest}.
 */
class RoomLifecycleTest {
  private final ChatScenario s = new ChatScenario();
  private final UseCaseSteps step = new UseCaseSteps(s);

  private RoomSummary create(String name, String topic, RoomType type, RoomSettingsInput settings) {
    return s.chat
        .createRoom()
        .createRoom(new CreateRoomCommand(s.alice, name, topic, type, settings, null));
  }

  private List<RoomSummary> roomsOf(UserId user) {
    return s.chat.listMyRooms().listMyRooms(new ListMyRoomsQuery(user, null, 100)).items();
  }

  @Test
  void creatorOwnsANewPublicRoomAndSeesItsSummary() {
    RoomSummary summary =
        create(
            "general",
            "anything goes",
            RoomType.PUBLIC,
            new RoomSettingsInput(500, 5, null, false));

    Room room = summary.room();
    assertThat(room.name()).isEqualTo("general");
    assertThat(room.topic()).isEqualTo("anything goes");
    assertThat(room.type()).isEqualTo(RoomType.PUBLIC);
    assertThat(room.createdBy()).isEqualTo(s.alice);
    assertThat(room.createdAt()).isEqualTo(s.clock.now());
    assertThat(room.archived()).isFalse();
    assertThat(room.settings()).isEqualTo(new RoomSettings(500, 5, true, false));
    assertThat(room.permissions()).isEqualTo(RolePermissions.DEFAULTS);
    assertThat(room.directKey()).isNull();
    assertThat(summary.yourRole()).isEqualTo(Role.OWNER);
    assertThat(summary.lastSequence()).isZero();
    assertThat(summary.lastRead()).isZero();
    assertThat(summary.unreadCount()).isZero();

    assertThat(step.getRoom(s.alice, room.id())).isEqualTo(summary);
    assertThat(step.getRoom(s.mallory, room.id()).yourRole()).isNull();
    assertThat(step.allMembers(room.id()))
        .extracting(Membership::userId, Membership::role)
        .containsExactly(tuple(s.alice, Role.OWNER));
  }

  @Test
  void privateRoomStartsWithItsOwnerAndInviteesAndDefaultSettings() {
    RoomSummary summary =
        s.chat
            .createRoom()
            .createRoom(
                new CreateRoomCommand(
                    s.alice,
                    "secret",
                    null,
                    RoomType.PRIVATE,
                    null,
                    List.of(s.bob.value(), s.carol.value(), s.alice.value())));

    RoomId id = summary.room().id();
    assertThat(summary.room().type()).isEqualTo(RoomType.PRIVATE);
    assertThat(summary.room().topic()).isEmpty();
    assertThat(summary.room().settings()).isEqualTo(RoomSettings.DEFAULTS);
    assertThat(summary.yourRole()).isEqualTo(Role.OWNER);
    assertThat(step.allMembers(id))
        .extracting(Membership::userId, Membership::role)
        .containsExactly(
            tuple(s.alice, Role.OWNER), tuple(s.bob, Role.MEMBER), tuple(s.carol, Role.MEMBER));
    assertThat(step.getRoom(s.bob, id).yourRole()).isEqualTo(Role.MEMBER);
    UseCaseSteps.assertNotFound(() -> step.getRoom(s.mallory, id));
  }

  static Stream<Arguments> invalidNamesAndLengths() {
    return Stream.of(
        Arguments.of("", 0),
        Arguments.of("   ", 16_001),
        Arguments.of("x".repeat(101), 0),
        Arguments.of("x".repeat(101), 16_001));
  }

  @ParameterizedTest
  @MethodSource("invalidNamesAndLengths")
  void invalidCreateReportsEveryViolationTogetherAndCreatesNothing(String name, int maxLength) {
    Set<String> fields =
        invalidFields(
            () ->
                s.chat
                    .createRoom()
                    .createRoom(
                        new CreateRoomCommand(
                            s.alice,
                            name,
                            "t".repeat(1_001),
                            null,
                            new RoomSettingsInput(maxLength, 121, null, null),
                            null)));

    assertThat(fields)
        .containsExactlyInAnyOrder(
            "name", "topic", "type", "settings.maxMessageLength", "settings.slowModeSeconds");
    assertThat(roomsOf(s.alice)).isEmpty();
  }

  @Test
  void roomNameAndTopicLimitsCountCodePointsNotUtf16Units() {
    // Room documents the limits in code points: 100 emoji are a valid name, 101 are not.
    String name = "🎉".repeat(Room.MAX_NAME_LENGTH);
    String topic = "🎉".repeat(Room.MAX_TOPIC_LENGTH);

    assertThatCode(() -> create(name, topic, RoomType.PUBLIC, null))
        .as("a name of 100 code points (200 UTF-16 units) and a topic of 1,000")
        .doesNotThrowAnyException();
    RoomSummary summary = roomsOf(s.alice).get(0);
    assertThat(summary.room().name()).isEqualTo(name);
    assertThat(summary.room().topic()).isEqualTo(topic);
    assertThat(invalidFields(() -> create(name + "🎉", null, RoomType.PUBLIC, null)))
        .containsExactly("name");
  }

  @Test
  void directRoomCannotBeCreatedWithCreateRoom() {
    assertThat(invalidFields(() -> create("dm", null, RoomType.DIRECT, null)))
        .containsExactly("type");
    assertThat(roomsOf(s.alice)).isEmpty();
  }

  @Test
  void adminUpdatesNameTopicSettingsAndPermissionsAndSubscribersHearOfIt() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.ADMIN);
    s.member(s.alice, room, s.carol, Role.MEMBER);
    ConnectionId carols = s.listen(s.carol, room);

    RoomSummary updated =
        s.chat
            .updateRoom()
            .updateRoom(
                new UpdateRoomCommand(
                    s.bob,
                    room.value(),
                    "renamed",
                    "new topic",
                    new RoomSettingsInput(200, 10, false, null),
                    Map.of(Action.POST, Role.MODERATOR)));

    Room after = updated.room();
    assertThat(after.name()).isEqualTo("renamed");
    assertThat(after.topic()).isEqualTo("new topic");
    assertThat(after.settings()).isEqualTo(new RoomSettings(200, 10, false, true));
    assertThat(after.permissions().minimumRole(Action.POST)).isEqualTo(Role.MODERATOR);
    assertThat(after.permissions().minimumRole(Action.REACT)).isEqualTo(Role.MEMBER);
    assertThat(updated.yourRole()).isEqualTo(Role.ADMIN);
    assertThat(step.getRoom(s.carol, room).room()).isEqualTo(after);
    assertThat(s.eventsFor(carols, ChatEvent.RoomUpdated.class))
        .singleElement()
        .satisfies(e -> assertThat(e.room()).isEqualTo(after))
        .satisfies(e -> assertThat(e.by()).isEqualTo(s.bob));
    // The override applies at once: members may no longer post.
    assertForbidden(() -> s.post(s.carol, room, "hello?"), DenialReason.ROLE_TOO_LOW);
  }

  @Test
  void memberCannotUpdateTheRoom() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    s.member(s.alice, room, s.carol, Role.MODERATOR);
    ConnectionId alices = s.listen(s.alice, room);

    for (UserId actor : List.of(s.bob, s.carol)) {
      assertForbidden(
          () ->
              s.chat
                  .updateRoom()
                  .updateRoom(
                      new UpdateRoomCommand(actor, room.value(), "mine now", null, null, null)),
          DenialReason.ROLE_TOO_LOW);
    }
    assertThat(step.getRoom(s.alice, room).room().name()).isEqualTo("room");
    assertThat(s.eventsFor(alices, ChatEvent.RoomUpdated.class)).isEmpty();
  }

  @Test
  void invalidUpdateChangesNothing() {
    RoomId room = s.publicRoom(s.alice);

    assertThat(invalidFields(() -> update(room, "   ", null))).containsExactly("name");
    assertThat(invalidFields(() -> update(room, null, Map.of(Action.REACT, Role.GUEST))))
        .containsExactly("permissions");
    assertThat(invalidFields(() -> update(room, "x".repeat(101), null))).containsExactly("name");

    Room unchanged = step.getRoom(s.alice, room).room();
    assertThat(unchanged.name()).isEqualTo("room");
    assertThat(unchanged.permissions()).isEqualTo(RolePermissions.DEFAULTS);
  }

  @Test
  void archivedRoomRefusesPostsButStaysReadable() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    s.post(s.bob, room, "before the archive");
    ConnectionId bobs = s.listen(s.bob, room);

    RoomSummary archived = archive(s.alice, room);

    assertThat(archived.room().archived()).isTrue();
    assertForbidden(() -> s.post(s.alice, room, "owner too"), DenialReason.ROOM_ARCHIVED);
    assertForbidden(() -> s.post(s.bob, room, "after"), DenialReason.ROOM_ARCHIVED);
    assertForbidden(() -> step.join(s.mallory, room), DenialReason.ROOM_ARCHIVED);
    assertThat(step.history(s.bob, room).messages())
        .extracting(m -> m.message().body())
        .containsExactly("before the archive");
    assertThat(step.getRoom(s.mallory, room).room().archived()).isTrue();
    assertThat(step.markRead(s.bob, room, 1).lastRead()).isEqualTo(1);
    assertForbidden(() -> update(room, "renamed", null), DenialReason.ROOM_ARCHIVED);
    assertThat(s.eventsFor(bobs, ChatEvent.RoomArchived.class))
        .singleElement()
        .satisfies(e -> assertThat(e.by()).isEqualTo(s.alice));
  }

  @Test
  void archivingTwiceIsIdempotent() {
    RoomId room = s.publicRoom(s.alice);
    ConnectionId alices = s.listen(s.alice, room);

    RoomSummary first = archive(s.alice, room);
    RoomSummary second = archive(s.alice, room);

    assertThat(second).isEqualTo(first);
    assertThat(second.room().archived()).isTrue();
    assertThat(s.eventsFor(alices, ChatEvent.RoomArchived.class)).hasSize(1);
  }

  @Test
  void onlyManagersMayArchiveEvenARoomThatIsAlreadyArchived() {
    RoomId room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    step.ban(s.alice, room, s.mallory, null);
    assertForbidden(() -> archive(s.bob, room), DenialReason.ROLE_TOO_LOW);

    archive(s.alice, room);

    // Idempotence is for those allowed to archive: a member still lacks MANAGE_ROOM, and a
    // banned user, who may not even read the room, must not get its summary back.
    assertThatThrownBy(() -> archive(s.bob, room)).isInstanceOf(ForbiddenException.class);
    assertForbidden(() -> archive(s.mallory, room), DenialReason.BANNED);
  }

  private RoomSummary update(RoomId room, String name, Map<Action, Role> permissions) {
    return s.chat
        .updateRoom()
        .updateRoom(new UpdateRoomCommand(s.alice, room.value(), name, null, null, permissions));
  }

  private RoomSummary archive(UserId actor, RoomId room) {
    return s.chat.archiveRoom().archiveRoom(new ArchiveRoomCommand(actor, room.value()));
  }
}
