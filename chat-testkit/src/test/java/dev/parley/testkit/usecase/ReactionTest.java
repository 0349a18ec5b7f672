package dev.parley.testkit.usecase;

import static dev.parley.testkit.usecase.UseCaseSteps.assertForbidden;
import static dev.parley.testkit.usecase.UseCaseSteps.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.application.error.ConflictException;
import dev.parley.application.port.in.GetMessageQuery;
import dev.parley.application.port.in.MessageView;
import dev.parley.domain.access.DenialReason;
import dev.parley.domain.access.Role;
import dev.parley.domain.event.ChatEvent;
import dev.parley.domain.message.Message;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.reaction.Emoji;
import dev.parley.domain.reaction.Reaction;
import dev.parley.domain.room.RoomId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adding and removing reactions, their limits, and who may react. */
class ReactionTest {
  private final ChatScenario s = new ChatScenario();
  private final UseCaseSteps step = new UseCaseSteps(s);
  private RoomId room;
  private Message message;

  @BeforeEach
  void aMessageInARoomOfThree() {
    room = s.publicRoom(s.alice);
    s.member(s.alice, room, s.bob, Role.MEMBER);
    s.member(s.alice, room, s.carol, Role.MEMBER);
    message = s.posted(s.alice, room, "react to me");
  }

  private MessageView stored() {
    return s.chat
        .getMessage()
        .getMessage(new GetMessageQuery(s.alice, room.value(), message.id().value()));
  }

  @Test
  void reactionsCountTheirUsersInOrderAndSubscribersHearEachChange() {
    ConnectionId alices = s.listen(s.alice, room);

    step.react(s.carol, room, message, "👍");
    step.react(s.bob, room, message, "👍");
    MessageView view = step.react(s.alice, room, message, "🎉");

    assertThat(view.reactions())
        .extracting(Reaction::emoji, Reaction::users)
        .containsExactly(
            tuple(Emoji.of("👍"), List.of(s.carol, s.bob)),
            tuple(Emoji.of("🎉"), List.of(s.alice)));
    assertThat(stored().reactions()).isEqualTo(view.reactions());
    assertThat(s.eventsFor(alices, ChatEvent.ReactionChanged.class))
        .extracting(
            e -> e.emoji().value(),
            ChatEvent.ReactionChanged::userId,
            e -> e.added(),
            e -> e.count())
        .containsExactly(
            tuple("👍", s.carol, true, 1),
            tuple("👍", s.bob, true, 2),
            tuple("🎉", s.alice, true, 1));
    assertThat(s.eventsFor(alices, ChatEvent.ReactionChanged.class))
        .allSatisfy(e -> assertThat(e.messageId()).isEqualTo(message.id()))
        .allSatisfy(e -> assertThat(e.sequence()).isEqualTo(message.sequence()));
  }

  @Test
  void reactingTwiceWithTheSameEmojiChangesNothingAndIsNotBroadcast() {
    ConnectionId alices = s.listen(s.alice, room);
    step.react(s.bob, room, message, "👍");

    MessageView again = step.react(s.bob, room, message, "👍");

    assertThat(again.reactions())
        .singleElement()
        .satisfies(r -> assertThat(r.users()).containsExactly(s.bob));
    assertThat(s.eventsFor(alices, ChatEvent.ReactionChanged.class)).hasSize(1);
  }

  @Test
  void removingAReactionLowersItsCountAndTheLastRemovalDropsIt() {
    step.react(s.bob, room, message, "👍");
    step.react(s.carol, room, message, "👍");
    ConnectionId alices = s.listen(s.alice, room);

    MessageView afterBob = step.unreact(s.bob, room, message, "👍");
    MessageView repeated = step.unreact(s.bob, room, message, "👍");
    MessageView afterCarol = step.unreact(s.carol, room, message, "👍");

    assertThat(afterBob.reactions())
        .singleElement()
        .satisfies(r -> assertThat(r.users()).containsExactly(s.carol));
    assertThat(repeated.reactions()).isEqualTo(afterBob.reactions());
    assertThat(afterCarol.reactions()).isEmpty();
    assertThat(stored().reactions()).isEmpty();
    assertThat(s.eventsFor(alices, ChatEvent.ReactionChanged.class))
        .extracting(ChatEvent.ReactionChanged::userId, e -> e.added(), e -> e.count())
        .containsExactly(tuple(s.bob, false, 1), tuple(s.carol, false, 0));
  }

  @Test
  void twentyFirstDistinctEmojiIsAConflictButTheTwentyCanStillGrow() {
    List<String> twenty = new ArrayList<>();
    for (int i = 1; i <= Reaction.MAX_DISTINCT_PER_MESSAGE; i++) {
      twenty.add("e" + i);
    }
    for (String emoji : twenty) {
      step.react(s.alice, room, message, emoji);
    }

    assertThatThrownBy(() -> step.react(s.bob, room, message, "e21"))
        .isInstanceOf(ConflictException.class);
    MessageView last = null;
    for (String emoji : twenty) {
      last = step.react(s.bob, room, message, emoji);
    }

    assertThat(last.reactions()).hasSize(20).allSatisfy(r -> assertThat(r.count()).isEqualTo(2));
    assertThat(last.reactions())
        .extracting(r -> r.emoji().value())
        .containsExactlyElementsOf(twenty);
    assertThat(stored().reactions()).noneMatch(r -> r.emoji().value().equals("e21"));

    // Freeing a slot makes room for a new emoji again.
    step.unreact(s.alice, room, message, "e1");
    step.unreact(s.bob, room, message, "e1");
    assertThat(step.react(s.carol, room, message, "e21").reactions()).hasSize(20);
  }

  @Test
  void reactingToADeletedMessageIsAConflict() {
    step.react(s.bob, room, message, "👍");
    step.delete(s.alice, room, message);

    assertThatThrownBy(() -> step.react(s.carol, room, message, "👍"))
        .isInstanceOf(ConflictException.class);
    assertThat(stored().reactions()).isEmpty();
  }

  @Test
  void messageOfAnotherRoomOrAHiddenRoomIsNotFound() {
    RoomId other = s.publicRoom(s.alice);
    RoomId hidden = s.privateRoom(s.alice);
    s.member(s.alice, other, s.bob, Role.MEMBER);
    Message secret = s.posted(s.alice, hidden, "members only");

    UseCaseSteps.assertNotFound(() -> step.react(s.bob, other, message, "👍"));
    UseCaseSteps.assertNotFound(() -> step.react(s.bob, hidden, secret, "👍"));
    assertThat(stored().reactions()).isEmpty();
  }

  @Test
  void invalidEmojiIsRejectedOnTheEmojiField() {
    List<String> invalid =
        List.of(
            "", " ", "thumbs up", "👍 ", "a/b", "x".repeat(Emoji.MAX_CODE_POINTS + 1), "\u0007");
    for (String emoji : invalid) {
      assertThat(invalidFields(() -> step.react(s.bob, room, message, emoji)))
          .as("emoji [%s]", emoji)
          .containsExactly("emoji");
      assertThat(invalidFields(() -> step.unreact(s.bob, room, message, emoji)))
          .as("emoji [%s]", emoji)
          .containsExactly("emoji");
    }
    assertThat(stored().reactions()).isEmpty();
  }

  @Test
  void emojiOfThirtyTwoCodePointsIsAcceptedEvenWhenAstral() {
    String longest = "😀".repeat(Emoji.MAX_CODE_POINTS);
    String flagAndSkinTone = "🇫🇷👍🏽";

    step.react(s.bob, room, message, longest);
    MessageView view = step.react(s.bob, room, message, flagAndSkinTone);

    assertThat(view.reactions())
        .extracting(r -> r.emoji().value())
        .containsExactly(longest, flagAndSkinTone);
  }

  @Test
  void guestCannotReact() {
    s.member(s.alice, room, s.mallory, Role.GUEST);

    assertForbidden(() -> step.react(s.mallory, room, message, "👍"), DenialReason.ROLE_TOO_LOW);
    assertThat(stored().reactions()).isEmpty();
  }

  @Test
  void nonMemberCannotReactInAPublicRoom() {
    assertForbidden(() -> step.react(s.mallory, room, message, "👍"), DenialReason.NOT_A_MEMBER);
  }

  @Test
  void mutedMemberCannotReactButCanTakeTheirReactionBack() {
    step.react(s.bob, room, message, "👍");
    step.mute(s.alice, room, s.bob, null);

    assertForbidden(() -> step.react(s.bob, room, message, "🎉"), DenialReason.MUTED);
    MessageView view = step.unreact(s.bob, room, message, "👍");

    assertThat(view.reactions()).isEmpty();
  }
}
