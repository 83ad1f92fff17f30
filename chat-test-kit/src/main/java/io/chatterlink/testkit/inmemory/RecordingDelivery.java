package io.chatterlink.testkit.inmemory;

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
    /**
     * Copies the recipients, so that later changes to the caller's set do not show here.
     *
     * @param event the event the core handed over; required
     * @param recipients the users the core chose, copied; required, may be empty
     * @throws NullPointerException if {@code event}, {@code recipients} or one of them is null
     */
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

  /** {@return every {@link #deliver} call recorded so far, oldest first, as a snapshot} */
  public synchronized List<Delivered> delivered() {
    return List.copyOf(delivered);
  }

  /**
   * The events a user would have received: those whose recipients included them.
   *
   * @param user the user to look for among the recipients of each recorded call
   * @return their events so far, oldest first, as a snapshot; empty if none
   */
  public synchronized List<ChatEvent> eventsFor(UserId user) {
    List<ChatEvent> events = new ArrayList<>();
    for (Delivered d : delivered) {
      if (d.recipients().contains(user)) {
        events.add(d.event());
      }
    }
    return List.copyOf(events);
  }

  /**
   * {@return every session that {@link #closeSessions} was asked to close so far, each once, in the
   * order first asked, as a snapshot}
   */
  public synchronized Set<SessionId> closedSessions() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(closedSessions));
  }

  /** Records nothing but the call: see {@link #sessionRechecks()}. */
  @Override
  public synchronized void recheckSessions() {
    sessionRechecks++;
  }

  /**
   * {@return how often {@link #recheckSessions} was called since this delivery was made} {@link
   * #clear()} does not reset it.
   */
  public synchronized int sessionRechecks() {
    return sessionRechecks;
  }

  /**
   * Forgets the deliveries and closed sessions recorded so far, e.g. after a test's set-up, so that
   * assertions see only what follows, the count of {@link #sessionRechecks()} included.
   */
  public synchronized void clear() {
    delivered.clear();
    closedSessions.clear();
    sessionRechecks = 0;
  }
}
