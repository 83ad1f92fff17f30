package io.chatterlink.core;

import io.chatterlink.core.port.in.FetchHistory;
import io.chatterlink.core.port.in.ManageAccounts;
import io.chatterlink.core.port.in.ManageRooms;
import io.chatterlink.core.port.in.ReencryptMessages;
import io.chatterlink.core.port.in.SendMessages;
import io.chatterlink.core.port.in.ShareAttachments;
import io.chatterlink.core.port.in.TrackPresence;
import io.chatterlink.core.port.in.TrackReading;
import io.chatterlink.core.port.out.ClusterSignal;
import io.chatterlink.core.port.out.Delivery;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Wires the use-case services from the builder's adapters. Kept apart from {@link ChatCore} so that
 * the public class only exposes the use cases, and the services stay package-private.
 */
final class CoreServices {
  private final ManageAccounts accounts;
  private final ManageRooms rooms;
  private final SendMessages messages;
  private final FetchHistory history;
  private final TrackReading reading;
  private final TrackPresence presence;
  private final ShareAttachments attachments;
  private final ReencryptMessages reencryption;

  private final Optional<ClusterNode> cluster;

  CoreServices(ChatCore.Builder b, Executor afterCommit) {
    RoomAccess access = new RoomAccess(b.rooms, b.users, b.messages);
    MessageViews views = new MessageViews(b.cipher);
    // On a node of a cluster the services' events also go to the other nodes (ClusteredDelivery);
    // the room lines and what other nodes send back go to this node's connections only.
    Delivery delivery =
        b.cluster.<Delivery>map(bus -> new ClusteredDelivery(b.delivery, bus)).orElse(b.delivery);
    Consumer<ClusterSignal> publish =
        b.cluster.<Consumer<ClusterSignal>>map(bus -> bus::publish).orElse(signal -> {});
    InOrderRoomDelivery lines = new InOrderRoomDelivery(b.delivery);
    RemotePresence remote = new RemotePresence();
    this.accounts =
        new AccountService(
            b.users,
            b.sessions,
            b.passwordHasher,
            delivery,
            b.clock,
            b.ids,
            new SessionPolicy(b.sessionIdleTimeout, b.sessionAbsoluteTimeout));
    PresenceService presenceService =
        new PresenceService(access, b.rooms, b.users, delivery, b.clock, remote, publish);
    this.presence = presenceService;
    this.rooms =
        new RoomService(access, b.rooms, b.users, delivery, presenceService, b.clock, b.ids);
    this.messages =
        new MessageService(
            access,
            b.messages,
            b.attachments,
            b.uploadLimits.unattachedLifetime(),
            b.cipher,
            views,
            lines,
            publish,
            afterCommit,
            b.clock,
            b.ids);
    this.history = new HistoryService(access, b.messages, views);
    this.reading = new ReadingService(access, b.rooms, b.messages, delivery);
    this.attachments = new AttachmentService(access, b.attachments, b.uploadLimits, b.clock, b.ids);
    this.reencryption = new ReencryptionService(b.messages, b.cipher);
    this.cluster =
        b.cluster.map(
            bus -> {
              ScheduledExecutorService thread = ClusterNode.newThread(bus.node());
              RoomFills fills = new RoomFills(lines, b.messages, views, access, thread);
              lines.dropRepeats();
              lines.onHeldBack(
                  room -> {
                    try {
                      thread.execute(() -> fills.heldBack(room));
                    } catch (RejectedExecutionException closed) {
                      // the core is closing: nobody is left to fill the gap for
                    }
                  });
              ClusterEvents events =
                  new ClusterEvents(access, b.rooms, b.delivery, presenceService);
              return new ClusterNode(
                  b.clusterTimings,
                  bus,
                  thread,
                  fills,
                  events,
                  presenceService,
                  remote,
                  b.delivery);
            });
  }

  Optional<ClusterNode> cluster() {
    return cluster;
  }

  ManageAccounts accounts() {
    return accounts;
  }

  ManageRooms rooms() {
    return rooms;
  }

  SendMessages messages() {
    return messages;
  }

  FetchHistory history() {
    return history;
  }

  TrackReading reading() {
    return reading;
  }

  TrackPresence presence() {
    return presence;
  }

  ShareAttachments attachments() {
    return attachments;
  }

  ReencryptMessages reencryption() {
    return reencryption;
  }
}
