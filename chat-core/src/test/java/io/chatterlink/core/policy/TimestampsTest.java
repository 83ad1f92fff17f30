package io.chatterlink.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  @Test
  void nanosecondsAreCutToExactlyThreeFractionalDigits() {
    assertThat(Timestamps.format(Instant.parse("2026-11-28T17:45:12.345678999Z")))
        .isEqualTo("2026-11-28T17:45:12.345Z");
  }

  @Test
  void aWholeSecondStillHasThreeFractionalDigits() {
    assertThat(Timestamps.format(Instant.parse("2026-11-28T17:45:12Z")))
        .isEqualTo("2026-11-28T17:45:12.000Z");
  }

  @Test
  void theValueIsWrittenInUtc() {
    assertThat(Timestamps.format(Instant.ofEpochMilli(1))).isEqualTo("1970-01-01T00:00:00.001Z");
  }
}
