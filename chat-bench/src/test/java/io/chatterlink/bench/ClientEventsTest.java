package io.chatterlink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientEventsTest {
  private static final long MS = 1_000_000;

  @Test
  void aMessageFromASenderOnAnotherTargetCountsAsACrossTargetDelivery() {
    Tally tally = new Tally();
    tally.openWindow(0);
    // clients 0 and 2 on target 0, clients 1 and 3 on target 1
    ClientEvents onTarget1 =
        new ClientEvents(3, 1, client -> client % 2, tally, () -> 9 * MS, () -> false);

    onTarget1.message(new Payload(0, 0, 4 * MS).encode(100));
    onTarget1.message(new Payload(1, 0, 6 * MS).encode(100));
    onTarget1.message("not the bench's");
    Tally.Counts counts = tally.counts();

    assertThat(counts.crossTargetLatencyMicros().getTotalCount()).isEqualTo(1);
    assertThat(counts.crossTargetLatencyMicros().getMaxValue()).isBetween(4_990L, 5_010L);
    assertThat(counts.sameTargetLatencyMicros().getTotalCount()).isEqualTo(1);
    assertThat(counts.sameTargetLatencyMicros().getMaxValue()).isBetween(2_990L, 3_010L);
    assertThat(counts.deliveredTotal()).isEqualTo(3);
  }
}
