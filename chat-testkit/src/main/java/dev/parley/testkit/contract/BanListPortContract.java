package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.Instants.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.BanListPort;
import dev.parley.application.port.out.BanStorePort;
import dev.parley.domain.member.Ban;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link BanListPort}: bans in force, by user id, page by page. */
public abstract class BanListPortContract {
  private static final Instant NOW = T0.plusSeconds(600);

  /** The port under test. */
  protected abstract BanListPort list();

  /** Writes the bans; the same store as {@link #list()}. */
  protected abstract BanStorePort bans();

  private Ban ban(RoomId room, UserId user, Instant expiresAt) {
    Ban ban = new Ban(room, user, Ids.user(), T0.plusMillis(5), expiresAt, "spam");
    bans().save(ban);
    return ban;
  }

  private static List<UserId> users(List<Ban> bans) {
    return bans.stream().map(Ban::userId).toList();
  }

  @Test
  public void aRoomWithoutBansListsNone() {
    assertThat(list().bans(Ids.room(), null, NOW, 10)).isEmpty();
  }

  @Test
  public void bansComeByUserIdWithEveryField() {
    RoomId room = Ids.room();
    UserId[] users = Ids.orderedUsers(3);
    Ban last = ban(room, users[2], null);
    Ban first = ban(room, users[0], NOW.plusSeconds(60));
    ban(room, users[1], null);
    ban(Ids.room(), users[0], null);

    List<Ban> listed = list().bans(room, null, NOW, 10);

    assertThat(users(listed)).containsExactly(users);
    assertThat(listed.get(0)).isEqualTo(first);
    assertThat(listed.get(2)).isEqualTo(last);
  }

  @Test
  public void pagesStartAfterTheGivenUser() {
    RoomId room = Ids.room();
    UserId[] users = Ids.orderedUsers(5);
    for (UserId user : users) {
      ban(room, user, null);
    }

    assertThat(users(list().bans(room, null, NOW, 2))).containsExactly(users[0], users[1]);
    assertThat(users(list().bans(room, users[1], NOW, 2))).containsExactly(users[2], users[3]);
    assertThat(users(list().bans(room, users[4], NOW, 2))).isEmpty();
    assertThat(list().bans(room, null, NOW, 0)).isEmpty();
  }

  @Test
  public void expiredAndLiftedBansAreLeftOutWithoutShortPages() {
    RoomId room = Ids.room();
    UserId[] users = Ids.orderedUsers(6);
    ban(room, users[0], NOW.minusSeconds(1));
    ban(room, users[1], NOW);
    ban(room, users[2], NOW.plusMillis(1));
    ban(room, users[3], null);
    ban(room, users[4], null);
    ban(room, users[5], null);
    bans().remove(room, users[4]);

    assertThat(users(list().bans(room, null, NOW, 2))).containsExactly(users[2], users[3]);
    assertThat(users(list().bans(room, users[3], NOW, 2))).containsExactly(users[5]);
  }
}
