package io.chatterlink.core;

import io.chatterlink.core.model.UserId;
import java.util.Set;

/**
 * Who has at least one connection open, as presence tracking knows it: the audience of events meant
 * for everyone online (a new public room), rather than for the members of one room.
 */
interface ConnectedUsers {
  Set<UserId> connectedUsers();
}
