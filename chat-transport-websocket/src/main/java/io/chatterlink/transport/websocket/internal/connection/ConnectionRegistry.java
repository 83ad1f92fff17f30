package io.chatterlink.transport.websocket.internal.connection;

import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.transport.websocket.Revocation;
import io.chatterlink.transport.websocket.internal.protocol.CloseCodes;
import io.chatterlink.transport.websocket.internal.protocol.OutboundFrame;
import io.chatterlink.transport.websocket.internal.protocol.ServerFrames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The open connections, by user (one per browser tab), and the {@link Delivery} the core pushes
 * events through. An event is serialised once, then queued on each recipient connection; nothing
 * here waits for a socket.
 */
public final class ConnectionRegistry implements Delivery {
  private final Map<UserId, Set<Connection>> byUser = new ConcurrentHashMap<>();
  private final Function<ChatEvent, OutboundFrame> encoder;
  private final FanOutPumps pumps;
  private volatile Runnable recheck = () -> {};

  /** Pumps the recipients of an event in at most {@code threads} tasks on {@code outbound}. */
  public ConnectionRegistry(Executor outbound, int threads) {
    this(ServerFrames::push, outbound, threads);
  }

  public ConnectionRegistry(
      Function<ChatEvent, OutboundFrame> encoder, Executor outbound, int threads) {
    this.encoder = encoder;
    this.pumps = new FanOutPumps(outbound, threads);
  }

  public void add(Connection connection) {
    byUser.computeIfAbsent(connection.user(), u -> ConcurrentHashMap.newKeySet()).add(connection);
  }

  public void remove(Connection connection) {
    byUser.computeIfPresent(
        connection.user(),
        (user, set) -> {
          set.remove(connection);
          return set.isEmpty() ? null : set;
        });
  }

  /**
   * Queues the event on every recipient's connections, then hands the connections whose pumps were
   * idle to the outbound threads in a few batches: at low rates one task (a thread wake-up) per
   * recipient per message was the largest fixed cost of a fan-out.
   */
  @Override
  public void deliver(ChatEvent event, Set<UserId> recipients) {
    OutboundFrame frame = null;
    List<Connection> toPump = List.of();
    for (UserId recipient : recipients) {
      Set<Connection> connections = byUser.get(recipient);
      if (connections == null) {
        continue;
      }
      if (frame == null) {
        frame = encoder.apply(event);
      }
      for (Connection connection : connections) {
        if (connection.pushAndClaimPump(frame)) {
          if (toPump.isEmpty()) {
            toPump = new ArrayList<>(Math.min(recipients.size(), 256));
          }
          toPump.add(connection);
        }
      }
    }
    pumps.run(toPump);
  }

  @Override
  public void closeSessions(Set<SessionId> sessions) {
    for (Connection connection : all()) {
      if (connection.revocation() instanceof Revocation.ChatSession
          && sessions.contains(((Revocation.ChatSession) connection.revocation()).session())) {
        connection.closeNow(CloseCodes.SESSION_ENDED);
      }
    }
  }

  /**
   * Closes (4401) the connections authenticated by an embedder's grant that ended: one of {@code
   * grantIds}, or expired at or before {@code now}.
   */
  public void closeGrants(Set<String> grantIds, java.time.Instant now) {
    for (Connection connection : all()) {
      if (connection.revocation() instanceof Revocation.Grant) {
        Revocation.Grant grant = (Revocation.Grant) connection.revocation();
        if (grantIds.contains(grant.id())
            || grant.expiresAt().map(at -> !at.isAfter(now)).orElse(false)) {
          connection.closeNow(CloseCodes.SESSION_ENDED);
        }
      }
    }
  }

  /** What {@link #recheckSessions} runs: the session sweep, once the transport has one. */
  public void onRecheck(Runnable sweep) {
    this.recheck = sweep;
  }

  @Override
  public void recheckSessions() {
    recheck.run();
  }

  /** A snapshot of every open connection. */
  public List<Connection> all() {
    List<Connection> all = new ArrayList<>();
    byUser.values().forEach(all::addAll);
    return all;
  }

  public int connectionsOf(UserId user) {
    Set<Connection> connections = byUser.get(user);
    return connections == null ? 0 : connections.size();
  }
}
