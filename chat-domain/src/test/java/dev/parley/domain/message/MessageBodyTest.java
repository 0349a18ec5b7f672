package dev.parley.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.domain.room.RoomSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Blank bodies, the length limit in code points, and keeping the text as sent. */
class MessageBodyTest {
  private static final int LIMIT = 10;

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "     ", "\t", "\n", "\n\n\n", " \t\n ", "\t\t  \n"})
  void blankBodiesAreRejected(String raw) {
    assertThat(problemOf(MessageBody.check(raw, LIMIT))).isEqualTo(BodyCheck.Problem.BLANK);
  }

  @Test
  void bodyExactlyAtTheLimitIsValid() {
    MessageBody body = valid(MessageBody.check("a".repeat(LIMIT), LIMIT));
    assertThat(body.codePointLength()).isEqualTo(LIMIT);
  }

  @Test
  void bodyOneOverTheLimitIsTooLong() {
    BodyCheck check = MessageBody.check("a".repeat(LIMIT + 1), LIMIT);
    assertThat(problemOf(check)).isEqualTo(BodyCheck.Problem.TOO_LONG);
    assertThat(((BodyCheck.Invalid) check).detail()).contains("11");
  }

  @Test
  void singleEmojiIsOneCodePointThoughTwoUtf16Units() {
    String thumbsUp = "\uD83D\uDC4D"; // 👍
    assertThat(thumbsUp).hasSize(2);
    assertThat(valid(MessageBody.check(thumbsUp, 1)).codePointLength()).isEqualTo(1);
  }

  @Test
  void skinTonedEmojiIsTwoCodePoints() {
    String thumbsUpMediumSkin = "👍🏽";
    assertThat(valid(MessageBody.check(thumbsUpMediumSkin, 2)).codePointLength()).isEqualTo(2);
    assertThat(problemOf(MessageBody.check(thumbsUpMediumSkin, 1)))
        .isEqualTo(BodyCheck.Problem.TOO_LONG);
  }

  @Test
  void letterWithCombiningAccentIsTwoCodePoints() {
    String decomposedE = "e\u0301";
    assertThat(valid(MessageBody.check(decomposedE, 2)).codePointLength()).isEqualTo(2);
    assertThat(problemOf(MessageBody.check(decomposedE, 1))).isEqualTo(BodyCheck.Problem.TOO_LONG);
  }

  @Test
  void familyEmojiCountsEveryCodePointOfItsZwjSequence() {
    // man, ZWJ, woman, ZWJ, girl, ZWJ, boy: 7 code points, 11 UTF-16 units, 1 grapheme
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
    assertThat(family).hasSize(11);
    assertThat(valid(MessageBody.check(family, 7)).codePointLength()).isEqualTo(7);
    assertThat(problemOf(MessageBody.check(family, 6))).isEqualTo(BodyCheck.Problem.TOO_LONG);
  }

  @Test
  void limitCountsCodePointsNotUtf16Units() {
    String emojiAtTheDefaultLimit = "😀".repeat(RoomSettings.DEFAULT_MAX_MESSAGE_LENGTH);
    BodyCheck check =
        MessageBody.check(emojiAtTheDefaultLimit, RoomSettings.DEFAULT_MAX_MESSAGE_LENGTH);
    assertThat(valid(check).codePointLength()).isEqualTo(RoomSettings.DEFAULT_MAX_MESSAGE_LENGTH);
  }

  @Test
  void newlinesAndTabsAreAllowedInsideText() {
    String text = "line one\nline two\n\tindented\tcell";
    assertThat(valid(MessageBody.check(text, 100)).text()).isEqualTo(text);
  }

  @Test
  void textIsKeptExactlyAsSentNotTrimmed() {
    String text = "  hello  \n";
    MessageBody body = valid(MessageBody.check(text, LIMIT));
    assertThat(body.text()).isEqualTo(text);
    assertThat(body.codePointLength()).isEqualTo(10);
  }

  @Test
  void textIsNotNormalised() {
    MessageBody body = valid(MessageBody.check("caf" + "e\u0301", LIMIT));
    assertThat(body.text()).isEqualTo("cafe\u0301").isNotEqualTo("caf\u00E9");
  }

  @Test
  void ofAcceptsTextUpToTheHardCeiling() {
    MessageBody body = MessageBody.of("x".repeat(RoomSettings.HARD_MAX_MESSAGE_LENGTH));
    assertThat(body.codePointLength()).isEqualTo(RoomSettings.HARD_MAX_MESSAGE_LENGTH);
  }

  @Test
  void ofThrowsOverTheHardCeiling() {
    String tooLong = "x".repeat(RoomSettings.HARD_MAX_MESSAGE_LENGTH + 1);
    assertThatIllegalArgumentException().isThrownBy(() -> MessageBody.of(tooLong));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "bell\u0007", "lone \uD83D", "\r\n"})
  void ofThrowsOnInvalidText(String raw) {
    assertThatIllegalArgumentException().isThrownBy(() -> MessageBody.of(raw));
  }

  @Test
  void bodiesWithTheSameTextAreEqual() {
    assertThat(MessageBody.of("hi"))
        .isEqualTo(MessageBody.of("hi"))
        .isNotEqualTo(MessageBody.of("hi "));
    assertThat(MessageBody.of("hi")).hasSameHashCodeAs(MessageBody.of("hi"));
  }

  @Test
  void toStringDoesNotLeakTheText() {
    assertThat(MessageBody.of("secret plans").toString())
        .doesNotContain("secret")
        .contains("12 code points");
  }

  static MessageBody valid(BodyCheck check) {
    assertThat(check).isInstanceOf(BodyCheck.Valid.class);
    return ((BodyCheck.Valid) check).body();
  }

  static BodyCheck.Problem problemOf(BodyCheck check) {
    assertThat(check).isInstanceOf(BodyCheck.Invalid.class);
    return ((BodyCheck.Invalid) check).problem();
  }
}
