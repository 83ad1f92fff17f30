package io.chatterlink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayloadTest {
  @Test
  void aPayloadSurvivesTheRoundTripThroughAMessageText() {
    Payload sent = new Payload(7, 123_456, 98_765_432_100L);

    assertThat(Payload.decode(sent.encode(100))).contains(sent);
  }

  @Test
  void theTextIsPaddedToExactlyTheRequestedSize() {
    assertThat(new Payload(1, 2, 3).encode(100)).hasSize(100).endsWith("xxx");
  }

  @Test
  void textsTheBenchDidNotWriteCarryNoPayload() {
    assertThat(Payload.decode("hello")).isEmpty();
    assertThat(Payload.decode("jb|1|2")).isEmpty();
    assertThat(Payload.decode("jb|a|2|3|")).isEmpty();
  }
}
