package io.chatterlink.core.event;

/**
 * Something that happened which connected clients should learn at once. Events of a room's log
 * ({@link SequencedEvent}) carry the seq a client resumes from; the others are ephemeral.
 */
public sealed interface ChatEvent permits RoomEvent, PresenceChanged {}
