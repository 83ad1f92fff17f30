package io.chatterlink.core;

import io.chatterlink.core.model.NodeId;
import io.chatterlink.core.model.PresenceStatus;
import io.chatterlink.core.model.UserId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the other nodes of a cluster said about their users' presence, and when each node was last
 * heard from. A user is online if online on any live node; a node not heard from for the lease is
 * taken for dead and its users' presence on it is forgotten. Empty on a single node. Written on the
 * cluster thread, read by any thread.
 */
final class RemotePresence {
  /** One other node: when it was last heard from, and its users' presence on it. */
  private static final class NodeState {
    volatile long lastHeardNanos;
    final Map<UserId, Long> updatedNanos = new ConcurrentHashMap<>();
    final Map<UserId, PresenceStatus> users = new ConcurrentHashMap<>();
  }

  private final Map<NodeId, NodeState> nodes = new ConcurrentHashMap<>();

  /** Notes that {@code node} is alive now. */
  void heard(NodeId node, long nowNanos) {
    nodes.computeIfAbsent(node, n -> new NodeState()).lastHeardNanos = nowNanos;
  }

  /** The user's presence on {@code node}; OFFLINE forgets it. */
  void update(NodeId node, UserId user, PresenceStatus status, long nowNanos) {
    NodeState state = nodes.computeIfAbsent(node, n -> new NodeState());
    state.lastHeardNanos = nowNanos;
    if (status == PresenceStatus.OFFLINE) {
      state.users.remove(user);
      state.updatedNanos.remove(user);
    } else {
      state.users.put(user, status);
      state.updatedNanos.put(user, nowNanos);
    }
  }

  /** The user's best presence over the other nodes: ONLINE over AWAY over OFFLINE. */
  PresenceStatus best(UserId user) {
    PresenceStatus best = PresenceStatus.OFFLINE;
    for (NodeState state : nodes.values()) {
      best = better(best, state.users.getOrDefault(user, PresenceStatus.OFFLINE));
    }
    return best;
  }

  static PresenceStatus better(PresenceStatus a, PresenceStatus b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(PresenceStatus status) {
    return switch (status) {
      case ONLINE -> 2;
      case AWAY -> 1;
      case OFFLINE -> 0;
    };
  }

  /** Forgets the nodes not heard from since {@code deadlineNanos}; returns their users. */
  Set<UserId> forgetSilentNodes(long deadlineNanos) {
    Set<UserId> affected = new HashSet<>();
    nodes.forEach(
        (node, state) -> {
          if (state.lastHeardNanos - deadlineNanos < 0 && nodes.remove(node, state)) {
            affected.addAll(state.users.keySet());
          }
        });
    return affected;
  }

  /**
   * Forgets what {@code node} said before {@code sinceNanos} and did not repeat since: after the
   * node asked everyone to say again who is online, what it does not repeat is gone.
   */
  Set<UserId> forgetUnrepeated(NodeId node, long sinceNanos) {
    NodeState state = nodes.get(node);
    Set<UserId> affected = new HashSet<>();
    if (state == null) {
      return affected;
    }
    state.updatedNanos.forEach(
        (user, updated) -> {
          if (updated - sinceNanos < 0 && state.updatedNanos.remove(user, updated)) {
            state.users.remove(user);
            affected.add(user);
          }
        });
    return affected;
  }

  /** The nodes heard from (this one not counted). */
  int liveNodes() {
    return nodes.size();
  }
}
