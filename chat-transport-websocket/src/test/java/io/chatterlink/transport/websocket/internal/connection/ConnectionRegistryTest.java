package io.chatterlink.transport.websocket.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.event.TypingChanged;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.transport.websocket.RecordingMetrics;
import io.chatterlink.transport.websocket.Revocation;
import io.chatterlink.transport.websocket.TransportSettings;
import io.chatterlink.transport.websocket.internal.protocol.ServerFrames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fan-out: who gets an event, and what it costs. */
class ConnectionRegistryTest {
  private static final Executor NEVER =
      task -> {
        throw new AssertionError("an unstarted connection sends nothing");
      };

  private final AtomicInteger encodings = new AtomicInteger();
  private final ConnectionRegistry registry =
      new ConnectionRegistry(
          event -> {
            encodings.incrementAndGet();
            return ServerFrames.push(event);
          });
  private final List<Connection> gone = new ArrayList<>();
  private final RecordingMetrics metrics = new RecordingMetrics();
  private final List<Runnable> closes = new ArrayList<>();

  private Connection connect(String user) {
    // Never started, so the socket is never touched: the queue alone is under test.
    Connection c =
        new Connection(
            "c" + registry.all().size(),
            new UserId(user),
            new Revocation.ChatSession(new SessionId("0".repeat(64))),
            null,
            null,
            null,
            NEVER,
            closes::add,
            TransportSettings.defaults(),
            metrics,
            gone::add);
    registry.add(c);
    return c;
  }

  @Test
  void anEventForManyRecipientsIsSerialisedOnce() {
    for (int i = 0; i < 50; i++) {
      connect("u" + i);
      connect("u" + i); // a second tab
    }
    Set<UserId> everyone = new java.util.HashSet<>();
    for (int i = 0; i < 50; i++) {
      everyone.add(new UserId("u" + i));
    }
    ChatEvent event = new TypingChanged(new RoomId("r"), new UserId("u0"), true);

    registry.deliver(event, everyone);

    assertThat(encodings.get()).isEqualTo(1);
  }

  @Test
  void anEventWithNoConnectedRecipientIsNotSerialisedAtAll() {
    connect("online");

    registry.deliver(
        new TypingChanged(new RoomId("r"), new UserId("x"), true), Set.of(new UserId("offline")));

    assertThat(encodings.get()).isZero();
  }

  @Test
  void aConnectionWhoseQueueOverflowsIsDroppedWithoutBlockingTheCaller() {
    Connection slow = connect("slow");
    ChatEvent event = new TypingChanged(new RoomId("r"), new UserId("x"), true);

    for (int i = 0; i <= TransportSettings.defaults().outboundQueueFrames(); i++) {
      registry.deliver(event, Set.of(new UserId("slow")));
    }

    assertThat(gone).containsExactly(slow);
    assertThat(slow.isGone()).isTrue();
    assertThat(closes).as("one close of the socket, handed off to the closer").hasSize(1);
    assertThat(metrics.slowConsumersDropped).hasValue(1);
  }

  @Test
  void eventsOfferedAfterAnOverflowCountTheDropOnlyOnce() {
    connect("slow");
    ChatEvent event = new TypingChanged(new RoomId("r"), new UserId("x"), true);

    for (int i = 0; i <= TransportSettings.defaults().outboundQueueFrames() + 10; i++) {
      registry.deliver(event, Set.of(new UserId("slow")));
    }

    assertThat(metrics.slowConsumersDropped).hasValue(1);
  }
}
