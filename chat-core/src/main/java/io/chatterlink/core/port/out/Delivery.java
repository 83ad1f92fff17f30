package io.chatterlink.core.port.out;

import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import java.util.Set;

/**
 * Pushes events to connected clients. The core decides who may receive an event; the adapter sends
 * it to every open connection of exactly those users and to nobody else. Must not block on a slow
 * client: a call returns once the event is queued.
 */
public interface Delivery {
  /** Sends {@code event} to every connection of every user in {@code recipients}. */
  void deliver(ChatEvent event, Set<UserId> recipients);

  /** Closes every connection opened under one of these sessions (logout, password change). */
  void closeSessions(Set<SessionId> sessions);

  /**
   * Sessions may have ended in another process (a logout on another node, an administrator's
   * password reset): check the sessions of the open connections against the store soon and close
   * those that ended. Returns at once. Does nothing by default, for adapters that hold no
   * long-lived connections.
   */
  default void recheckSessions() {}
}
