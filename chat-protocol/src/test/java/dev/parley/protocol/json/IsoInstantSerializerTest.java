package dev.parley.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantSerializerTest {

  @Test
  void instantsAreWrittenExactlyAsToStringWritesThem() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 1_000_000; i++) {
      long seconds = random.nextLong(-100_000_000_000L, 300_000_000_000L);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      assertThat(IsoInstantSerializer.format(instant)).isEqualTo(instant.toString());
    }
  }

  @Test
  void theEdgesOfTheFastRangeAndBeyondMatchToo() {
    for (Instant instant :
        new Instant[] {
          Instant.EPOCH,
          Instant.ofEpochSecond(-1, 999_999_999),
          Instant.parse("2000-02-29T23:59:59.000000001Z"),
          Instant.parse("9999-12-31T23:59:59.999Z"),
          Instant.parse("+10000-01-01T00:00:00Z"),
          Instant.MIN,
          Instant.MAX
        }) {
      assertThat(IsoInstantSerializer.format(instant)).isEqualTo(instant.toString());
    }
  }

  @Test
  void aMessageTimeIsAnIsoStringOnTheWire() {
    Instant at = Instant.parse("2026-11-21T14:48:03.120Z");

    assertThat(Json.writeString(new Stamp(at))).isEqualTo("{\"at\":\"2026-11-21T14:48:03.120Z\"}");
  }

  record Stamp(Instant at) {}
}
