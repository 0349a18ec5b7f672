package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.Instants.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.TypingPort;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TypingPort}. Expiry is checked a millisecond either side of {@code
 * expiresAt}; the instant itself is left to the adapter.
 */
public abstract class TypingPortContract {
  private static final Instant SOON = T0.plusSeconds(6);

  /** The port under test. */
  protected abstract TypingPort typing();

  @Test
  public void startTypingReturnsTheTyper() {
    RoomId room = Ids.room();
    UserId user = Ids.user();

    assertThat(typing().startTyping(room, user, SOON, T0)).containsExactly(user);
  }

  @Test
  public void typersAreSortedByUserId() {
    TypingPort typing = typing();
    RoomId room = Ids.room();
    UserId[] u = Ids.orderedUsers(3);
    typing.startTyping(room, u[2], SOON, T0);
    typing.startTyping(room, u[0], SOON, T0);

    assertThat(typing.startTyping(room, u[1], SOON, T0)).containsExactly(u[0], u[1], u[2]);
  }

  @Test
  public void expiredTypersAreNeverReturned() {
    TypingPort typing = typing();
    RoomId room = Ids.room();
    UserId[] u = Ids.orderedUsers(3);
    typing.startTyping(room, u[0], T0.plusSeconds(2), T0);
    typing.startTyping(room, u[1], T0.plusSeconds(10), T0);

    assertThat(typing.startTyping(room, u[2], SOON, T0.plusSeconds(2).minusMillis(1)))
        .containsExactly(u[0], u[1], u[2]);
    assertThat(typing.stopTyping(room, Ids.user(), T0.plusSeconds(2).plusMillis(1)))
        .containsExactly(u[1], u[2]);
    assertThat(typing.stopTyping(room, Ids.user(), SOON.plusMillis(1))).containsExactly(u[1]);
  }

  @Test
  public void typerWhoseNoticeHasAlreadyExpiredIsNotReturned() {
    RoomId room = Ids.room();

    assertThat(typing().startTyping(room, Ids.user(), T0.minusMillis(1), T0)).isEmpty();
  }

  @Test
  public void startingAgainExtendsTheNotice() {
    TypingPort typing = typing();
    RoomId room = Ids.room();
    UserId user = Ids.user();
    typing.startTyping(room, user, SOON, T0);

    typing.startTyping(room, user, SOON.plusSeconds(6), T0.plusSeconds(5));

    assertThat(typing.stopTyping(room, Ids.user(), SOON.plusSeconds(1))).containsExactly(user);
  }

  @Test
  public void stopTypingRemovesTheTyperAndReturnsTheOthers() {
    TypingPort typing = typing();
    RoomId room = Ids.room();
    UserId[] u = Ids.orderedUsers(2);
    typing.startTyping(room, u[0], SOON, T0);
    typing.startTyping(room, u[1], SOON, T0);

    assertThat(typing.stopTyping(room, u[0], T0)).containsExactly(u[1]);
    assertThat(typing.stopTyping(room, u[0], T0)).containsExactly(u[1]);
    assertThat(typing.stopTyping(room, u[1], T0)).isEmpty();
  }

  @Test
  public void stopTypingInARoomWhereNobodyTypesReturnsNobody() {
    assertThat(typing().stopTyping(Ids.room(), Ids.user(), T0)).isEmpty();
  }

  @Test
  public void typersArePerRoom() {
    TypingPort typing = typing();
    RoomId room = Ids.room();
    RoomId other = Ids.room();
    UserId user = Ids.user();
    UserId elsewhere = Ids.user();
    typing.startTyping(room, user, SOON, T0);

    assertThat(typing.startTyping(other, elsewhere, SOON, T0)).containsExactly(elsewhere);
    assertThat(typing.stopTyping(room, Ids.user(), T0)).containsExactly(user);
  }

  @Test
  public void fiftyUsersStartingConcurrentlyAreAllTypingInOrder() {
    TypingPort typing = typing();
    RoomId room = Ids.room();
    UserId[] u = Ids.orderedUsers(50);

    List<List<UserId>> seen = Concurrently.run(50, i -> typing.startTyping(room, u[i], SOON, T0));

    for (int i = 0; i < 50; i++) {
      assertThat(seen.get(i)).contains(u[i]).isSorted();
    }
    assertThat(typing.stopTyping(room, Ids.user(), T0)).containsExactly(u);
  }
}
