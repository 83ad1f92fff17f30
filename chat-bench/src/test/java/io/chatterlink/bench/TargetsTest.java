package io.chatterlink.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TargetsTest {
  private static final URI A = URI.create("http://127.0.0.1:8081");
  private static final URI B = URI.create("http://127.0.0.1:8082");
  private static final URI C = URI.create("https://node-c.example:8443");

  private static List<Integer> targetsOf(BenchSettings s, int fromClient, int toClient) {
    return IntStream.range(fromClient, toClient).map(s::targetOf).boxed().toList();
  }

  @Test
  void roundRobinSpreadsTheSendersAndTheReceiversOfOneRoomOverEveryTarget() {
    BenchSettings s =
        BenchSettingsTest.settings(
            new Targets(List.of(A, B), Spread.ROUND_ROBIN), 10, 4, 1, Mode.CLOSED);

    assertThat(targetsOf(s, 0, 4)).containsExactly(0, 1, 0, 1);
    assertThat(targetsOf(s, 4, 10)).containsExactly(0, 1, 0, 1, 0, 1);
    assertThat(List.of(s.clientsOn(0), s.clientsOn(1))).containsExactly(5, 5);
    assertThat(List.of(s.sendersOn(0), s.sendersOn(1))).containsExactly(2, 2);
  }

  @Test
  void roundRobinGivesEveryRoomMembersOnEveryTargetEvenWhenRoomsAndTargetsShareAFactor() {
    // client i is in room i % 2: a plain i % 2 over two targets would put each room on one server
    BenchSettings s =
        BenchSettingsTest.settings(
            new Targets(List.of(A, B), Spread.ROUND_ROBIN), 8, 2, 2, Mode.CLOSED);

    for (int room = 0; room < 2; room++) {
      int r = room;
      assertThat(
              IntStream.range(0, 8)
                  .filter(i -> s.roomOf(i) == r)
                  .mapToObj(s::targetOf)
                  .collect(Collectors.toSet()))
          .as("targets of room %d", room)
          .containsExactlyInAnyOrder(0, 1);
    }
    assertThat(targetsOf(s, 0, 2)).as("the two senders").containsExactlyInAnyOrder(0, 1);
  }

  @Test
  void sendersFirstPutsEverySenderOnTheFirstTargetAndTheReceiversRoundRobinOnTheOthers() {
    BenchSettings s =
        BenchSettingsTest.settings(
            new Targets(List.of(A, B, C), Spread.SENDERS_FIRST), 12, 3, 1, Mode.OPEN);

    assertThat(targetsOf(s, 0, 3)).containsOnly(0);
    assertThat(targetsOf(s, 3, 12)).doesNotContain(0);
    assertThat(List.of(s.clientsOn(0), s.clientsOn(1), s.clientsOn(2))).containsExactly(3, 4, 5);
    assertThat(List.of(s.sendersOn(0), s.sendersOn(1), s.sendersOn(2))).containsExactly(3, 0, 0);
  }

  @Test
  void eachTargetHasItsOwnWebSocketEndpoint() {
    Targets targets = new Targets(List.of(A, C), Spread.ROUND_ROBIN);

    assertThat(targets.webSocket(0)).isEqualTo(URI.create("ws://127.0.0.1:8081/ws"));
    assertThat(targets.webSocket(1)).isEqualTo(URI.create("wss://node-c.example:8443/ws"));
    assertThat(targets.first()).isEqualTo(A);
  }

  @Test
  void badTargetListsAreRejectedByOptionName() {
    assertThatThrownBy(() -> new Targets(List.of(), Spread.ROUND_ROBIN))
        .hasMessageContaining("--url");
    assertThatThrownBy(() -> new Targets(List.of(A, URI.create("ws://x:1")), Spread.ROUND_ROBIN))
        .hasMessageContaining("--url")
        .hasMessageContaining("ws://x:1");
    assertThatThrownBy(
            () ->
                new Targets(
                    IntStream.rangeClosed(0, Targets.MAX_TARGETS)
                        .mapToObj(i -> URI.create("http://127.0.0.1:" + (9000 + i)))
                        .toList(),
                    Spread.ROUND_ROBIN))
        .hasMessageContaining("--url");
    assertThatThrownBy(() -> new Targets(List.of(A), Spread.SENDERS_FIRST))
        .hasMessageContaining("--spread=senders-first");
  }

  @Test
  void theSpreadIsSpelledAsTheOptionTakesIt() {
    assertThat(Spread.ofOption("senders-first")).isEqualTo(Spread.SENDERS_FIRST);
    assertThat(Spread.ROUND_ROBIN.optionValue()).isEqualTo("round-robin");
    assertThatThrownBy(() -> Spread.ofOption("random")).hasMessageContaining("--spread");
  }
}
