package io.chatterlink.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {
  static BenchSettings settings(int clients, int senders, int rooms, Mode mode) {
    return settings(Targets.one(URI.create("http://127.0.0.1:1")), clients, senders, rooms, mode);
  }

  static BenchSettings settings(Targets targets, int clients, int senders, int rooms, Mode mode) {
    return new BenchSettings(
        targets,
        clients,
        senders,
        rooms,
        Math.min(clients, 20),
        mode,
        1,
        10,
        Duration.ZERO,
        Duration.ofSeconds(1),
        Duration.ZERO,
        100,
        0,
        10,
        OptionalLong.empty(),
        "t");
  }

  @Test
  void theMembersOfAllRoomsAddUpToTheClients() {
    BenchSettings s = settings(1003, 5, 10, Mode.CLOSED);

    assertThat(IntStream.range(0, 10).map(s::membersOf).sum()).isEqualTo(1003);
    assertThat(IntStream.range(0, 1003).filter(i -> s.roomOf(i) == 0).count())
        .isEqualTo(s.membersOf(0));
  }

  @Test
  void oneTargetTakesEveryClient() {
    BenchSettings s = settings(7, 3, 2, Mode.CLOSED);

    assertThat(IntStream.range(0, 7).map(s::targetOf)).containsOnly(0);
    assertThat(s.clientsOn(0)).isEqualTo(7);
    assertThat(s.sendersOn(0)).isEqualTo(3);
  }

  @Test
  void idleRunsHaveNoSenders() {
    assertThat(settings(10, 5, 1, Mode.IDLE).senders()).isZero();
  }

  @Test
  void valuesOutOfRangeAreRejectedByName() {
    assertThatThrownBy(() -> settings(0, 0, 1, Mode.CLOSED)).hasMessageContaining("--clients");
    assertThatThrownBy(() -> settings(BenchSettings.MAX_CLIENTS + 1, 0, 1, Mode.CLOSED))
        .hasMessageContaining("--clients");
    assertThatThrownBy(() -> settings(10, 11, 1, Mode.CLOSED)).hasMessageContaining("--senders");
    assertThatThrownBy(() -> settings(10, 1, 11, Mode.CLOSED)).hasMessageContaining("--rooms");
    assertThatThrownBy(
            () ->
                new BenchSettings(
                    Targets.one(URI.create("ftp://x")),
                    1,
                    1,
                    1,
                    1,
                    Mode.OPEN,
                    1,
                    1,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    Duration.ZERO,
                    100,
                    0,
                    1,
                    OptionalLong.empty(),
                    "t"))
        .hasMessageContaining("--url");
    assertThatThrownBy(
            () ->
                new BenchSettings(
                    Targets.one(URI.create("http://x")),
                    1,
                    1,
                    1,
                    1,
                    Mode.OPEN,
                    1,
                    0,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    Duration.ZERO,
                    100,
                    0,
                    1,
                    OptionalLong.empty(),
                    "t"))
        .hasMessageContaining("--rate");
    assertThatThrownBy(
            () ->
                new BenchSettings(
                    Targets.one(URI.create("http://x")),
                    1,
                    1,
                    1,
                    1,
                    Mode.OPEN,
                    1,
                    1,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    Duration.ZERO,
                    BenchSettings.MIN_MESSAGE_BYTES - 1,
                    0,
                    1,
                    OptionalLong.empty(),
                    "t"))
        .hasMessageContaining("--size");
    assertThatThrownBy(
            () ->
                new BenchSettings(
                    Targets.one(URI.create("http://x")),
                    1,
                    1,
                    1,
                    1,
                    Mode.OPEN,
                    1,
                    1,
                    Duration.ZERO,
                    Duration.ZERO,
                    Duration.ZERO,
                    100,
                    0,
                    1,
                    OptionalLong.empty(),
                    "t"))
        .hasMessageContaining("--duration");
    assertThatThrownBy(
            () ->
                new BenchSettings(
                    Targets.one(URI.create("http://x")),
                    1,
                    1,
                    1,
                    1,
                    Mode.OPEN,
                    1,
                    1,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    Duration.ZERO,
                    100,
                    BenchSettings.MAX_HISTORY + 1,
                    1,
                    OptionalLong.empty(),
                    "t"))
        .hasMessageContaining("--history");
  }
}
