package dev.parley.adapter.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"abc", "req-1.2_3:4", "A"})
  void aSafeCallerIdIsKept(String id) {
    assertThat(RequestIds.fromHeader(id)).isEqualTo(id);
  }

  @Test
  void sixtyFourCharactersAreKeptAndSixtyFiveAreNot() {
    assertThat(RequestIds.fromHeader("a".repeat(64))).isEqualTo("a".repeat(64));
    assertThat(RequestIds.fromHeader("a".repeat(65))).isNotEqualTo("a".repeat(65));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a\nb", "a\"b", "a/b", "é", "a\u0000"})
  void anUnsafeCallerIdIsReplaced(String id) {
    String replaced = RequestIds.fromHeader(id);

    assertThat(replaced).isNotEqualTo(id);
    assertThat(UUID.fromString(replaced).version()).isEqualTo(4);
  }

  @Test
  void freshIdsAreVersionFourUuidsAndDistinct() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = RequestIds.fromHeader(null);
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      ids.add(id);
    }
    assertThat(ids).hasSize(10_000);
  }
}
