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
import java.util.function.Function;

/**
 * The open connections, by user (one per browser tab), and the {@link Delivery} the core pushes
 * events through. An event is serialised once, then queued on each recipient connection; nothing
 * here waits for a socket.
 */
public final class ConnectionRegistry implements Delivery {
  private final Map<UserId, Set<Connection>> byUser = new ConcurrentHashMap<>();
  private final Function<ChatEvent, OutboundFrame> encoder;
  private volatile Runnable recheck = () -> {};

  public ConnectionRegistry() {
    this(ServerFrames::push);
  }

  public ConnectionRegistry(Function<ChatEvent, OutboundFrame> encoder) {
    this.encoder = encoder;
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

  @Override
  public void deliver(ChatEvent event, Set<UserId> recipients) {
    OutboundFrame frame = null;
    for (UserId recipient : recipients) {
      Set<Connection> connections = byUser.get(recipient);
      if (connections == null) {
        continue;
      }
      if (frame == null) {
        frame = encoder.apply(event);
      }
      for (Connection connection : connections) {
        connection.push(frame);
      }
    }
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
