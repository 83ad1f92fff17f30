package io.chatterlink.core.port.out;

import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import java.util.Set;

/**
 * Pushes events to connected clients. The core decides who may receive an event; the adapter sends
 * it to every open connection of exactly those users (each of a user's connections, once) and to
 * nobody else. Events reach a connection in the order they were delivered (calls made one after
 * another from one thread arrive in that order); an adapter may send a room's log entries ({@link
 * io.chatterlink.core.event.SequencedEvent}) only to the connections that asked for that room, as
 * long as those get all of them in order. Must not block on a slow client: a call returns once the
 * event is queued. Thread-safe. {@code DeliveryContract} in the test kit asserts all of this.
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

  /**
   * A delivery for a process that holds no client connections: a command-line tool, a batch job, a
   * service that only stores and reads messages, a test that does not look at events. Every event
   * reaches nobody and closing sessions does nothing, which loses nothing: clients connected to a
   * server elsewhere catch up through resync, and ended sessions are gone from the {@link
   * SessionStore}, so that server refuses them at their next authentication or {@link
   * #recheckSessions()}.
   *
   * @return a thread-safe delivery that does nothing; every call returns an equivalent one
   */
  static Delivery none() {
    return new Delivery() {
      @Override
      public void deliver(ChatEvent event, Set<UserId> recipients) {
        // No connection exists in this process: see none().
      }

      @Override
      public void closeSessions(Set<SessionId> sessions) {
        // No connection exists in this process, and the sessions themselves are already ended.
      }

      @Override
      public String toString() {
        return "Delivery.none()";
      }
    };
  }
}
