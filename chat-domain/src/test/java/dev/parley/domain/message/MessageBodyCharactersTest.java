package dev.parley.domain.message;

import static dev.parley.domain.message.MessageBodyTest.problemOf;
import static dev.parley.domain.message.MessageBodyTest.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which characters a message body may hold: valid Unicode, no controls but newline and tab. */
class MessageBodyCharactersTest {
  private static final int LIMIT = 100;

  static IntStream c0ControlsOtherThanNewlineAndTab() {
    return IntStream.rangeClosed(0x00, 0x1F).filter(c -> c != '\n' && c != '\t');
  }

  static IntStream c1Controls() {
    return IntStream.rangeClosed(0x80, 0x9F);
  }

  @ParameterizedTest(name = "code point {0}")
  @MethodSource("c0ControlsOtherThanNewlineAndTab")
  void c0ControlCharactersAreRejected(int control) {
    BodyCheck check = MessageBody.check("before" + (char) control + "after", LIMIT);
    assertThat(problemOf(check)).isEqualTo(BodyCheck.Problem.CONTROL_CHARACTER);
  }

  @ParameterizedTest(name = "code point {0}")
  @MethodSource("c1Controls")
  void c1ControlCharactersAreRejected(int control) {
    BodyCheck check = MessageBody.check("before" + (char) control + "after", LIMIT);
    assertThat(problemOf(check)).isEqualTo(BodyCheck.Problem.CONTROL_CHARACTER);
  }

  @Test
  void deleteIsRejected() {
    assertThat(problemOf(MessageBody.check("oops\u007F", LIMIT)))
        .isEqualTo(BodyCheck.Problem.CONTROL_CHARACTER);
  }

  @Test
  void carriageReturnIsRejectedEvenInWindowsLineEndings() {
    BodyCheck check = MessageBody.check("line one\r\nline two", LIMIT);
    assertThat(problemOf(check)).isEqualTo(BodyCheck.Problem.CONTROL_CHARACTER);
    assertThat(((BodyCheck.Invalid) check).detail()).contains("U+000D").contains("index 8");
  }

  @Test
  void nulCharacterIsRejected() {
    assertThat(problemOf(MessageBody.check("a\u0000b", LIMIT)))
        .isEqualTo(BodyCheck.Problem.CONTROL_CHARACTER);
  }

  @Test
  void printableNeighboursOfTheControlRangesAreFine() {
    assertThat(valid(MessageBody.check(" ~\u00A0\u00A1", LIMIT)).codePointLength()).isEqualTo(4);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\uD83D",
        "lone high \uD83D at the end",
        "lone high \uD83Dx before a letter",
        "\uDC4D lone low first",
        "lone low \uDC4D in the middle",
        "reversed pair \uDC4D\uD83D",
        "two highs \uD83D\uD83D"
      })
  void loneSurrogatesAreInvalidUnicode(String raw) {
    assertThat(problemOf(MessageBody.check(raw, LIMIT)))
        .isEqualTo(BodyCheck.Problem.INVALID_UNICODE);
  }

  @Test
  void loneSurrogateAfterAValidPairIsStillCaught() {
    assertThat(problemOf(MessageBody.check("\uD83D\uDC4D\uDC4D", LIMIT)))
        .isEqualTo(BodyCheck.Problem.INVALID_UNICODE);
  }

  @Test
  void scriptsAndSymbolsOutsideAsciiAreValid() {
    String text = "Привет, 世界! مرحبا ✓ 𝄞";
    MessageBody body = valid(MessageBody.check(text, LIMIT));
    assertThat(body.text()).isEqualTo(text);
    assertThat(body.codePointLength()).isEqualTo(text.codePointCount(0, text.length()));
  }
}
