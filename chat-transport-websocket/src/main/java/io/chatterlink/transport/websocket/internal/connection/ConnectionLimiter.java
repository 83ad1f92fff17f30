package io.chatterlink.transport.websocket.internal.connection;

import io.chatterlink.core.model.UserId;
import io.chatterlink.transport.websocket.TransportSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * This node's caps on open sockets per user and per client address, and each user's request budget
 * (one {@link TokenBucket} shared by all their sockets here). Per node by design: it is abuse
 * control, not an account rule, so nothing is shared through the database.
 *
 * <p>A handshake takes a place ({@link #admit}) before the upgrade, so that a burst of handshakes
 * cannot all pass a check made before any of them opened. The socket claims the place when it opens
 * and gives it back when it goes. A place never claimed (the client vanished during the upgrade) is
 * given back by {@link #expireUnclaimed} after {@link #CLAIM_WITHIN}. Thread-safe.
 */
public final class ConnectionLimiter {
  /** How long a handshake's place waits for its socket to open before it is given back. */
  public static final Duration CLAIM_WITHIN = Duration.ofSeconds(30);

  private final int perUser;
  private final int perAddress;
  private final int requestsPerSecond;
  private final int requestBurst;
  private final LongSupplier nanoTime;
  private final Map<UserId, UserPlaces> byUser = new HashMap<>();
  private final Map<String, Integer> byAddress = new HashMap<>();
  private final Set<Place> unclaimed = ConcurrentHashMap.newKeySet();

  public ConnectionLimiter(TransportSettings settings, LongSupplier nanoTime) {
    this.perUser = settings.maxConnectionsPerUser();
    this.perAddress = settings.maxConnectionsPerAddress();
    this.requestsPerSecond = settings.requestsPerSecond();
    this.requestBurst = settings.requestBurst();
    this.nanoTime = nanoTime;
  }

  /** A user's sockets (open or opening) and the request budget they share. */
  private static final class UserPlaces {
    final TokenBucket budget;
    int count;

    public UserPlaces(TokenBucket budget) {
      this.budget = budget;
    }
  }

  /**
   * Takes a place for one more socket of {@code user} from {@code address} (empty: unknown, so
   * capped per user only).
   *
   * @return empty when the user or the address is at its cap: refuse the handshake (429)
   */
  public synchronized Optional<Place> admit(UserId user, Optional<String> address) {
    UserPlaces places = byUser.get(user);
    int ofUser = places == null ? 0 : places.count;
    int ofAddress = address.map(a -> byAddress.getOrDefault(a, 0)).orElse(0);
    if (ofUser >= perUser || ofAddress >= perAddress) {
      return Optional.empty();
    }
    if (places == null) {
      places = new UserPlaces(new TokenBucket(requestBurst, requestsPerSecond, nanoTime));
      byUser.put(user, places);
    }
    places.count++;
    address.ifPresent(a -> byAddress.merge(a, 1, Integer::sum));
    Place place = new Place(user, address, places.budget, nanoTime.getAsLong());
    unclaimed.add(place);
    return Optional.of(place);
  }

  /** Gives back the places not claimed within {@link #CLAIM_WITHIN}. */
  public void expireUnclaimed() {
    long now = nanoTime.getAsLong();
    long limit = CLAIM_WITHIN.toNanos();
    for (Place place : unclaimed) {
      if (now - place.takenAtNanos >= limit) {
        place.release();
      }
    }
  }

  /** Sockets of {@code user} open or opening on this node. */
  synchronized int placesOf(UserId user) {
    UserPlaces places = byUser.get(user);
    return places == null ? 0 : places.count;
  }

  /** Sockets from {@code address} open or opening on this node. */
  synchronized int placesOf(String address) {
    return byAddress.getOrDefault(address, 0);
  }

  private synchronized void giveBack(Place place) {
    unclaimed.remove(place);
    UserPlaces places = byUser.get(place.user);
    if (places != null && --places.count == 0) {
      byUser.remove(place.user);
    }
    place.address.ifPresent(
        address -> byAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1));
  }

  /** One socket's place under the caps, and the budget of its user. */
  public final class Place {
    private final UserId user;
    private final Optional<String> address;
    private final TokenBucket budget;
    private final long takenAtNanos;
    private boolean released;

    private Place(UserId user, Optional<String> address, TokenBucket budget, long takenAtNanos) {
      this.user = user;
      this.address = address;
      this.budget = budget;
      this.takenAtNanos = takenAtNanos;
    }

    /** The request budget the user's sockets on this node share. */
    public TokenBucket budget() {
      return budget;
    }

    /**
     * The socket opened: the place is kept until {@link #release}.
     *
     * @return false if it was already given back (expired or released): the socket has no place
     */
    public boolean claim() {
      synchronized (ConnectionLimiter.this) {
        if (released) {
          return false;
        }
        unclaimed.remove(this);
        return true;
      }
    }

    /** Gives the place back; a second call does nothing. */
    public void release() {
      synchronized (ConnectionLimiter.this) {
        if (released) {
          return;
        }
        released = true;
        giveBack(this);
      }
    }
  }
}
