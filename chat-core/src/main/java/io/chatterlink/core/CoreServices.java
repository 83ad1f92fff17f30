package io.chatterlink.core;

import io.chatterlink.core.port.in.FetchHistory;
import io.chatterlink.core.port.in.ManageAccounts;
import io.chatterlink.core.port.in.ManageRooms;
import io.chatterlink.core.port.in.ReencryptMessages;
import io.chatterlink.core.port.in.SendMessages;
import io.chatterlink.core.port.in.ShareAttachments;
import io.chatterlink.core.port.in.TrackPresence;
import io.chatterlink.core.port.in.TrackReading;

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

  CoreServices(ChatCore.Builder b) {
    RoomAccess access = new RoomAccess(b.rooms, b.users, b.messages);
    MessageViews views = new MessageViews(b.cipher);
    this.accounts =
        new AccountService(
            b.users,
            b.sessions,
            b.passwordHasher,
            b.delivery,
            b.clock,
            b.ids,
            new SessionPolicy(b.sessionIdleTimeout, b.sessionAbsoluteTimeout));
    PresenceService presenceService =
        new PresenceService(access, b.rooms, b.users, b.delivery, b.clock);
    this.presence = presenceService;
    this.rooms =
        new RoomService(access, b.rooms, b.users, b.delivery, presenceService, b.clock, b.ids);
    this.messages =
        new MessageService(
            access,
            b.messages,
            b.attachments,
            b.uploadLimits.unattachedLifetime(),
            b.cipher,
            views,
            b.delivery,
            b.clock,
            b.ids);
    this.history = new HistoryService(access, b.messages, views);
    this.reading = new ReadingService(access, b.rooms, b.messages, b.delivery);
    this.attachments = new AttachmentService(access, b.attachments, b.uploadLimits, b.clock, b.ids);
    this.reencryption = new ReencryptionService(b.messages, b.cipher);
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
