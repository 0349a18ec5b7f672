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
  @ValueSource(strings = {" ", "\t\n"})
  void blankKeyIsRejected(String value) {
    assertThatIllegalArgumentException().isThrownBy(() -> ClientMessageId.of(value));
  }

  @Test
  void sameKeyIsTheSameKey() {
    assertThat(ClientMessageId.of("tx-1")).isEqualTo(ClientMessageId.of("tx-1"));
  }
}
