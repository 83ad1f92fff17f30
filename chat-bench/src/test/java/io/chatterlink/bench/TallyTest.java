package io.chatterlink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TallyTest {
  private static final long MS = 1_000_000;

  @Test
  void onlyMessagesSentInTheWindowCountTowardsRatioAndLatency() {
    Tally tally = new Tally();
    tally.sent(5 * MS, 3);
    tally.openWindow(10 * MS);
    tally.sent(20 * MS, 3);
    tally.closeWindow(30 * MS);
    tally.sent(40 * MS, 3);

    tally.delivered(5 * MS, 12 * MS, false);
    tally.delivered(20 * MS, 25 * MS, false);
    tally.delivered(20 * MS, 27 * MS, false);
    tally.delivered(40 * MS, 45 * MS, false);
    Tally.Counts counts = tally.counts();

    assertThat(counts.sentMeasured()).isEqualTo(1);
    assertThat(counts.sentTotal()).isEqualTo(3);
    assertThat(counts.expectedMeasured()).isEqualTo(3);
    assertThat(counts.deliveredMeasured()).isEqualTo(2);
    assertThat(counts.deliveredInWindow()).isEqualTo(3);
    assertThat(counts.deliveredTotal()).isEqualTo(4);
    assertThat(counts.latencyMicros().getTotalCount()).isEqualTo(2);
    assertThat(counts.latencyMicros().getMaxValue()).isBetween(6_990L, 7_010L);
  }

  @Test
  void lateDeliveriesOfMeasuredMessagesStillCountAfterTheWindowCloses() {
    Tally tally = new Tally();
    tally.openWindow(0);
    tally.sent(MS, 1);
    tally.closeWindow(2 * MS);
    assertThat(tally.allMeasuredDelivered()).isFalse();

    tally.delivered(MS, 2_001 * MS, false);

    assertThat(tally.allMeasuredDelivered()).isTrue();
    assertThat(tally.counts().latencyMicros().getValueAtPercentile(99))
        .isBetween(1_999_000L, 2_001_000L);
  }

  @Test
  void sameTargetAndCrossTargetDeliveriesAreCountedApartAndTogether() {
    Tally tally = new Tally();
    tally.openWindow(0);
    tally.sent(MS, 3);
    tally.delivered(MS, 2 * MS, false);
    tally.delivered(MS, 11 * MS, true);
    tally.delivered(MS, 21 * MS, true);
    Tally.Counts counts = tally.counts();

    assertThat(counts.latencyMicros().getTotalCount()).isEqualTo(3);
    assertThat(counts.sameTargetLatencyMicros().getTotalCount()).isEqualTo(1);
    assertThat(counts.sameTargetLatencyMicros().getMaxValue()).isBetween(999L, 1_001L);
    assertThat(counts.crossTargetLatencyMicros().getTotalCount()).isEqualTo(2);
    assertThat(counts.crossTargetLatencyMicros().getMinValue()).isBetween(9_990L, 10_010L);
    assertThat(counts.crossTargetLatencyMicros().getMaxValue()).isBetween(19_980L, 20_020L);
  }

  @Test
  void errorsAreCountedByKind() {
    Tally tally = new Tally();
    tally.error("timeout");
    tally.error("timeout");
    tally.error("reply_429_rate_limited");

    assertThat(tally.counts().errors())
        .containsEntry("timeout", 2L)
        .containsEntry("reply_429_rate_limited", 1L);
  }
}
