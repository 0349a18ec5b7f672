package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.Instants.T0;
import static dev.parley.testkit.fixture.MembershipBuilder.aMembership;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link MembershipStorePort}. */
public abstract class MembershipStorePortContract {

  /** The store under test. */
  protected abstract MembershipStorePort memberships();

  @Test
  public void unknownMembershipIsNotFound() {
    assertThat(memberships().find(Ids.room(), Ids.user())).isEmpty();
  }

  @Test
  public void savedMembershipIsFoundWithEveryField() {
    MembershipStorePort store = memberships();
    Membership membership =
        aMembership()
            .withRole(Role.MODERATOR)
            .withJoinedAt(T0.plusMillis(5))
            .withMutedUntil(T0.plusSeconds(600))
            .build();

    store.save(membership);

    assertThat(store.find(membership.roomId(), membership.userId())).contains(membership);
  }

  @Test
  public void muteWithoutEndSurvivesTheRoundTrip() {
    MembershipStorePort store = memberships();
    Membership membership = aMembership().build().mutedUntil(null);

    store.save(membership);

    assertThat(store.find(membership.roomId(), membership.userId()))
        .hasValueSatisfying(
            found -> assertThat(found.mutedUntil()).isEqualTo(Membership.INDEFINITELY))
        .hasValueSatisfying(
            found -> assertThat(found.isMutedAt(T0.plusSeconds(1000L * 365 * 24 * 3600))).isTrue());
  }

  @Test
  public void saveReplacesTheMembershipOfThatRoomAndUser() {
    MembershipStorePort store = memberships();
    Membership membership = aMembership().withMutedUntil(T0.plusSeconds(60)).build();
    store.save(membership);

    Membership promoted = membership.withRole(Role.ADMIN).unmuted();
    store.save(promoted);

    assertThat(store.find(membership.roomId(), membership.userId())).contains(promoted);
  }

  @Test
  public void membershipsArePerRoomAndUser() {
    MembershipStorePort store = memberships();
    UserId user = Ids.user();
    RoomId roomA = Ids.room();
    RoomId roomB = Ids.room();
    Membership inA = aMembership().withRoom(roomA).withUser(user).withRole(Role.OWNER).build();
    Membership inB = aMembership().withRoom(roomB).withUser(user).withRole(Role.GUEST).build();

    store.save(inA);
    store.save(inB);

    assertThat(store.find(roomA, user)).contains(inA);
    assertThat(store.find(roomB, user)).contains(inB);
    assertThat(store.find(roomA, Ids.user())).isEmpty();
  }

  @Test
  public void removeAnswersWhetherThereWasOneAndIsIdempotent() {
    MembershipStorePort store = memberships();
    Membership membership = aMembership().build();
    store.save(membership);

    boolean first = store.remove(membership.roomId(), membership.userId());
    boolean second = store.remove(membership.roomId(), membership.userId());

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(store.find(membership.roomId(), membership.userId())).isEmpty();
  }

  @Test
  public void removingAnUnknownMembershipAnswersFalse() {
    assertThat(memberships().remove(Ids.room(), Ids.user())).isFalse();
  }

  @Test
  public void removingOneMembershipKeepsTheUsersOtherRooms() {
    MembershipStorePort store = memberships();
    UserId user = Ids.user();
    Membership kept = aMembership().withUser(user).build();
    Membership removed = aMembership().withUser(user).build();
    store.save(kept);
    store.save(removed);

    store.remove(removed.roomId(), user);

    assertThat(store.find(kept.roomId(), user)).contains(kept);
  }

  @Test
  public void fiftyConcurrentRemovalsAnswerTrueOnce() {
    MembershipStorePort store = memberships();
    Membership membership = aMembership().build();
    store.save(membership);

    List<Boolean> answers =
        Concurrently.run(50, i -> store.remove(membership.roomId(), membership.userId()));

    assertThat(answers).containsOnlyOnce(true);
  }

  @Test
  public void fiftyUsersJoiningOneRoomConcurrentlyAreAllStored() {
    MembershipStorePort store = memberships();
    RoomId room = Ids.room();
    List<Membership> memberships =
        Concurrently.run(
            50,
            i -> {
              Membership membership = aMembership().withRoom(room).build();
              store.save(membership);
              return membership;
            });

    assertThat(memberships).allSatisfy(m -> assertThat(store.find(room, m.userId())).contains(m));
  }
}
