package dev.parley.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CharactersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "General",
        "Release planning, Q3",
        "ünïcødé",
        "用户の部屋",
        "🎉",
        "family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
        "می\u200Cخواهم",
        "e\u0301",
        "  padded  "
      })
  void textPeopleWriteIsVisible(String text) {
    assertThat(Characters.isVisibleText(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nul\u0000",
        "bell\u0007",
        "escape\u001B[31m",
        "tab\there",
        "new\nline",
        "del\u007F",
        "c1\u0085",
        "no\u00A0break",
        "zero\u200Bwidth",
        "right-to-left\u202Eoverride",
        "bom\uFEFF",
        "line\u2028separator",
        "paragraph\u2029separator",
        "ideographic\u3000space",
        "em\u2003space",
        "lone\uD83D",
        "\uDE00reversed"
      })
  void hiddenCharactersAndBrokenUnicodeAreNot(String text) {
    assertThat(Characters.isVisibleText(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"line one\nline two", "\tindented", "a\n\n\tb"})
  void newlineAndTabAreAllowedOnlyInMultilineText(String text) {
    assertThat(Characters.isVisibleMultilineText(text)).isTrue();
    assertThat(Characters.isVisibleText(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"nul\u0000", "cr\r\n", "bell\u0007", "rtl\u202E", "line\u2028", "lone\uD83D"})
  void multilineTextRefusesEveryOtherHiddenCharacter(String text) {
    assertThat(Characters.isVisibleMultilineText(text)).isFalse();
  }
}
