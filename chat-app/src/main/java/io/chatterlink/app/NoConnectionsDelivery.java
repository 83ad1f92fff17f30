package io.chatterlink.app;

import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.Delivery;
import java.util.Set;

/**
 * Delivery for the offline commands: a CLI process holds no client connections, so an event has
 * nobody to reach here. Clients of a server running at the same time catch up through resync, and
 * revoked sessions are gone from the database, so that server refuses them at the next
 * authentication.
 */
final class NoConnectionsDelivery implements Delivery {
  @Override
  public void deliver(ChatEvent event, Set<UserId> recipients) {
    // No connection exists in this process; see the class comment.
  }

  @Override
  public void closeSessions(Set<SessionId> sessions) {
    // No connection exists in this process; the sessions themselves are already deleted.
  }
}
