package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.Instants.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.application.port.out.BanStorePort;
import dev.parley.domain.member.Ban;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import dev.parley.testkit.fixture.Ids;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link BanStorePort}. Whether an expired ban is still returned is left to the
 * adapter, so no test depends on it.
 */
public abstract class BanStorePortContract {

  /** The store under test. */
  protected abstract BanStorePort bans();

  private static Ban banOf(RoomId room, UserId user) {
    return new Ban(room, user, Ids.user(), T0, T0.plusSeconds(3_600), "spam");
  }

  @Test
  public void userWithoutBanIsNotFound() {
    assertThat(bans().find(Ids.room(), Ids.user())).isEmpty();
  }

  @Test
  public void savedBanIsFoundWithEveryField() {
    BanStorePort bans = bans();
    Ban ban =
        new Ban(
            Ids.room(),
            Ids.user(),
            Ids.user(),
            T0.plusMillis(7),
            T0.plusSeconds(60),
            "flooding 🚫");

    bans.save(ban);

    assertThat(bans.find(ban.roomId(), ban.userId())).contains(ban);
  }

  /** Every store keeps what validation lets through; NUL and the like never reach a store. */
  @Test
  public void reasonKeepsEveryVisibleCharacterExactly() {
    BanStorePort bans = bans();
    String reason = "spam \u7528\u6237 e\u0301 \"q\" \\ ' % _\n\tsee #42 \uD83D\uDEAB";
    Ban ban = new Ban(Ids.room(), Ids.user(), Ids.user(), T0, null, reason);

    bans.save(ban);

    assertThat(bans.find(ban.roomId(), ban.userId())).contains(ban);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Ban(Ids.room(), Ids.user(), Ids.user(), T0, null, "nul\u0000"));
  }

  @Test
  public void banUntilLiftedKeepsItsMissingExpiryAndEmptyReason() {
    BanStorePort bans = bans();
    Ban ban = new Ban(Ids.room(), Ids.user(), Ids.user(), T0, null, "");

    bans.save(ban);

    assertThat(bans.find(ban.roomId(), ban.userId())).contains(ban);
  }

  @Test
  public void saveReplacesTheBanOfThatRoomAndUser() {
    BanStorePort bans = bans();
    Ban first = banOf(Ids.room(), Ids.user());
    bans.save(first);

    Ban extended =
        new Ban(first.roomId(), first.userId(), Ids.user(), T0.plusSeconds(10), null, "again");
    bans.save(extended);

    assertThat(bans.find(first.roomId(), first.userId())).contains(extended);
  }

  @Test
  public void bansArePerRoomAndUser() {
    BanStorePort bans = bans();
    UserId user = Ids.user();
    RoomId banned = Ids.room();
    bans.save(banOf(banned, user));

    assertThat(bans.find(Ids.room(), user)).isEmpty();
    assertThat(bans.find(banned, Ids.user())).isEmpty();
  }

  @Test
  public void removeAnswersWhetherThereWasOneAndIsIdempotent() {
    BanStorePort bans = bans();
    Ban ban = banOf(Ids.room(), Ids.user());
    bans.save(ban);

    assertThat(bans.remove(ban.roomId(), ban.userId())).isTrue();
    assertThat(bans.remove(ban.roomId(), ban.userId())).isFalse();
    assertThat(bans.find(ban.roomId(), ban.userId())).isEmpty();
  }

  @Test
  public void removingAnUnknownBanAnswersFalse() {
    assertThat(bans().remove(Ids.room(), Ids.user())).isFalse();
  }

  @Test
  public void fiftyConcurrentRemovalsAnswerTrueOnce() {
    BanStorePort bans = bans();
    Ban ban = banOf(Ids.room(), Ids.user());
    bans.save(ban);

    List<Boolean> answers = Concurrently.run(50, i -> bans.remove(ban.roomId(), ban.userId()));

    assertThat(answers).containsOnlyOnce(true);
  }
}
