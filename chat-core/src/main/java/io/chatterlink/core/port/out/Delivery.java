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
  /**
   * Sends an event to every open connection of the given users, and to no other connection. Users
   * without a connection in this process are skipped; this is not an error.
   *
   * @param event what happened, encoded by the adapter for its clients
   * @param recipients the users the core chose as allowed to see it; may be empty
   */
  void deliver(ChatEvent event, Set<UserId> recipients);

  /**
   * Closes every connection opened under one of these sessions (logout, password change), so that
   * an ended session receives nothing more.
   *
   * @param sessions the sessions that ended; sessions without a connection here are skipped
   */
  void closeSessions(Set<SessionId> sessions);

  /**
   * Sessions may have ended in another process (a logout on another node, an administrator's
   * password reset): check the sessions of the open connections against the store soon and close
   * those that ended. Returns at once. Does nothing by default, for adapters that hold no
   * long-lived connections.
   */
  default void recheckSessions() {}
}
