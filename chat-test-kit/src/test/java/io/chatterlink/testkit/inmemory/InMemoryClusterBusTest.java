package io.chatterlink.testkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.model.NodeId;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.port.out.ClusterBus;
import io.chatterlink.core.port.out.ClusterSignal.RoomAdvanced;
import io.chatterlink.testkit.contract.ClusterBusContract;
import io.chatterlink.testkit.contract.SignalCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryClusterBusTest extends ClusterBusContract {
  @Override
  protected List<ClusterBus> newNodes(int count) {
    InMemoryClusterBus first = new InMemoryClusterBus(new NodeId("node-1"));
    List<ClusterBus> nodes = new ArrayList<>(List.of(first));
    for (int i = 2; i <= count; i++) {
      nodes.add(first.joining(new NodeId("node-" + i)));
    }
    return nodes;
  }

  @Test
  void aSecondNodeWithTheSameIdIsRefused() {
    try (InMemoryClusterBus bus = new InMemoryClusterBus(new NodeId("n1"))) {
      assertThatThrownBy(() -> bus.joining(new NodeId("n1")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("n1");
    }
  }

  @Test
  void aNodeFallingMoreThanTheQueueBehindLosesSignalsAndIsToldOfTheGap() throws Exception {
    try (InMemoryClusterBus bus = new InMemoryClusterBus(new NodeId("n1"))) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch blocked = new CountDownLatch(1);
      SignalCollector collector = new SignalCollector();
      bus.subscribe(
          new ClusterBus.Listener() {
            @Override
            public void onSignal(ClusterBus.Received received) {
              collector.onSignal(received);
              blocked.countDown();
              await(release);
            }

            @Override
            public void onGap() {
              collector.onGap();
            }
          });
      bus.publish(advanced(1));
      assertThat(blocked.await(20, TimeUnit.SECONDS)).isTrue();

      int queued = InMemoryClusterBus.QUEUE_CAPACITY;
      for (int seq = 2; seq <= queued + 2; seq++) {
        bus.publish(new RoomAdvanced(new RoomId("room"), seq));
      }
      release.countDown();

      collector.awaitAtLeast(1 + queued);
      assertThat(collector.gaps()).isEqualTo(1);
      assertThat(collector.received()).hasSize(1 + queued);
      assertThat(collector.received().get(queued).signal()).isEqualTo(advanced(1 + queued));
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
