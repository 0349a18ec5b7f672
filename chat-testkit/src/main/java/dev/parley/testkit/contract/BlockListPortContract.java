package dev.parley.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.out.BlockCheckPort;
import dev.parley.application.port.out.BlockListPort;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link BlockListPort} and {@link BlockCheckPort}, which one adapter implements
 * together: a per-user set of blocked users, idempotent, one-directional, listed by id.
 */
public abstract class BlockListPortContract {

  /** The store under test. */
  protected abstract BlockListPort blockList();

  /** The same store, seen through its check port. */
  protected abstract BlockCheckPort blockCheck();

  @Test
  public void userWhoBlocksNobodyListsNobody() {
    UserId alice = Ids.user();
    assertThat(blockList().blockedBy(alice, null, 10)).isEmpty();
    assertThat(blockCheck().blockedAmong(alice, List.of(Ids.user()))).isEmpty();
  }

  @Test
  public void blockedUserIsListedAndFoundAmongOthers() {
    UserId alice = Ids.user();
    UserId bob = Ids.user();
    UserId carol = Ids.user();

    blockList().block(alice, bob);

    assertThat(blockList().blockedBy(alice, null, 10)).containsExactly(bob);
    assertThat(blockCheck().blockedAmong(alice, List.of(bob, carol))).containsExactly(bob);
  }

  @Test
  public void blockingIsOneDirectional() {
    UserId alice = Ids.user();
    UserId bob = Ids.user();

    blockList().block(alice, bob);

    assertThat(blockCheck().blockedAmong(bob, List.of(alice))).isEmpty();
    assertThat(blockList().blockedBy(bob, null, 10)).isEmpty();
  }

  @Test
  public void blockingTwiceKeepsOneEntry() {
    UserId alice = Ids.user();
    UserId bob = Ids.user();

    blockList().block(alice, bob);
    blockList().block(alice, bob);

    assertThat(blockList().blockedBy(alice, null, 10)).containsExactly(bob);
  }

  @Test
  public void unblockForgetsTheBlockAndTellsWhetherThereWasOne() {
    UserId alice = Ids.user();
    UserId bob = Ids.user();
    blockList().block(alice, bob);

    assertThat(blockList().unblock(alice, bob)).isTrue();
    assertThat(blockList().unblock(alice, bob)).isFalse();
    assertThat(blockList().blockedBy(alice, null, 10)).isEmpty();
    assertThat(blockCheck().blockedAmong(alice, List.of(bob))).isEmpty();
  }

  @Test
  public void listIsOrderedByIdAndPagedAfterAnId() {
    UserId alice = Ids.user();
    String prefix = Ids.user().value();
    List<UserId> blocked = new ArrayList<>();
    for (String suffix : List.of("c", "a", "e", "b", "d")) {
      UserId user = UserId.of(prefix + suffix);
      blocked.add(user);
      blockList().block(alice, user);
    }
    List<UserId> sorted = blocked.stream().sorted().toList();

    List<UserId> first = blockList().blockedBy(alice, null, 2);
    List<UserId> second = blockList().blockedBy(alice, first.get(1), 2);
    List<UserId> last = blockList().blockedBy(alice, second.get(1), 2);

    assertThat(first).containsExactlyElementsOf(sorted.subList(0, 2));
    assertThat(second).containsExactlyElementsOf(sorted.subList(2, 4));
    assertThat(last).containsExactlyElementsOf(sorted.subList(4, 5));
    assertThat(blockList().blockedBy(alice, last.get(0), 2)).isEmpty();
  }

  @Test
  public void checkTakesRepeatedAndUnknownUsers() {
    UserId alice = Ids.user();
    UserId bob = Ids.user();
    blockList().block(alice, bob);

    assertThat(blockCheck().blockedAmong(alice, List.of(bob, bob, Ids.user())))
        .containsExactly(bob);
    assertThat(blockCheck().blockedAmong(alice, List.of())).isEmpty();
  }

  @Test
  public void idsWithHashesAndLookAlikePrefixesStayApart() {
    UserId alice = Ids.user();
    UserId al = UserId.of("al#" + Ids.user().value());
    UserId longer = UserId.of(al.value() + "ice");
    blockList().block(alice, longer);

    assertThat(blockCheck().blockedAmong(alice, List.of(al, longer))).containsExactly(longer);
    assertThat(blockList().blockedBy(alice, null, 10)).containsExactly(longer);
  }
}
