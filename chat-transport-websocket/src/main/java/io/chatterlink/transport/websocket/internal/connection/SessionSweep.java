package io.chatterlink.transport.websocket.internal.connection;

import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.port.in.ManageAccounts;
import io.chatterlink.transport.websocket.HandshakeAuthenticator;
import io.chatterlink.transport.websocket.Revocation;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes (4401) the sockets whose session ended where this transport could not hear it: a password
 * reset from the CLI (another process), a logout on another node, the idle or absolute expiry.
 * Every {@link TransportSettings#sessionCheckInterval} it asks the core, in one batched question
 * for all open sockets, which of their sessions ended; the answer comes from the session store, so
 * it holds across processes and nodes, and no request pays a database round trip for it. A socket
 * of an ended session is closed at most one interval plus that query's time after the end.
 *
 * <p>Sockets authenticated by an embedder's {@link Revocation.Grant} are never checked against the
 * session store (they have no ChatterLink session): in the same sweep they are closed when their
 * grant expired or the {@link HandshakeAuthenticator#endedAmong} of the embedder names it. A
 * failure of either question leaves its sockets open until the next sweep. Also gives back the cap
 * places of handshakes whose socket never opened.
 */
public final class SessionSweep implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SessionSweep.class);

  private final TransportRuntime runtime;
  private final ManageAccounts accounts;
  private final Optional<HandshakeAuthenticator> authenticator;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          TransportRuntime.daemonThreads("chatterlink-ws-sessions"));

  public SessionSweep(
      TransportRuntime runtime,
      ManageAccounts accounts,
      Optional<HandshakeAuthenticator> authenticator,
      Clock clock) {
    this.runtime = runtime;
    this.accounts = accounts;
    this.authenticator = authenticator;
    this.clock = clock;
    long millis = runtime.settings().sessionCheckInterval().toMillis();
    // With a fixed delay, a slow database makes sweeps rarer instead of piling them up.
    timer.scheduleWithFixedDelay(this::sweepGuarded, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** One sweep: the sockets of ended sessions and grants closed, unclaimed places given back. */
  public void sweep() {
    runtime.limiter().expireUnclaimed();
    List<Connection> open = runtime.registry().all();
    if (open.isEmpty()) {
      return;
    }
    Set<SessionId> sessions = new HashSet<>();
    Set<String> grants = new HashSet<>();
    for (Connection connection : open) {
      Revocation revocation = connection.revocation();
      if (revocation instanceof Revocation.ChatSession) {
        sessions.add(((Revocation.ChatSession) revocation).session());
      } else if (revocation instanceof Revocation.Grant) {
        grants.add(((Revocation.Grant) revocation).id());
      } else {
        throw new AssertionError(revocation);
      }
    }
    RuntimeException failure = null;
    if (!grants.isEmpty()) {
      try {
        sweepGrants(grants);
      } catch (RuntimeException e) {
        failure = e; // the sessions are still checked
      }
    }
    if (!sessions.isEmpty()) {
      Set<SessionId> ended = accounts.endedAmong(sessions);
      if (!ended.isEmpty()) {
        LOG.info("closing the sockets of {} ended session(s)", ended.size());
        runtime.registry().closeSessions(ended);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void sweepGrants(Set<String> grants) {
    // Expiries first, so that an authenticator that fails does not keep expired sockets open.
    runtime.registry().closeGrants(Set.of(), clock.instant());
    Set<String> ended = authenticator.map(a -> a.endedAmong(Set.copyOf(grants))).orElse(Set.of());
    if (ended == null) {
      throw new IllegalStateException("the handshake authenticator's endedAmong returned null");
    }
    if (!ended.isEmpty()) {
      LOG.info("closing the sockets of {} ended grant(s)", ended.size());
      runtime.registry().closeGrants(ended, clock.instant());
    }
  }

  /** Sweeps now, on the sweep's own thread (sessions ended on another node): returns at once. */
  public void sweepSoon() {
    try {
      timer.execute(this::sweepGuarded);
    } catch (RejectedExecutionException closed) {
      // the transport is stopping: its sockets are being closed anyway
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** A failed sweep (the database is down) must not cancel the schedule; the next one retries. */
  private void sweepGuarded() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warn("checking the sessions of open sockets failed; retrying", e);
    }
  }
}
