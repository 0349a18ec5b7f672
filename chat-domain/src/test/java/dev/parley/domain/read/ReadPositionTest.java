package dev.parley.domain.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadPositionTest {

  @ParameterizedTest(name = "marker {0}, read to {1} of {2} -> {3}")
  @CsvSource({
    // current, requested, last sequence, expected
    "0,  5,  10, 5",
    "5,  10, 10, 10",
    "3,  3,  10, 3",
    "0,  0,  0,  0",
  })
  void markReadMovesTheMarkerForward(long current, long requested, long last, long expected) {
    assertThat(ReadPosition.markRead(current, requested, last)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "marker {0}, read to {1} of {2} -> {3}")
  @CsvSource({"8, 5, 10, 8", "8, 0, 10, 8", "10, 1, 10, 10"})
  void markReadNeverMovesBackwards(long current, long requested, long last, long expected) {
    assertThat(ReadPosition.markRead(current, requested, last)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "marker {0}, read to {1} of {2} -> {3}")
  @CsvSource({"0, 11, 10, 10", "4, 1000, 10, 10", "0, 9223372036854775807, 42, 42", "0, 5, 0, 0"})
  void markReadClampsToTheLastMessage(long current, long requested, long last, long expected) {
    assertThat(ReadPosition.markRead(current, requested, last)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "marker {0}, read to {1} of {2} -> {3}")
  @CsvSource({"0, -1, 10, 0", "0, -9223372036854775808, 10, 0", "3, -5, 10, 3"})
  void markReadClampsNegativeRequestsToZero(
      long current, long requested, long last, long expected) {
    assertThat(ReadPosition.markRead(current, requested, last)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "unread from {0} -> {1}")
  @CsvSource({"10, 9", "5, 4", "2, 1", "1, 0"})
  void markUnreadLeavesTheMarkerJustBeforeTheMessage(long sequence, long expected) {
    assertThat(ReadPosition.markUnread(sequence)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "unread from {0} -> {1}")
  @CsvSource({"0, 0", "-1, 0", "-9223372036854775808, 0"})
  void markUnreadNeverGoesBelowZero(long sequence, long expected) {
    assertThat(ReadPosition.markUnread(sequence)).isEqualTo(expected);
  }
}
