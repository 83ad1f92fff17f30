package io.chatterlink.core;

import io.chatterlink.core.model.NodeId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.ClusterBus;
import io.chatterlink.core.port.out.ClusterSignal;
import io.chatterlink.core.port.out.ClusterSignal.MembershipChanged;
import io.chatterlink.core.port.out.ClusterSignal.NodeAlive;
import io.chatterlink.core.port.out.ClusterSignal.PresenceOnNode;
import io.chatterlink.core.port.out.ClusterSignal.PresenceWanted;
import io.chatterlink.core.port.out.ClusterSignal.PublicRoomOpened;
import io.chatterlink.core.port.out.ClusterSignal.ReadMarkerMoved;
import io.chatterlink.core.port.out.ClusterSignal.RoomAdvanced;
import io.chatterlink.core.port.out.ClusterSignal.RoomRenamed;
import io.chatterlink.core.port.out.ClusterSignal.SessionsRevoked;
import io.chatterlink.core.port.out.ClusterSignal.Typing;
import io.chatterlink.core.port.out.Delivery;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This node's part in a cluster: receives the other nodes' signals and acts on them on one thread
 * of its own (in the order received, never on the bus's thread), sends a heartbeat, and forgets the
 * presence of nodes gone silent. Exists only when {@link ChatCore.Builder#cluster} was given a bus;
 * {@link ChatCore#close()} stops it.
 */
final class ClusterNode implements AutoCloseable {
  /**
   * How often a node says it is alive and checks the others ({@code heartbeat}), and after how long
   * without a word a node is taken for dead and its users go offline ({@code lease}).
   */
  record Timings(Duration heartbeat, Duration lease) {
    /** Every 2 s; dead after 10 s, that is, after four or five missed heartbeats. */
    static final Timings DEFAULT = new Timings(Duration.ofSeconds(2), Duration.ofSeconds(10));
  }

  /** Rooms with an entry this recent are compared with the log at every heartbeat. */
  static final Duration RECHECK_WINDOW = Duration.ofMinutes(1);

  private static final System.Logger LOG = System.getLogger("io.chatterlink.core.cluster");

  private final ClusterBus bus;
  private final ScheduledExecutorService thread;
  private final RoomFills fills;
  private final ClusterEvents events;
  private final PresenceService presence;
  private final RemotePresence remote;
  private final Delivery local;
  private final AtomicLong lagMillis = new AtomicLong(-1);
  private final ClusterBus.Subscription subscription;
  private final Timings timings;

  ClusterNode(
      Timings timings,
      ClusterBus bus,
      ScheduledExecutorService thread,
      RoomFills fills,
      ClusterEvents events,
      PresenceService presence,
      RemotePresence remote,
      Delivery local) {
    this.timings = timings;
    this.bus = bus;
    this.thread = thread;
    this.fills = fills;
    this.events = events;
    this.presence = presence;
    this.remote = remote;
    this.local = local;
    this.subscription = bus.subscribe(new Receiver());
    bus.publish(new PresenceWanted());
    long period = timings.heartbeat().toMillis();
    thread.scheduleWithFixedDelay(this::beat, 0, period, TimeUnit.MILLISECONDS);
  }

  /** The one thread a node's cluster work runs on. */
  static ScheduledExecutorService newThread(NodeId node) {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread t = new Thread(task, "chatterlink-cluster-" + node.value());
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  ClusterStatus status() {
    ClusterBus.Health health = bus.health();
    long lag = lagMillis.get();
    return new ClusterStatus(
        bus.node(),
        health.connected(),
        health.reconnects(),
        lag < 0 ? OptionalLong.empty() : OptionalLong.of(lag),
        remote.liveNodes() + 1,
        fills.reads());
  }

  private void beat() {
    safely(
        () -> {
          bus.publish(new NodeAlive(System.currentTimeMillis()));
          Set<UserId> orphaned =
              remote.forgetSilentNodes(System.nanoTime() - timings.lease().toNanos());
          if (!orphaned.isEmpty()) {
            presence.remoteChanged(orphaned);
          }
          fills.recheck(RECHECK_WINDOW);
        });
  }

  private void onSignal(ClusterBus.Received received) {
    NodeId sender = received.sender();
    boolean own = received.isFrom(bus.node());
    ClusterSignal signal = received.signal();
    if (own) {
      if (signal instanceof NodeAlive alive) {
        lagMillis.set(Math.max(0, System.currentTimeMillis() - alive.sentAtMillis()));
      } else if (signal instanceof PresenceWanted) {
        presence.republish();
      }
      return; // this node acted on everything else when it published it
    }
    remote.heard(sender, System.nanoTime());
    if (signal instanceof RoomAdvanced s) {
      fills.advanced(s.room(), s.seq());
    } else if (signal instanceof MembershipChanged s) {
      events.membershipChanged(s);
    } else if (signal instanceof RoomRenamed s) {
      events.renamed(s);
    } else if (signal instanceof PublicRoomOpened s) {
      events.publicRoomOpened(s);
    } else if (signal instanceof ReadMarkerMoved s) {
      events.readMarkerMoved(s);
    } else if (signal instanceof Typing s) {
      events.typing(s);
    } else if (signal instanceof SessionsRevoked) {
      local.recheckSessions();
    } else if (signal instanceof PresenceOnNode s) {
      remote.update(sender, s.user(), s.status(), System.nanoTime());
      presence.remoteChanged(Set.of(s.user()));
    } else if (signal instanceof PresenceWanted) {
      wantedBy(sender);
    }
  }

  /**
   * The sender restarted or lost signals: everyone (this node too) says again who is connected, and
   * after a heartbeat what the sender said before and did not repeat is forgotten.
   */
  private void wantedBy(NodeId sender) {
    presence.republish();
    long asked = System.nanoTime();
    thread.schedule(
        () -> safely(() -> presence.remoteChanged(remote.forgetUnrepeated(sender, asked))),
        timings.heartbeat().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Signals were lost: re-read everything they could have pointed at. */
  private void onGap() {
    fills.activeRooms(RECHECK_WINDOW).forEach(events::forgetMembers);
    fills.recheck(RECHECK_WINDOW);
    bus.publish(new PresenceWanted());
  }

  private static void safely(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      // The database or the bus failed for a moment: the next signal or heartbeat tries again.
      LOG.log(System.Logger.Level.WARNING, "cluster work failed: " + e, e);
    }
  }

  @Override
  public void close() {
    subscription.close();
    thread.shutdownNow();
  }

  /** Hands every call from the bus's thread to this node's own thread, in order. */
  private final class Receiver implements ClusterBus.Listener {
    @Override
    public void onSignal(ClusterBus.Received received) {
      submit(() -> ClusterNode.this.onSignal(received));
    }

    @Override
    public void onGap() {
      submit(ClusterNode.this::onGap);
    }

    private void submit(Runnable work) {
      try {
        thread.execute(() -> safely(work));
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        // closed meanwhile: nothing more to do
      }
    }
  }
}
