package io.chatterlink.core;

import io.chatterlink.core.model.UploadLimits;
import io.chatterlink.core.port.in.FetchHistory;
import io.chatterlink.core.port.in.ManageAccounts;
import io.chatterlink.core.port.in.ManageRooms;
import io.chatterlink.core.port.in.ReencryptMessages;
import io.chatterlink.core.port.in.SendMessages;
import io.chatterlink.core.port.in.ShareAttachments;
import io.chatterlink.core.port.in.TrackPresence;
import io.chatterlink.core.port.in.TrackReading;
import io.chatterlink.core.port.out.AttachmentStore;
import io.chatterlink.core.port.out.ClusterBus;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.core.port.out.IdGenerator;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.core.port.out.MessageStore;
import io.chatterlink.core.port.out.PasswordHasher;
import io.chatterlink.core.port.out.RoomStore;
import io.chatterlink.core.port.out.SessionStore;
import io.chatterlink.core.port.out.Storage;
import io.chatterlink.core.port.out.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The chat domain, assembled: every use case of {@link io.chatterlink.core.port.in}, built from one
 * adapter per outbound port. Thread-safe; build one per server. On a single node it holds no
 * threads or resources of its own, except the threads that finish asynchronous sends ({@link
 * SendMessages#sendAsync}), made on the first one; as a node of a cluster ({@link Builder#cluster})
 * it runs one thread for the other nodes' signals. {@link #close()} stops them.
 *
 * <pre>{@code
 * ChatCore core = ChatCore.builder()
 *     .storage(storage) // JooqStorage.open(...), or your own Storage
 *     .cipher(cipher).passwordHasher(hasher).delivery(delivery)
 *     .build();
 * }</pre>
 */
public final class ChatCore implements AutoCloseable {
  private final ManageAccounts accounts;
  private final ManageRooms rooms;
  private final SendMessages messages;
  private final FetchHistory history;
  private final TrackReading reading;
  private final TrackPresence presence;
  private final ShareAttachments attachments;
  private final ReencryptMessages reencryption;
  private final Optional<ClusterNode> cluster;
  private final AfterCommitThreads ownThreads = new AfterCommitThreads();

  private ChatCore(Builder b) {
    CoreServices services = new CoreServices(b, b.afterCommit.orElse(ownThreads));
    this.cluster = services.cluster();
    this.accounts = services.accounts();
    this.rooms = services.rooms();
    this.messages = services.messages();
    this.history = services.history();
    this.reading = services.reading();
    this.presence = services.presence();
    this.attachments = services.attachments();
    this.reencryption = services.reencryption();
  }

  /**
   * This node's view of its cluster.
   *
   * @return bus health, lag and live nodes; empty on a single node, that is, when no bus was given
   *     to {@link Builder#cluster}
   */
  public Optional<ClusterStatus> clusterStatus() {
    return cluster.map(ClusterNode::status);
  }

  /**
   * Stops acting on the cluster's signals and ends the core's own threads after the work they hold.
   * Does not close the bus, which belongs to the caller. Idempotent.
   */
  @Override
  public void close() {
    cluster.ifPresent(ClusterNode::close);
    ownThreads.close();
  }

  /**
   * A builder with the system UTC clock, time-ordered ids and the default session lifetimes.
   *
   * @return a new builder; set every required port, then {@link Builder#build()}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the use cases of registration, login sessions and passwords} */
  public ManageAccounts accounts() {
    return accounts;
  }

  /** {@return the use cases of rooms, memberships and direct conversations} */
  public ManageRooms rooms() {
    return rooms;
  }

  /** {@return the use cases of posting, editing and deleting messages} */
  public SendMessages messages() {
    return messages;
  }

  /** {@return the use cases of history pages and resync after a disconnect} */
  public FetchHistory history() {
    return history;
  }

  /** {@return the use cases of read markers and unread counts} */
  public TrackReading reading() {
    return reading;
  }

  /** {@return the use cases of presence and typing, kept in memory by this core instance} */
  public TrackPresence presence() {
    return presence;
  }

  /** {@return the use cases of attachment metadata and download authorization} */
  public ShareAttachments attachments() {
    return attachments;
  }

  /** {@return the use cases of key rotation: re-encrypts stored bodies under the primary key} */
  public ReencryptMessages reencryption() {
    return reencryption;
  }

  /** Collects the adapters; every port must be set before {@link #build()}. Not thread-safe. */
  public static final class Builder {
    UserStore users;
    RoomStore rooms;
    MessageStore messages;
    AttachmentStore attachments;
    SessionStore sessions;
    MessageCipher cipher;
    PasswordHasher passwordHasher;
    Delivery delivery;
    Optional<ClusterBus> cluster = Optional.empty();
    ClusterNode.Timings clusterTimings = ClusterNode.Timings.DEFAULT;
    Optional<Executor> afterCommit = Optional.empty();
    Clock clock = Clock.systemUTC();
    IdGenerator ids = IdGenerator.timeOrdered();
    Duration sessionIdleTimeout = Duration.ofDays(14);
    Duration sessionAbsoluteTimeout = Duration.ofDays(30);
    UploadLimits uploadLimits = UploadLimits.defaults();

    private Builder() {}

    /**
     * Sets the five stores the core uses (users, rooms, messages, attachments, sessions) from one
     * storage: the usual way to give the core its database. A per-store method called after it
     * replaces that one store (see {@link #messages(MessageStore)}).
     *
     * @param storage the database's stores, e.g. {@code JooqStorage.open(...)}, the test kit's
     *     {@code InMemoryAdapters}, or your own
     * @return this builder
     */
    public Builder storage(Storage storage) {
      Objects.requireNonNull(storage, "storage");
      return users(storage.users())
          .rooms(storage.rooms())
          .messages(storage.messages())
          .attachments(storage.attachments())
          .sessions(storage.sessions());
    }

    /**
     * Sets the user store (required; {@link #storage(Storage)} sets it too). The per-store methods
     * are for an embedder who mixes stores: one store of another kind, or one wrapped (a metering
     * or caching decorator), beside the others of a {@link Storage}. The last call for a store
     * wins.
     *
     * @param users the accounts: {@code storage.users()}, a decorator of it, or your own
     * @return this builder
     */
    public Builder users(UserStore users) {
      this.users = Objects.requireNonNull(users, "users");
      return this;
    }

    /**
     * Sets the room and membership store (required; {@link #storage(Storage)} sets it too, and this
     * call replaces it: see {@link #users(UserStore)} on mixing stores).
     *
     * @param rooms rooms, memberships and read markers
     * @return this builder
     */
    public Builder rooms(RoomStore rooms) {
      this.rooms = Objects.requireNonNull(rooms, "rooms");
      return this;
    }

    /**
     * Sets the message store (required; {@link #storage(Storage)} sets it too, and this call
     * replaces it: see {@link #users(UserStore)} on mixing stores).
     *
     * @param messages the room logs; what it acknowledges is what the core acknowledges to senders
     * @return this builder
     */
    public Builder messages(MessageStore messages) {
      this.messages = Objects.requireNonNull(messages, "messages");
      return this;
    }

    /**
     * Sets the attachment metadata store (required; {@link #storage(Storage)} sets it too, and this
     * call replaces it: see {@link #users(UserStore)} on mixing stores).
     *
     * @param attachments the uploads' metadata (the files themselves are the web adapter's)
     * @return this builder
     */
    public Builder attachments(AttachmentStore attachments) {
      this.attachments = Objects.requireNonNull(attachments, "attachments");
      return this;
    }

    /**
     * Sets the session store (required; {@link #storage(Storage)} sets it too, and this call
     * replaces it: see {@link #users(UserStore)} on mixing stores).
     *
     * @param sessions login sessions (their digests)
     * @return this builder
     */
    public Builder sessions(SessionStore sessions) {
      this.sessions = Objects.requireNonNull(sessions, "sessions");
      return this;
    }

    /**
     * Sets the cipher for message bodies (required).
     *
     * @param cipher encrypts every body before it is stored, e.g. {@code
     *     ChatCrypto.cipherFromSetting}
     * @return this builder
     */
    public Builder cipher(MessageCipher cipher) {
      this.cipher = Objects.requireNonNull(cipher, "cipher");
      return this;
    }

    /**
     * Sets the password hasher (required).
     *
     * @param passwordHasher hashes passwords at registration and checks them at login
     * @return this builder
     */
    public Builder passwordHasher(PasswordHasher passwordHasher) {
      this.passwordHasher = Objects.requireNonNull(passwordHasher, "passwordHasher");
      return this;
    }

    /**
     * Sets where events go (required).
     *
     * @param delivery this process's connections, which receive the events (the transport's
     *     delivery)
     * @return this builder
     */
    public Builder delivery(Delivery delivery) {
      this.delivery = Objects.requireNonNull(delivery, "delivery");
      return this;
    }

    /**
     * Makes this core one node of a cluster whose nodes share one database and talk over {@code
     * bus}: messages, room events, presence, typing and session revocations made on any node reach
     * the connections of every node (see {@code docs/scaling.md}). Without it (the default) the
     * core is a single node and sends nothing to any bus. The core subscribes to the bus when
     * built; {@link ChatCore#close()} unsubscribes.
     *
     * @param bus the cluster bus, connected, shared by every node; the caller closes it after the
     *     core
     * @return this builder
     */
    public Builder cluster(ClusterBus bus) {
      this.cluster = Optional.of(Objects.requireNonNull(bus, "bus"));
      return this;
    }

    /**
     * Where {@link SendMessages#sendAsync} continues once the store has the message: the hand-off
     * to delivery. Default: threads of the core's own, one per processor, made on the first
     * asynchronous send and ended by {@link ChatCore#close()}.
     *
     * @param executor runs the work after each asynchronous send's commit; must not run it on the
     *     calling thread if that is the store's writer (a direct executor would hold every send)
     * @return this builder
     */
    public Builder afterCommit(Executor executor) {
      this.afterCommit = Optional.of(Objects.requireNonNull(executor, "executor"));
      return this;
    }

    /** Shorter heartbeats and leases, for tests that let a node die. */
    Builder clusterTimings(Duration heartbeat, Duration lease) {
      this.clusterTimings = new ClusterNode.Timings(heartbeat, lease);
      return this;
    }

    /**
     * Sets the clock for timestamps and expiries (default: system UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the id generator (default: {@link IdGenerator#timeOrdered()}).
     *
     * @param ids makes the ids of users, rooms, messages and attachments
     * @return this builder
     */
    public Builder ids(IdGenerator ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * A session unused for this long expires (default 14 days).
     *
     * @param timeout how long; positive (else IllegalArgumentException)
     * @return this builder
     */
    public Builder sessionIdleTimeout(Duration timeout) {
      this.sessionIdleTimeout = requirePositive(timeout);
      return this;
    }

    /**
     * A session expires this long after login, however used (default 30 days).
     *
     * @param timeout how long; positive (else IllegalArgumentException)
     * @return this builder
     */
    public Builder sessionAbsoluteTimeout(Duration timeout) {
      this.sessionAbsoluteTimeout = requirePositive(timeout);
      return this;
    }

    /**
     * Sets the upload quota, rate and lifetimes (default {@link UploadLimits#defaults()}).
     *
     * @param limits the upload quota, rate and lifetimes
     * @return this builder
     */
    public Builder uploadLimits(UploadLimits limits) {
      this.uploadLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Builds the core.
     *
     * @return the core; as a node of a cluster it is subscribed to the bus already
     * @throws IllegalStateException naming the first port that was not set
     */
    public ChatCore build() {
      requireStore(users, "users");
      requireStore(rooms, "rooms");
      requireStore(messages, "messages");
      requireStore(attachments, "attachments");
      requireStore(sessions, "sessions");
      require(cipher, "cipher");
      require(passwordHasher, "passwordHasher");
      require(delivery, "delivery");
      return new ChatCore(this);
    }

    private static void requireStore(Object store, String name) {
      if (store == null) {
        throw new IllegalStateException(
            "ChatCore.builder(): " + name + "(...) was not set (storage(...) sets every store)");
      }
    }

    private static void require(Object port, String name) {
      if (port == null) {
        throw new IllegalStateException("ChatCore.builder(): " + name + "(...) was not set");
      }
    }

    private static Duration requirePositive(Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      return d;
    }
  }
}
