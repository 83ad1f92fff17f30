package io.chatterlink.core.inmemory;

import io.chatterlink.core.event.ChatEvent;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.out.Delivery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link Delivery} for tests: sends nothing, records every call in order so that a test can
 * assert who was told what. Thread-safe; the accessors return snapshots.
 */
public final class RecordingDelivery implements Delivery {
  private final List<Delivered> delivered = new ArrayList<>();
  private final Set<SessionId> closedSessions = new LinkedHashSet<>();
  private int sessionRechecks;

  /**
   * One recorded {@link #deliver} call.
   *
   * @param event the event handed over
   * @param recipients the users it was for
   */
  public record Delivered(ChatEvent event, Set<UserId> recipients) {
    /** Copies the recipients, so that later changes to the caller's set do not show here. */
    public Delivered {
      Objects.requireNonNull(event, "event");
      recipients = Set.copyOf(recipients);
    }
  }

  @Override
  public synchronized void deliver(ChatEvent event, Set<UserId> recipients) {
    delivered.add(new Delivered(event, recipients));
  }

  @Override
  public synchronized void closeSessions(Set<SessionId> sessions) {
    closedSessions.addAll(sessions);
  }

  /** Every {@link #deliver} call so far, oldest first. */
  public synchronized List<Delivered> delivered() {
    return List.copyOf(delivered);
  }

  /** The events delivered to {@code user} so far (their recipients included them), oldest first. */
  public synchronized List<ChatEvent> eventsFor(UserId user) {
    List<ChatEvent> events = new ArrayList<>();
    for (Delivered d : delivered) {
      if (d.recipients().contains(user)) {
        events.add(d.event());
      }
    }
    return List.copyOf(events);
  }

  /** Every session that {@link #closeSessions} was asked to close so far, in the order asked. */
  public synchronized Set<SessionId> closedSessions() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(closedSessions));
  }

  /** Forgets everything recorded so far, e.g. after a test's set-up. */
  @Override
  public synchronized void recheckSessions() {
    sessionRechecks++;
  }

  /** How often {@link #recheckSessions} was called so far. */
  public synchronized int sessionRechecks() {
    return sessionRechecks;
  }

  public synchronized void clear() {
    delivered.clear();
    closedSessions.clear();
  }
}
