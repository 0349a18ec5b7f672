package dev.parley.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.domain.message.MessageId;
import dev.parley.domain.presence.ConnectionId;
import dev.parley.domain.room.RoomId;
import dev.parley.domain.user.UserId;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "general",
        "01J2Z3XK4Q5R6S7T8V9W0XYZAB",
        "auth0|5f7c8ec7c33c6c004bbafe82",
        "google-oauth2.1234",
        "user@example.com",
        "ünïcødé",
        "用户"
      })
  void ordinaryIdsAreValid(String value) {
    assertThat(Identifiers.isValid(value)).isTrue();
    assertThat(Identifiers.require("id", value)).isSameAs(value);
  }

  @Test
  void upTo128Characters() {
    assertThat(Identifiers.isValid("x".repeat(Identifiers.MAX_LENGTH))).isTrue();
    assertThat(Identifiers.isValid("x".repeat(Identifiers.MAX_LENGTH + 1))).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "with space",
        "tab\there",
        "new\nline",
        "nul\u0000",
        "del\u007F",
        "c1\u0085",
        "room/1",
        "/",
        "..\u002F..",
        "em\u2003space",
        "emoji\uD83D\uDE00",
        "lone\uD83D",
        "no\u00A0break",
        "zero\u200Bwidth",
        "joined\u200Dletters",
        "evil\u202Etxt.exe",
        "bom\uFEFF",
        "line\u2028separator",
        "ideographic\u3000space"
      })
  void unusableIdsAreRejected(String value) {
    assertThat(Identifiers.isValid(value)).isFalse();
  }

  @Test
  void requireNamesTheKindOfId() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Identifiers.require("room id", "a/b"))
        .withMessageStartingWith("room id must be 1-128");
  }

  static Stream<Arguments> idTypes() {
    return Stream.of(
        Arguments.of("RoomId", (Function<String, Object>) RoomId::of),
        Arguments.of("UserId", (Function<String, Object>) UserId::of),
        Arguments.of("MessageId", (Function<String, Object>) MessageId::of),
        Arguments.of("ConnectionId", (Function<String, Object>) ConnectionId::of));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("idTypes")
  void everyIdTypeFollowsTheRules(String type, Function<String, Object> factory) {
    assertThat(factory.apply("abc-123").toString()).isEqualTo("abc-123");
    assertThat(factory.apply("abc-123")).isEqualTo(factory.apply("abc-123"));
    assertThatIllegalArgumentException().isThrownBy(() -> factory.apply(""));
    assertThatIllegalArgumentException().isThrownBy(() -> factory.apply("a b"));
    assertThatIllegalArgumentException().isThrownBy(() -> factory.apply("a/b"));
    assertThatIllegalArgumentException().isThrownBy(() -> factory.apply("a\u00A0b"));
    assertThatIllegalArgumentException().isThrownBy(() -> factory.apply("a\u200Bb"));
    assertThatIllegalArgumentException().isThrownBy(() -> factory.apply("a\u202Eb"));
    assertThatIllegalArgumentException().isThrownBy(() -> factory.apply(null));
  }
}
