package dev.parley.testkit.contract;

import static dev.parley.testkit.fixture.MembershipBuilder.aMembership;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.MembershipStorePort;
import dev.parley.application.port.out.OwnerStepDownPort;
import dev.parley.application.port.out.StepDown;
import dev.parley.domain.access.Role;
import dev.parley.domain.member.Membership;
import dev.parley.domain.room.RoomId;
import dev.parley.testkit.fixture.Ids;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The contract of {@link OwnerStepDownPort}: a room never loses its last owner. */
public abstract class OwnerStepDownPortContract {
  /** Enough rounds that an unguarded store loses the race at least once. */
  private static final int ROUNDS = 30;

  /** The store that holds the memberships, for setting up and checking. */
  protected abstract MembershipStorePort memberships();

  /** The guarded writes under test, over the same data as {@link #memberships()}. */
  protected abstract OwnerStepDownPort stepDown();

  @Test
  public void lastOwnerCannotStepDown() {
    Membership owner = aMembership().withRole(Role.OWNER).build();
    memberships().save(owner);

    StepDown outcome = stepDown().saveUnlessLastOwner(owner.withRole(Role.MEMBER));

    assertThat(outcome).isInstanceOf(StepDown.LastOwner.class);
    assertThat(memberships().find(owner.roomId(), owner.userId())).contains(owner);
  }

  @Test
  public void lastOwnerCannotBeRemoved() {
    Membership owner = aMembership().withRole(Role.OWNER).build();
    memberships().save(owner);

    StepDown outcome = stepDown().removeUnlessLastOwner(owner.roomId(), owner.userId());

    assertThat(outcome).isInstanceOf(StepDown.LastOwner.class);
    assertThat(memberships().find(owner.roomId(), owner.userId())).contains(owner);
  }

  @Test
  public void ownerStepsDownWhileAnotherOwnerStays() {
    RoomId room = Ids.room();
    Membership first = aMembership().withRoom(room).withRole(Role.OWNER).build();
    Membership second = aMembership().withRoom(room).withRole(Role.OWNER).build();
    memberships().save(first);
    memberships().save(second);

    StepDown outcome = stepDown().saveUnlessLastOwner(first.withRole(Role.ADMIN));

    assertThat(outcome).isInstanceOf(StepDown.Applied.class);
    assertThat(memberships().find(room, first.userId())).contains(first.withRole(Role.ADMIN));
  }

  @Test
  public void ownerLeavesWhileAnotherOwnerStays() {
    RoomId room = Ids.room();
    Membership first = aMembership().withRoom(room).withRole(Role.OWNER).build();
    memberships().save(first);
    memberships().save(aMembership().withRoom(room).withRole(Role.OWNER).build());

    StepDown outcome = stepDown().removeUnlessLastOwner(room, first.userId());

    assertThat(outcome).isInstanceOf(StepDown.Applied.class);
    assertThat(memberships().find(room, first.userId())).isEmpty();
  }

  @Test
  public void membersWhoAreNotOwnersAreSavedAndRemovedFreely() {
    Membership member = aMembership().withRole(Role.MEMBER).build();
    memberships().save(member);

    StepDown promoted = stepDown().saveUnlessLastOwner(member.withRole(Role.MODERATOR));
    StepDown removed = stepDown().removeUnlessLastOwner(member.roomId(), member.userId());
    StepDown removedAgain = stepDown().removeUnlessLastOwner(member.roomId(), member.userId());
    StepDown joined = stepDown().saveUnlessLastOwner(member);

    assertThat(List.of(promoted, removed, removedAgain, joined))
        .allMatch(StepDown.Applied.class::isInstance);
    assertThat(memberships().find(member.roomId(), member.userId())).contains(member);
  }

  @Test
  public void lastOwnerMayBeSavedAsOwnerAgain() {
    Membership owner = aMembership().withRole(Role.OWNER).build();
    memberships().save(owner);

    StepDown outcome = stepDown().saveUnlessLastOwner(owner.unmuted());

    assertThat(outcome).isInstanceOf(StepDown.Applied.class);
  }

  @Test
  public void twoOwnersSteppingDownAtOnceLeaveOneOwner() {
    raceTwoOwners(OwnerStepDownPortContract::stepDown, OwnerStepDownPortContract::stepDown);
  }

  @Test
  public void twoOwnersLeavingAtOnceLeaveOneOwner() {
    raceTwoOwners(OwnerStepDownPortContract::leave, OwnerStepDownPortContract::leave);
  }

  @Test
  public void anOwnerLeavingWhileAnotherStepsDownLeaveOneOwner() {
    raceTwoOwners(OwnerStepDownPortContract::leave, OwnerStepDownPortContract::stepDown);
  }

  private static StepDown stepDown(OwnerStepDownPort store, Membership owner) {
    return store.saveUnlessLastOwner(owner.withRole(Role.MEMBER));
  }

  private static StepDown leave(OwnerStepDownPort store, Membership owner) {
    return store.removeUnlessLastOwner(owner.roomId(), owner.userId());
  }

  private void raceTwoOwners(
      BiFunction<OwnerStepDownPort, Membership, StepDown> first,
      BiFunction<OwnerStepDownPort, Membership, StepDown> second) {
    List<BiFunction<OwnerStepDownPort, Membership, StepDown>> giveUps = List.of(first, second);
    OwnerStepDownPort store = stepDown();
    for (int round = 0; round < ROUNDS; round++) {
      RoomId room = Ids.room();
      List<Membership> owners =
          List.of(
              aMembership().withRoom(room).withRole(Role.OWNER).build(),
              aMembership().withRoom(room).withRole(Role.OWNER).build());
      owners.forEach(memberships()::save);

      List<StepDown> outcomes =
          Concurrently.run(2, i -> giveUps.get(i).apply(store, owners.get(i)));

      long stillOwners =
          owners.stream()
              .map(owner -> memberships().find(room, owner.userId()))
              .flatMap(Optional::stream)
              .filter(membership -> membership.role() == Role.OWNER)
              .count();
      assertThat(stillOwners).as("owners left in round %d", round).isEqualTo(1);
      assertThat(outcomes)
          .as("outcomes in round %d", round)
          .filteredOn(StepDown.LastOwner.class::isInstance)
          .hasSize(1);
    }
  }
}
