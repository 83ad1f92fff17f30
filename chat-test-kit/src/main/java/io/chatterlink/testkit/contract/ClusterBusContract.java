package io.chatterlink.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.model.PresenceStatus;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.ClusterBus;
import io.chatterlink.core.port.out.ClusterSignal;
import io.chatterlink.core.port.out.ClusterSignal.MembershipChanged;
import io.chatterlink.core.port.out.ClusterSignal.PresenceOnNode;
import io.chatterlink.core.port.out.ClusterSignal.RoomAdvanced;
import io.chatterlink.core.port.out.ClusterSignal.SessionsRevoked;
import io.chatterlink.core.port.out.ClusterSignal.Typing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ClusterBus} does, checked with two nodes of one fresh cluster: who receives
 * each signal, how often, in which order, with which sender, and that nothing arrives after a
 * subscription closes. Adapters implement {@link #newNodes(int)}.
 */
public abstract class ClusterBusContract {
  /** Creates the contract; a subclass supplies the adapter under test. */
  protected ClusterBusContract() {}

  private final List<ClusterBus> opened = new ArrayList<>();

  /**
   * Buses for {@code count} nodes with distinct ids on one fresh cluster, each connected and ready
   * to deliver to subscriptions made after this returns. The contract closes them after each test.
   *
   * @param count how many nodes
   * @return one connected bus per node
   */
  protected abstract List<ClusterBus> newNodes(int count);

  /**
   * Two nodes, closed after the test.
   *
   * @return the buses of two nodes of one cluster
   */
  protected final List<ClusterBus> twoNodes() {
    List<ClusterBus> nodes = newNodes(2);
    opened.addAll(nodes);
    assertThat(nodes.get(0).node()).isNotEqualTo(nodes.get(1).node());
    return nodes;
  }

  @AfterEach
  final void closeNodes() {
    opened.forEach(ClusterBus::close);
  }

  @Test
  void everySubscriberOnEveryNodeGetsEachSignalOnceWithTheSendersNodeId() {
    List<ClusterBus> nodes = twoNodes();
    ClusterBus a = nodes.get(0);
    ClusterBus b = nodes.get(1);
    SignalCollector a1 = new SignalCollector();
    SignalCollector a2 = new SignalCollector();
    SignalCollector b1 = new SignalCollector();
    a.subscribe(a1);
    a.subscribe(a2);
    b.subscribe(b1);

    a.publish(advanced(1));
    a.publish(advanced(2));
    b.publish(new SessionsRevoked());
    fence(nodes, List.of(a1, a2, b1));

    for (SignalCollector collector : List.of(a1, a2, b1)) {
      assertThat(collector.from(a.node())).containsExactly(advanced(1), advanced(2), fence(a));
      assertThat(collector.from(b.node())).containsExactly(new SessionsRevoked(), fence(b));
      assertThat(collector.threads()).doesNotContain(Thread.currentThread());
    }
  }

  @Test
  void signalsFromEachPublisherArriveInTheOrderItPublishedThem() {
    List<ClusterBus> nodes = twoNodes();
    SignalCollector onA = new SignalCollector();
    SignalCollector onB = new SignalCollector();
    nodes.get(0).subscribe(onA);
    nodes.get(1).subscribe(onB);
    int perNode = 300;

    Concurrently.run(
        2,
        n -> {
          for (int seq = 1; seq <= perNode; seq++) {
            nodes.get(n).publish(advanced(seq));
          }
          return n;
        });
    fence(nodes, List.of(onA, onB));

    List<ClusterSignal> expected =
        IntStream.rangeClosed(1, perNode)
            .mapToObj(ClusterBusContract::advanced)
            .collect(Collectors.toList());
    for (SignalCollector collector : List.of(onA, onB)) {
      for (ClusterBus sender : nodes) {
        List<ClusterSignal> fromSender = collector.from(sender.node());
        assertThat(fromSender.subList(0, perNode)).isEqualTo(expected);
        assertThat(fromSender).hasSize(perNode + 1);
      }
    }
  }

  @Test
  void aClosedSubscriptionGetsNothingMore() {
    List<ClusterBus> nodes = twoNodes();
    SignalCollector closing = new SignalCollector();
    SignalCollector staying = new SignalCollector();
    ClusterBus.Subscription subscription = nodes.get(1).subscribe(closing);
    nodes.get(1).subscribe(staying);
    nodes.get(0).publish(advanced(1));
    closing.awaitAtLeast(1);

    subscription.close();
    subscription.close();
    nodes.get(0).publish(advanced(2));
    fence(nodes, List.of(staying));

    assertThat(closing.from(nodes.get(0).node())).containsExactly(advanced(1));
    assertThat(staying.from(nodes.get(0).node())).contains(advanced(2));
  }

  @Test
  void everyKindOfSignalArrivesEqualToWhatWasPublished() {
    List<ClusterBus> nodes = twoNodes();
    SignalCollector onB = new SignalCollector();
    nodes.get(1).subscribe(onB);
    List<ClusterSignal> samples = everyKindOfSignal();
    assertThat(samples.stream().map(Object::getClass).collect(Collectors.toSet()))
        .as("the samples cover every kind of signal")
        .isEqualTo(Set.of(ClusterSignal.class.getPermittedSubclasses()));

    samples.forEach(nodes.get(0)::publish);
    onB.awaitAtLeast(samples.size());

    assertThat(onB.from(nodes.get(0).node())).isEqualTo(samples);
  }

  @Test
  void aListenerThatThrowsStillGetsLaterSignalsAndOthersGetThemToo() {
    List<ClusterBus> nodes = twoNodes();
    SignalCollector recorded = new SignalCollector();
    nodes
        .get(1)
        .subscribe(
            received -> {
              recorded.onSignal(received);
              throw new IllegalStateException("listener failure for the test");
            });
    SignalCollector other = new SignalCollector();
    nodes.get(1).subscribe(other);

    nodes.get(0).publish(advanced(1));
    nodes.get(0).publish(advanced(2));

    recorded.awaitAtLeast(2);
    other.awaitAtLeast(2);
    assertThat(recorded.from(nodes.get(0).node())).containsExactly(advanced(1), advanced(2));
  }

  @Test
  void anOpenBusReportsItselfConnectedAndAClosedOneRefusesToPublish() {
    List<ClusterBus> nodes = twoNodes();
    ClusterBus a = nodes.get(0);
    assertThat(a.health().connected()).isTrue();

    a.close();
    assertThatCode(a::close).doesNotThrowAnyException();

    assertThatThrownBy(() -> a.publish(advanced(1))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> a.subscribe(new SignalCollector()))
        .isInstanceOf(IllegalStateException.class);
  }

  /**
   * Signals of every kind, with the extreme values each field allows.
   *
   * @return at least one signal of each kind
   */
  protected static List<ClusterSignal> everyKindOfSignal() {
    String longest = "x".repeat(63) + "Z";
    List<ClusterSignal> signals = new ArrayList<>();
    signals.add(new RoomAdvanced(new RoomId("r"), 1));
    signals.add(new RoomAdvanced(new RoomId(longest), Long.MAX_VALUE));
    for (MembershipChanged.Change change : MembershipChanged.Change.values()) {
      signals.add(
          new MembershipChanged(
              new RoomId(longest),
              new UserId(longest),
              change,
              change == MembershipChanged.Change.REMOVED
                  ? Optional.of(new UserId(longest))
                  : Optional.empty()));
    }
    signals.add(new SessionsRevoked());
    signals.add(new ClusterSignal.RoomRenamed(new RoomId("room-1.a_b")));
    signals.add(new ClusterSignal.PublicRoomOpened(new RoomId(longest)));
    signals.add(new ClusterSignal.ReadMarkerMoved(new RoomId(longest), new UserId(longest), 0));
    signals.add(new ClusterSignal.NodeAlive(Long.MAX_VALUE));
    signals.add(new ClusterSignal.PresenceWanted());
    for (PresenceStatus status : PresenceStatus.values()) {
      signals.add(new PresenceOnNode(new UserId("alice"), status));
    }
    signals.add(new Typing(new RoomId("general"), new UserId("bob"), true));
    signals.add(new Typing(new RoomId("general"), new UserId("bob"), false));
    return signals;
  }

  /**
   * A signal numbered {@code seq}, easy to tell apart.
   *
   * @param seq the number it carries
   * @return a room-advanced signal of one room
   */
  protected static ClusterSignal advanced(long seq) {
    return new RoomAdvanced(new RoomId("room"), seq);
  }

  /**
   * Each node publishes its fence signal and every collector waits for all of them: since one
   * publisher's signals arrive in order, whatever a node published before has arrived too.
   *
   * @param nodes the nodes that publish a fence each
   * @param collectors the listeners that must receive every fence
   */
  protected static void fence(List<ClusterBus> nodes, List<SignalCollector> collectors) {
    nodes.forEach(node -> node.publish(fence(node)));
    for (SignalCollector collector : collectors) {
      for (ClusterBus node : nodes) {
        collector.awaitSignal(node.node(), fence(node));
      }
    }
  }

  private static ClusterSignal fence(ClusterBus node) {
    return new ClusterSignal.RoomRenamed(new RoomId("fence-" + node.node().value()));
  }
}
