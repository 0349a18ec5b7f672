package dev.parley.domain.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmojiTest {
  /** Man, ZWJ, woman, ZWJ, girl, ZWJ, boy: one family, seven code points. */
  private static final String FAMILY =
      "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "👍", // one code point
        "👍🏽", // with a skin tone modifier
        "🇫🇷", // a flag: two regional indicators
        "❤️", // heart with variation selector
        "1️⃣", // keycap sequence
        "🏳️‍🌈", // ZWJ sequence with a variation selector
        "thumbsup",
        "+1",
        ":tada:",
        "party_parrot"
      })
  void emojiAndShortcodesAreValid(String value) {
    assertThat(Emoji.isValid(value)).isTrue();
    assertThat(Emoji.of(value).value()).isEqualTo(value);
  }

  @Test
  void familyZwjSequenceIsValid() {
    assertThat(Emoji.of(FAMILY).toString()).isEqualTo(FAMILY);
  }

  @Test
  void thirtyTwoCodePointsIsTheMaximum() {
    assertThat(Emoji.isValid("a".repeat(Emoji.MAX_CODE_POINTS))).isTrue();
    assertThat(Emoji.isValid("a".repeat(Emoji.MAX_CODE_POINTS + 1))).isFalse();
  }

  @Test
  void limitCountsCodePointsNotUtf16Units() {
    assertThat(Emoji.isValid("👍".repeat(32))).isTrue();
    assertThat(Emoji.isValid("👍".repeat(33))).isFalse();
  }

  @Test
  void fourFamiliesFitButFiveDoNot() {
    assertThat(Emoji.isValid(FAMILY.repeat(4))).isTrue(); // 28 code points
    assertThat(Emoji.isValid(FAMILY.repeat(5))).isFalse(); // 35 code points
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "   ",
        "\t",
        "\n",
        "thumbs up",
        " 👍",
        "👍\n",
        "\u0000",
        "a\u0007",
        "\u007F",
        "\u0085",
        "\u009F",
        "/",
        "thumbs/up",
        "\uD83D",
        "\uDC4D",
        "x\uD83D",
        "\uDC4D\uD83D",
        "\u2003", // em space
        "a\u2028b" // line separator
      })
  void invalidReactionKeysAreRejected(String value) {
    assertThat(Emoji.isValid(value)).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> Emoji.of(value));
  }

  @Test
  void sameValueIsTheSameEmoji() {
    assertThat(Emoji.of("👍")).isEqualTo(Emoji.of("👍")).isNotEqualTo(Emoji.of("👍🏽"));
  }
}
