package io.chatterlink.transport.websocket.internal.protocol;

import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.PresenceStatus;
import io.chatterlink.core.model.RoomId;
import java.util.List;
import java.util.Optional;

/**
 * A client request of {@code docs/protocol.md} section 4, decoded once from its frame by {@link
 * RequestDecoder}: one record per request type, its fields already typed and validated as far as
 * the frame alone tells. Never carries the acting user: that comes from the handshake.
 */
public sealed interface Request {
  /** {@code ping}: an application-level round trip. */
  record Ping() implements Request {}

  /** {@code rooms}: the user's rooms now. */
  record Rooms() implements Request {}

  /** {@code subscribe}: the room's log entries after {@code afterSeq}, then live ones. */
  record Subscribe(RoomId room, long afterSeq) implements Request {}

  /** {@code unsubscribe}: no more log entries of the room on this connection. */
  record Unsubscribe(RoomId room) implements Request {}

  /** {@code send}: post a message. */
  record Send(
      RoomId room,
      ClientMessageId clientMessageId,
      String text,
      List<AttachmentId> attachments,
      Optional<MessageId> replyTo)
      implements Request {
    public Send {
      attachments = List.copyOf(attachments);
    }
  }

  /** {@code edit}: replace the text of one's own message. */
  record Edit(MessageId messageId, String text) implements Request {}

  /** {@code delete}: delete one's own message. */
  record Delete(MessageId messageId) implements Request {}

  /** {@code history}: a page of the room's messages. */
  record History(RoomId room, PageRequest page) implements Request {}

  /** {@code typing}: started or stopped typing in the room. */
  record Typing(RoomId room, boolean typing) implements Request {}

  /** {@code read}: move the read marker of the room. */
  record Read(RoomId room, long seq) implements Request {}

  /** {@code presence.set}: online or away. */
  record SetPresence(PresenceStatus status) implements Request {}

  /** {@code presence.query}: who in the room is online. */
  record QueryPresence(RoomId room) implements Request {}
}
