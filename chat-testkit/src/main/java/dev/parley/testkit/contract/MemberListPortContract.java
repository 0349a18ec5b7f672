package dev.parley.testkit.contract;

import static dev.parley.testkit.fixture.MembershipBuilder.aMembership;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.MemberListPort;
import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link MemberListPort}: keyset pages with an exclusive {@code after}, both ways.
 * Ordered ids come from {@link Ids#orderedUsers} and {@link Ids#orderedRooms}, which sort the same
 * under every collation.
 */
public abstract class MemberListPortContract {

  /** The lists under test. */
  protected abstract MemberListPort memberList();

  /** Writes the memberships the lists are read from; the same store as {@link #memberList()}. */
  protected abstract MembershipStorePort memberships();

  private RoomId roomWith(UserId... users) {
    MembershipStorePort store = memberships();
    RoomId room = Ids.room();
    for (UserId user : users) {
      store.save(aMembership().withRoom(room).withUser(user).build());
    }
    return room;
  }

  private static List<UserId> usersOf(List<Membership> page) {
    return page.stream().map(Membership::userId).toList();
  }

  private static List<RoomId> roomsOf(List<Membership> page) {
    return page.stream().map(Membership::roomId).toList();
  }

  @Test
  public void roomWithoutMembersListsNobody() {
    assertThat(memberList().members(Ids.room(), null, 10)).isEmpty();
  }

  @Test
  public void membersAreOrderedByUserIdWhateverTheJoinOrder() {
    UserId[] u = Ids.orderedUsers(4);
    RoomId room = roomWith(u[2], u[0], u[3], u[1]);

    assertThat(usersOf(memberList().members(room, null, 10)))
        .containsExactly(u[0], u[1], u[2], u[3]);
  }

  @Test
  public void membersPageOnAfterTheLastUserOfThePreviousPage() {
    UserId[] u = Ids.orderedUsers(5);
    RoomId room = roomWith(u);
    MemberListPort list = memberList();

    List<Membership> first = list.members(room, null, 2);
    List<Membership> second = list.members(room, first.get(1).userId(), 2);
    List<Membership> third = list.members(room, second.get(1).userId(), 2);
    List<Membership> beyond = list.members(room, third.get(0).userId(), 2);

    assertThat(usersOf(first)).containsExactly(u[0], u[1]);
    assertThat(usersOf(second)).containsExactly(u[2], u[3]);
    assertThat(usersOf(third)).containsExactly(u[4]);
    assertThat(beyond).isEmpty();
  }

  @Test
  public void exactlyAPageOfMembersLeavesNothingAfterTheLast() {
    UserId[] u = Ids.orderedUsers(3);
    RoomId room = roomWith(u);

    assertThat(usersOf(memberList().members(room, null, 3))).containsExactly(u);
    assertThat(memberList().members(room, u[2], 3)).isEmpty();
  }

  @Test
  public void limitOfOneListsOneMember() {
    UserId[] u = Ids.orderedUsers(3);
    RoomId room = roomWith(u);

    assertThat(usersOf(memberList().members(room, null, 1))).containsExactly(u[0]);
    assertThat(usersOf(memberList().members(room, u[0], 1))).containsExactly(u[1]);
  }

  @Test
  public void afterNeedNotBeAMember() {
    UserId[] u = Ids.orderedUsers(5);
    RoomId room = roomWith(u[0], u[2], u[4]);

    assertThat(usersOf(memberList().members(room, u[1], 10))).containsExactly(u[2], u[4]);
  }

  @Test
  public void membersOfOtherRoomsAreNotListed() {
    UserId[] u = Ids.orderedUsers(2);
    RoomId room = roomWith(u[0]);
    roomWith(u[1]);

    assertThat(usersOf(memberList().members(room, null, 10))).containsExactly(u[0]);
  }

  @Test
  public void membersShowTheLatestSavedMembership() {
    UserId[] u = Ids.orderedUsers(1);
    RoomId room = roomWith(u);
    Membership promoted = aMembership().withRoom(room).withUser(u[0]).withRole(Role.ADMIN).build();
    memberships().save(promoted);

    assertThat(memberList().members(room, null, 10)).containsExactly(promoted);
    assertThat(memberList().roomsOf(u[0], null, 10)).containsExactly(promoted);
  }

  @Test
  public void removedMemberLeavesBothLists() {
    UserId[] u = Ids.orderedUsers(2);
    RoomId room = roomWith(u);

    memberships().remove(room, u[0]);

    assertThat(usersOf(memberList().members(room, null, 10))).containsExactly(u[1]);
    assertThat(memberList().roomsOf(u[0], null, 10)).isEmpty();
  }

  @Test
  public void userWithoutRoomsListsNone() {
    assertThat(memberList().roomsOf(Ids.user(), null, 10)).isEmpty();
  }

  @Test
  public void roomsOfAUserAreOrderedByRoomIdAndPageOnAfter() {
    UserId user = Ids.user();
    RoomId[] r = Ids.orderedRooms(5);
    MembershipStorePort store = memberships();
    for (int i : new int[] {3, 0, 4, 1, 2}) {
      store.save(aMembership().withRoom(r[i]).withUser(user).build());
    }
    MemberListPort list = memberList();

    List<Membership> first = list.roomsOf(user, null, 2);
    List<Membership> second = list.roomsOf(user, r[1], 2);
    List<Membership> third = list.roomsOf(user, r[3], 2);

    assertThat(roomsOf(first)).containsExactly(r[0], r[1]);
    assertThat(roomsOf(second)).containsExactly(r[2], r[3]);
    assertThat(roomsOf(third)).containsExactly(r[4]);
    assertThat(list.roomsOf(user, r[4], 2)).isEmpty();
    assertThat(roomsOf(list.roomsOf(user, null, 1))).containsExactly(r[0]);
    assertThat(roomsOf(list.roomsOf(user, null, 5))).containsExactly(r);
  }

  @Test
  public void countWithRoleCountsOnlyThatRoleInThatRoom() {
    MembershipStorePort store = memberships();
    RoomId room = Ids.room();
    for (Role role : List.of(Role.OWNER, Role.OWNER, Role.ADMIN, Role.MEMBER, Role.MEMBER)) {
      store.save(aMembership().withRoom(room).withRole(role).build());
    }
    store.save(aMembership().withRole(Role.OWNER).build());

    MemberListPort list = memberList();
    assertThat(list.countWithRole(room, Role.OWNER)).isEqualTo(2);
    assertThat(list.countWithRole(room, Role.ADMIN)).isEqualTo(1);
    assertThat(list.countWithRole(room, Role.MEMBER)).isEqualTo(2);
    assertThat(list.countWithRole(room, Role.GUEST)).isZero();
    assertThat(list.countWithRole(Ids.room(), Role.OWNER)).isZero();
  }

  @Test
  public void countWithRoleFollowsRoleChangesAndRemovals() {
    MembershipStorePort store = memberships();
    RoomId room = Ids.room();
    Membership first = aMembership().withRoom(room).withRole(Role.OWNER).build();
    Membership second = aMembership().withRoom(room).withRole(Role.MEMBER).build();
    store.save(first);
    store.save(second);

    store.save(second.withRole(Role.OWNER));
    store.remove(room, first.userId());

    assertThat(memberList().countWithRole(room, Role.OWNER)).isEqualTo(1);
    assertThat(memberList().countWithRole(room, Role.MEMBER)).isZero();
  }

  @Test
  public void fiftyConcurrentJoinsAllShowInBothLists() {
    MembershipStorePort store = memberships();
    RoomId room = Ids.room();
    UserId[] u = Ids.orderedUsers(50);

    Concurrently.run(
        50,
        i -> {
          store.save(aMembership().withRoom(room).withUser(u[i]).build());
          return i;
        });

    assertThat(usersOf(memberList().members(room, null, 100))).containsExactly(u);
    for (UserId user : u) {
      assertThat(roomsOf(memberList().roomsOf(user, null, 10))).containsExactly(room);
    }
    assertThat(memberList().countWithRole(room, Role.MEMBER)).isEqualTo(50);
  }
}
