package io.chatterlink.core.cluster;

import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.NodeId;
import io.chatterlink.core.model.PresenceStatus;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.ClusterBus;
import io.chatterlink.core.port.out.ClusterSignal;
import io.chatterlink.core.port.out.ClusterSignal.MembershipChanged;
import io.chatterlink.core.port.out.ClusterSignal.NodeAlive;
import io.chatterlink.core.port.out.ClusterSignal.PresenceOnNode;
import io.chatterlink.core.port.out.ClusterSignal.PresenceWanted;
import io.chatterlink.core.port.out.ClusterSignal.PublicRoomOpened;
import io.chatterlink.core.port.out.ClusterSignal.ReadMarkerMoved;
import io.chatterlink.core.port.out.ClusterSignal.RoomAdvanced;
import io.chatterlink.core.port.out.ClusterSignal.RoomRenamed;
import io.chatterlink.core.port.out.ClusterSignal.SessionsRevoked;
import io.chatterlink.core.port.out.ClusterSignal.Typing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The one wire format of cluster signals, shared by every networked {@link ClusterBus} adapter (so
 * that a signal means the same on any bus): a signal and its sender as a few bytes: a format
 * version, the sender's node id, a kind tag and the kind's fields (ids as {@code writeUTF} strings,
 * which ids' ASCII makes one byte a character, numbers big-endian). The largest signal is well
 * under {@value #MAX_BYTES} bytes; anything longer, shorter, of another version or kind, or with
 * bytes left over is refused.
 */
public final class SignalCodec {
  /** The format written; a node refuses another (nodes of one cluster run one release). */
  public static final byte VERSION = 2;

  /** Longest payload accepted: two 64-character ids and a few fields fit about four times. */
  public static final int MAX_BYTES = 512;

  private static final byte ROOM_ADVANCED = 1;
  private static final byte MEMBERSHIP_CHANGED = 2;
  private static final byte SESSIONS_REVOKED = 3;
  private static final byte PRESENCE_ON_NODE = 4;
  private static final byte TYPING = 5;
  private static final byte ROOM_RENAMED = 6;
  private static final byte PUBLIC_ROOM_OPENED = 7;
  private static final byte READ_MARKER_MOVED = 8;
  private static final byte NODE_ALIVE = 9;
  private static final byte PRESENCE_WANTED = 10;

  private SignalCodec() {}

  /**
   * Encodes a signal for the wire.
   *
   * @param sender the publishing node, written first so that receivers know where it came from
   * @param signal any {@link ClusterSignal}; its fields are already checked by its record
   * @return the bytes to send, at most {@link #MAX_BYTES}, which {@link #decode} turns back into
   *     {@code sender} and an equal signal
   */
  public static byte[] encode(NodeId sender, ClusterSignal signal) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(sender.value());
      writeSignal(out, signal);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }

  private static void writeSignal(DataOutputStream out, ClusterSignal signal) throws IOException {
    if (signal instanceof RoomAdvanced s) {
      out.writeByte(ROOM_ADVANCED);
      out.writeUTF(s.room().value());
      out.writeLong(s.seq());
    } else if (signal instanceof MembershipChanged s) {
      out.writeByte(MEMBERSHIP_CHANGED);
      out.writeUTF(s.room().value());
      out.writeUTF(s.member().value());
      out.writeByte(s.change().ordinal());
      out.writeUTF(s.by().map(UserId::value).orElse(""));
    } else if (signal instanceof SessionsRevoked) {
      out.writeByte(SESSIONS_REVOKED);
    } else if (signal instanceof PresenceOnNode s) {
      out.writeByte(PRESENCE_ON_NODE);
      out.writeUTF(s.user().value());
      out.writeUTF(s.status().name());
    } else if (signal instanceof Typing s) {
      out.writeByte(TYPING);
      out.writeUTF(s.room().value());
      out.writeUTF(s.user().value());
      out.writeBoolean(s.typing());
    } else if (signal instanceof RoomRenamed s) {
      out.writeByte(ROOM_RENAMED);
      out.writeUTF(s.room().value());
    } else if (signal instanceof PublicRoomOpened s) {
      out.writeByte(PUBLIC_ROOM_OPENED);
      out.writeUTF(s.room().value());
    } else if (signal instanceof ReadMarkerMoved s) {
      out.writeByte(READ_MARKER_MOVED);
      out.writeUTF(s.room().value());
      out.writeUTF(s.user().value());
      out.writeLong(s.seq());
    } else if (signal instanceof NodeAlive s) {
      out.writeByte(NODE_ALIVE);
      out.writeLong(s.sentAtMillis());
    } else if (signal instanceof PresenceWanted) {
      out.writeByte(PRESENCE_WANTED);
    } else {
      throw new AssertionError(signal);
    }
  }

  /**
   * Decodes what {@link #encode} wrote, on the receiving node.
   *
   * @param payload the bytes of one message of the bus, as received; untrusted (any other publisher
   *     on the bus's subject could have sent them)
   * @return the sender's node id and the signal
   * @throws InvalidInputException if the payload is not one this codec wrote: longer than {@link
   *     #MAX_BYTES}, truncated, of another {@link #VERSION}, of an unknown kind, with bytes left
   *     over, or with fields the signal's record refuses
   */
  public static ClusterBus.Received decode(byte[] payload) {
    if (payload.length > MAX_BYTES) {
      throw new InvalidInputException("signal of " + payload.length + " bytes");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new InvalidInputException("signal format version " + version);
      }
      NodeId sender = new NodeId(in.readUTF());
      ClusterSignal signal = readSignal(in);
      if (in.available() > 0) {
        throw new InvalidInputException(in.available() + " bytes after the signal");
      }
      return new ClusterBus.Received(sender, signal);
    } catch (InvalidInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("unreadable signal: " + e.getMessage(), e);
    }
  }

  private static ClusterSignal readSignal(DataInputStream in) throws IOException {
    byte kind = in.readByte();
    switch (kind) {
      case ROOM_ADVANCED:
        return new RoomAdvanced(new RoomId(in.readUTF()), in.readLong());
      case MEMBERSHIP_CHANGED:
        return membershipChanged(in);
      case SESSIONS_REVOKED:
        return new SessionsRevoked();
      case PRESENCE_ON_NODE:
        return new PresenceOnNode(new UserId(in.readUTF()), PresenceStatus.valueOf(in.readUTF()));
      case TYPING:
        return new Typing(new RoomId(in.readUTF()), new UserId(in.readUTF()), in.readBoolean());
      case ROOM_RENAMED:
        return new RoomRenamed(new RoomId(in.readUTF()));
      case PUBLIC_ROOM_OPENED:
        return new PublicRoomOpened(new RoomId(in.readUTF()));
      case READ_MARKER_MOVED:
        return new ReadMarkerMoved(
            new RoomId(in.readUTF()), new UserId(in.readUTF()), in.readLong());
      case NODE_ALIVE:
        return new NodeAlive(in.readLong());
      case PRESENCE_WANTED:
        return new PresenceWanted();
      default:
        throw new InvalidInputException("unknown signal kind " + kind);
    }
  }

  private static MembershipChanged membershipChanged(DataInputStream in) throws IOException {
    RoomId room = new RoomId(in.readUTF());
    UserId member = new UserId(in.readUTF());
    int change = in.readByte();
    if (change < 0 || change >= MembershipChanged.Change.values().length) {
      throw new InvalidInputException("unknown membership change " + change);
    }
    String by = in.readUTF();
    return new MembershipChanged(
        room,
        member,
        MembershipChanged.Change.values()[change],
        by.isEmpty() ? Optional.empty() : Optional.of(new UserId(by)));
  }
}
