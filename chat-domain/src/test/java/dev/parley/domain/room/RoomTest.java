package dev.parley.domain.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.domain.access.Action;
import dev.parley.domain.access.Role;
import dev.parley.domain.access.RolePermissions;
import dev.parley.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RoomTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final RoomId ID = RoomId.of("general");
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");

  @ParameterizedTest
  @ValueSource(strings = {"x", "General", "  padded  ", "🎉"})
  void shortNamesAreValid(String name) {
    assertThat(open(name).name()).isEqualTo(name);
  }

  @Test
  void hundredCodePointNameIsValidAndOneMoreIsNot() {
    assertThat(Room.isValidName("n".repeat(100))).isTrue();
    assertThat(Room.isValidName("n".repeat(101))).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> open("n".repeat(101)));
  }

  @Test
  void emojiNamesAreCountedInCodePoints() {
    String hundredEmoji = "🎉".repeat(100); // 200 UTF-16 units
    assertThat(open(hundredEmoji).name()).isEqualTo(hundredEmoji);
    assertThatIllegalArgumentException().isThrownBy(() -> open("🎉".repeat(101)));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t\n", "   "})
  void blankNamesAreRejected(String name) {
    assertThat(Room.isValidName(name)).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> open(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"nul\u0000", "bell\u0007", "esc\u001B[2J", "cr\r", "rtl\u202E"})
  void namesAndTopicsWithHiddenCharactersAreRejected(String text) {
    assertThat(Room.isValidName(text)).isFalse();
    assertThat(Room.isValidTopic(text)).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> open(text));
    assertThatIllegalArgumentException().isThrownBy(() -> open("General").withDetails(null, text));
  }

  @Test
  void aTopicMaySpanLinesButANameMayNot() {
    assertThat(open("General").withDetails(null, "line one\n\tline two").topic())
        .isEqualTo("line one\n\tline two");
    assertThatIllegalArgumentException().isThrownBy(() -> open("two\nlines"));
  }

  @Test
  void missingTopicIsEmpty() {
    Room room = Room.open(ID, "General", null, RoomType.PUBLIC, ALICE, NOW, RoomSettings.DEFAULTS);
    assertThat(room.topic()).isEmpty();
  }

  @Test
  void topicUpToAThousandCodePoints() {
    assertThat(open("General").withDetails(null, "🎉".repeat(1_000)).topic()).hasSize(2_000);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> open("General").withDetails(null, "t".repeat(1_001)));
  }

  @Test
  void newRoomIsOpenWithDefaultPermissions() {
    Room room = open("General");
    assertThat(room.archived()).isFalse();
    assertThat(room.permissions()).isEqualTo(RolePermissions.DEFAULTS);
    assertThat(room.directKey()).isNull();
    assertThat(room.createdBy()).isEqualTo(ALICE);
  }

  @Test
  void directRoomsAreNotOpenedWithOpen() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> Room.open(ID, "dm", "", RoomType.DIRECT, ALICE, NOW, RoomSettings.DEFAULTS));
  }

  @Test
  void directRoomIsNamedAfterItsPairInCanonicalOrder() {
    Room direct = Room.direct(ID, BOB, ALICE, NOW);
    assertThat(direct.type()).isEqualTo(RoomType.DIRECT);
    assertThat(direct.directKey()).isEqualTo(DirectKey.of(ALICE, BOB));
    assertThat(direct.name()).isEqualTo("alice, bob");
    assertThat(direct.createdBy()).isEqualTo(BOB);
  }

  @Test
  void directRoomOfLongIdsGetsAShortenedName() {
    UserId longA = UserId.of("a".repeat(128));
    UserId longB = UserId.of("b".repeat(128));
    Room direct = Room.direct(ID, longA, longB, NOW);
    assertThat(direct.name()).hasSize(Room.MAX_NAME_LENGTH).startsWith("aaaa");
  }

  @Test
  void directKeyBelongsToDirectRoomsOnly() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Room(
                    ID,
                    "x",
                    "",
                    RoomType.PUBLIC,
                    ALICE,
                    NOW,
                    false,
                    RoomSettings.DEFAULTS,
                    RolePermissions.DEFAULTS,
                    DirectKey.of(ALICE, BOB)));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Room(
                    ID,
                    "x",
                    "",
                    RoomType.DIRECT,
                    ALICE,
                    NOW,
                    false,
                    RoomSettings.DEFAULTS,
                    RolePermissions.DEFAULTS,
                    null));
  }

  @ParameterizedTest
  @EnumSource(RoomType.class)
  void onlyPublicRoomsAreVisibleToNonMembers(RoomType type) {
    Room room = type == RoomType.DIRECT ? Room.direct(ID, ALICE, BOB, NOW) : open(type);
    assertThat(room.visibleToNonMembers()).isEqualTo(type == RoomType.PUBLIC);
  }

  @Test
  void changesReturnNewRoomsAndKeepTheRest() {
    Room room = open("General");
    Room renamed = room.withDetails("Lobby", null);
    Room archived = room.archive();
    RolePermissions strict = RolePermissions.withOverrides(Map.of(Action.POST, Role.MODERATOR));
    Room locked = room.withPermissions(strict);
    RoomSettings slow = new RoomSettings(500, 30, false, false);
    assertThat(renamed.name()).isEqualTo("Lobby");
    assertThat(renamed.topic()).isEqualTo(room.topic());
    assertThat(archived.archived()).isTrue();
    assertThat(locked.permissions()).isEqualTo(strict);
    assertThat(room.withSettings(slow).settings()).isEqualTo(slow);
    assertThat(room.name()).isEqualTo("General");
    assertThat(room.archived()).isFalse();
    assertThat(room.permissions()).isEqualTo(RolePermissions.DEFAULTS);
  }

  @Test
  void renamingToABlankNameIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> open("General").withDetails(" ", null));
  }

  private static Room open(String name) {
    return Room.open(ID, name, "topic", RoomType.PUBLIC, ALICE, NOW, RoomSettings.DEFAULTS);
  }

  private static Room open(RoomType type) {
    return Room.open(ID, "Room", "", type, ALICE, NOW, RoomSettings.DEFAULTS);
  }
}
