package io.chatterlink.core.contract;

import io.chatterlink.core.port.out.AttachmentStore;
import io.chatterlink.core.port.out.MessageStore;
import io.chatterlink.core.port.out.RoomStore;
import io.chatterlink.core.port.out.SessionStore;
import io.chatterlink.core.port.out.UserStore;
import java.util.Objects;

/**
 * The five stores of one storage adapter, all over the same fresh, empty database: what a storage
 * contract test asks its subclass for.
 */
public record StoragePorts(
    UserStore users,
    RoomStore rooms,
    MessageStore messages,
    AttachmentStore attachments,
    SessionStore sessions) {
  /** Requires every store. */
  public StoragePorts {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(rooms, "rooms");
    Objects.requireNonNull(messages, "messages");
    Objects.requireNonNull(attachments, "attachments");
    Objects.requireNonNull(sessions, "sessions");
  }
}
