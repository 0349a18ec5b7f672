package dev.parley.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecisionTest {

  @Test
  void allowIsAllowed() {
    assertThat(Decision.allow().isAllowed()).isTrue();
    assertThat(Decision.allow()).isInstanceOf(Decision.Allowed.class);
  }

  @Test
  void denyCarriesItsReason() {
    Decision decision = Decision.deny(DenialReason.MUTED);
    assertThat(decision.isAllowed()).isFalse();
    assertThat(decision).isEqualTo(new Decision.Denied(DenialReason.MUTED));
    assertThat(((Decision.Denied) decision).reason()).isEqualTo(DenialReason.MUTED);
  }

  @Test
  void denialWithoutAReasonIsAProgrammingError() {
    assertThatNullPointerException().isThrownBy(() -> Decision.deny(null));
  }

  @ParameterizedTest
  @CsvSource({
    "NOT_A_MEMBER, not-a-member",
    "TARGET_OUTRANKS, target-outranks",
    "CANNOT_TARGET_SELF, cannot-target-self",
    "LAST_OWNER, last-owner",
  })
  void denialCodesAreKebabCase(DenialReason reason, String code) {
    assertThat(reason.code()).isEqualTo(code);
  }

  @Test
  void everyDenialHasAMessageForPeople() {
    for (DenialReason reason : DenialReason.values()) {
      assertThat(reason.message()).as("%s", reason).isNotBlank();
    }
  }
}
