package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.Instants.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.MuteListPort;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link MuteListPort}: members muted now, by user id, page by page. */
public abstract class MuteListPortContract {
  private static final Instant NOW = T0.plusSeconds(600);

  /** The port under test. */
  protected abstract MuteListPort mutes();

  /** Writes the memberships; the same store as {@link #mutes()}. */
  protected abstract MembershipStorePort memberships();

  private Membership member(RoomId room, UserId user, Instant mutedUntil) {
    Membership member = Membership.join(room, user, Role.MEMBER, T0);
    if (mutedUntil != null) {
      member = member.mutedUntil(mutedUntil);
    }
    memberships().save(member);
    return member;
  }

  private static List<UserId> users(List<Membership> members) {
    return members.stream().map(Membership::userId).toList();
  }

  @Test
  public void aRoomWithoutMutesListsNone() {
    RoomId room = Ids.room();
    member(room, Ids.user(), null);

    assertThat(mutes().mutes(room, null, NOW, 10)).isEmpty();
    assertThat(mutes().mutes(Ids.room(), null, NOW, 10)).isEmpty();
  }

  @Test
  public void mutedMembersComeByUserIdWithTheirMute() {
    RoomId room = Ids.room();
    UserId[] users = Ids.orderedUsers(4);
    member(room, users[0], null);
    Membership timed = member(room, users[1], NOW.plusSeconds(30));
    member(room, users[2], null);
    member(room, users[3], Membership.INDEFINITELY);

    List<Membership> muted = mutes().mutes(room, null, NOW, 10);

    assertThat(users(muted)).containsExactly(users[1], users[3]);
    assertThat(muted.get(0)).isEqualTo(timed);
    assertThat(muted.get(1).mutedUntil()).isEqualTo(Membership.INDEFINITELY);
  }

  @Test
  public void lapsedAndLiftedMutesAreLeftOutWithoutShortPages() {
    RoomId room = Ids.room();
    UserId[] users = Ids.orderedUsers(6);
    member(room, users[0], NOW.minusSeconds(1));
    member(room, users[1], NOW);
    member(room, users[2], NOW.plusMillis(1));
    member(room, users[3], null);
    member(room, users[4], Membership.INDEFINITELY);
    memberships().save(member(room, users[5], Membership.INDEFINITELY).unmuted());

    assertThat(users(mutes().mutes(room, null, NOW, 1))).containsExactly(users[2]);
    assertThat(users(mutes().mutes(room, users[2], NOW, 1))).containsExactly(users[4]);
    assertThat(mutes().mutes(room, users[4], NOW, 1)).isEmpty();
    assertThat(mutes().mutes(room, null, NOW, 0)).isEmpty();
  }
}
