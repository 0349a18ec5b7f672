package dev.parley.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientMessageIdTest {

  @Test
  void oneCharacterKeyIsEnough() {
    assertThat(ClientMessageId.of("a").value()).isEqualTo("a");
  }

  @Test
  void keyOfExactlyTheMaximumLengthIsAccepted() {
    assertThat(ClientMessageId.of("k".repeat(ClientMessageId.MAX_LENGTH)).value()).hasSize(64);
  }

  @Test
  void keyOneOverTheMaximumIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> ClientMessageId.of("k".repeat(65)));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t\n", "\t", "\n", "\u3000"})
  void blankKeyIsRejected(String value) {
    assertThat(ClientMessageId.isValid(value)).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> ClientMessageId.of(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tx\u0000", "tx\u0007", "tx\u200B", "tx\u202E", "tx\u00A0", "tx\uD83D"})
  void keyWithHiddenCharactersIsRejected(String value) {
    assertThat(ClientMessageId.isValid(value)).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> ClientMessageId.of(value));
  }

  @Test
  void keyMayHoldSpacesAndAnyScript() {
    assertThat(ClientMessageId.of("retry 1 – 用户 🎉").value()).isEqualTo("retry 1 – 用户 🎉");
  }

  @Test
  void sameKeyIsTheSameKey() {
    assertThat(ClientMessageId.of("tx-1")).isEqualTo(ClientMessageId.of("tx-1"));
  }
}
