package dev.parley.domain.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.domain.user.UserId;
import org.junit.jupiter.api.Test;

class DirectKeyTest {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final UserId CAROL = UserId.of("carol");

  @Test
  void pairIsPutInCanonicalOrder() {
    DirectKey key = DirectKey.of(BOB, ALICE);
    assertThat(key.first()).isEqualTo(ALICE);
    assertThat(key.second()).isEqualTo(BOB);
  }

  @Test
  void argumentOrderDoesNotMatter() {
    assertThat(DirectKey.of(ALICE, BOB))
        .isEqualTo(DirectKey.of(BOB, ALICE))
        .hasSameHashCodeAs(DirectKey.of(BOB, ALICE));
    assertThat(DirectKey.of(ALICE, BOB).asString()).isEqualTo(DirectKey.of(BOB, ALICE).asString());
  }

  @Test
  void differentPairsAreDifferentKeys() {
    assertThat(DirectKey.of(ALICE, BOB)).isNotEqualTo(DirectKey.of(ALICE, CAROL));
  }

  @Test
  void nobodyHasADirectRoomWithThemselves() {
    assertThatIllegalArgumentException().isThrownBy(() -> DirectKey.of(ALICE, ALICE));
  }

  @Test
  void constructorOnlyTakesTheCanonicalOrder() {
    assertThat(new DirectKey(ALICE, BOB)).isEqualTo(DirectKey.of(BOB, ALICE));
    assertThatIllegalArgumentException().isThrownBy(() -> new DirectKey(BOB, ALICE));
    assertThatIllegalArgumentException().isThrownBy(() -> new DirectKey(ALICE, ALICE));
  }

  @Test
  void keyIncludesBothUsersAndNobodyElse() {
    DirectKey key = DirectKey.of(ALICE, BOB);
    assertThat(key.includes(ALICE)).isTrue();
    assertThat(key.includes(BOB)).isTrue();
    assertThat(key.includes(CAROL)).isFalse();
  }

  @Test
  void stringFormSeparatesTheIdsWithANewline() {
    assertThat(DirectKey.of(BOB, ALICE).asString()).isEqualTo("alice\nbob");
  }

  @Test
  void orderIsByIdNotByLength() {
    DirectKey key = DirectKey.of(UserId.of("b"), UserId.of("aa"));
    assertThat(key.first().value()).isEqualTo("aa");
  }
}
