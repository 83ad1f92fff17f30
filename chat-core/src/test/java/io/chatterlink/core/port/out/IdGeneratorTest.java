package io.chatterlink.core.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.MessageId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {
  @Test
  void timeOrderedIdsAre32HexDigitsThatEveryIdRecordAccepts() {
    String id = IdGenerator.timeOrdered().next();

    assertThat(id).matches("[0-9a-f]{32}");
    assertThat(new MessageId(id).value()).isEqualTo(id);
  }

  @Test
  void timeOrderedIdsStartWithTheMillisecondTheyWereMadeIn() {
    long before = System.currentTimeMillis();
    String id = IdGenerator.timeOrdered().next();
    long after = System.currentTimeMillis();

    long millis = Long.parseLong(id.substring(0, 12), 16);
    assertThat(millis).isBetween(before, after);
  }

  @Test
  void timeOrderedIdsOfLaterMillisecondsSortAfterEarlierOnesAndNeverRepeat() throws Exception {
    IdGenerator ids = IdGenerator.timeOrdered();
    List<String> made = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 10_000; i++) {
        made.add(ids.next());
      }
      Thread.sleep(2); // the next round is in a later millisecond
    }

    assertThat(new HashSet<>(made)).hasSize(made.size());
    String lastOfFirstRound = made.get(9_999);
    String firstOfLastRound = made.get(20_000);
    assertThat(firstOfLastRound).isGreaterThan(lastOfFirstRound);
  }

  @Test
  void twoIdsDifferInTheirRandomEightyBits() {
    IdGenerator ids = IdGenerator.timeOrdered();
    String a = ids.next();
    String b = ids.next();

    assertThat(a.substring(12)).isNotEqualTo(b.substring(12));
  }
}
