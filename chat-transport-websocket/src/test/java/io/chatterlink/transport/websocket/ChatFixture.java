package io.chatterlink.transport.websocket;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.RoomSummary;
import io.chatterlink.core.port.in.ManageAccounts.LogIn;
import io.chatterlink.core.port.in.ManageAccounts.LoginResult;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import io.chatterlink.core.port.out.MessageStore;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A core on in-memory adapters, served by a real transport on an ephemeral port. */
final class ChatFixture implements AutoCloseable {
  static final String PASSWORD = "correct horse battery";

  final InMemoryAdapters adapters = InMemoryAdapters.create();
  final WebSocketTransport transport;
  final ChatCore core;
  private final Hosting.Hosted hosted;
  private final List<TestClient> clients = new ArrayList<>();

  ChatFixture(Host hosting, TransportSettings settings) {
    this(hosting, settings, TransportMetrics.NONE);
  }

  ChatFixture(Host hosting, TransportSettings settings, TransportMetrics metrics) {
    this(hosting, settings, metrics, Clock.systemUTC());
  }

  /** A fixture whose core reads {@code clock} (session expiry). */
  ChatFixture(Host hosting, TransportSettings settings, Clock clock) {
    this(hosting, settings, TransportMetrics.NONE, clock);
  }

  private ChatFixture(
      Host hosting, TransportSettings settings, TransportMetrics metrics, Clock clock) {
    this(hosting, WebSocketTransport.builder(settings).metrics(metrics), clock);
  }

  /** A fixture whose transport is built by {@code builder} (an authenticator, a path). */
  ChatFixture(Host hosting, WebSocketTransport.Builder builder) {
    this(hosting, builder, Clock.systemUTC());
  }

  private ChatFixture(Host hosting, WebSocketTransport.Builder builder, Clock clock) {
    this(hosting, builder.build(), clock);
  }

  /** A fixture around a transport built elsewhere, not yet attached. */
  ChatFixture(Host hosting, WebSocketTransport transport) {
    this(hosting, transport, Clock.systemUTC());
  }

  private ChatFixture(Host hosting, WebSocketTransport transport, Clock clock) {
    this(hosting, transport, clock, UnaryOperator.identity());
  }

  /** A fixture whose core stores messages in {@code messages} applied to the in-memory store. */
  ChatFixture(Host hosting, UnaryOperator<MessageStore> messages) {
    this(
        hosting,
        WebSocketTransport.builder(TransportSettings.defaults().withRequestRate(1000, 1000, 20))
            .build(),
        Clock.systemUTC(),
        messages);
  }

  private ChatFixture(
      Host hosting,
      WebSocketTransport transport,
      Clock clock,
      UnaryOperator<MessageStore> messages) {
    this.transport = transport;
    core =
        adapters
            .coreBuilderWithTestOnlyCrypto()
            .messages(messages.apply(adapters.messages()))
            .clock(clock)
            .delivery(transport.delivery())
            .build();
    transport.attach(core);
    hosted = hosting.start(transport);
  }

  ChatFixture(Host hosting) {
    this(hosting, TransportSettings.defaults().withRequestRate(1000, 1000, 20));
  }

  LoginResult user(String name) {
    core.accounts().register(new RegisterUser(name, PASSWORD, Optional.empty()));
    return core.accounts().logIn(new LogIn(name, PASSWORD));
  }

  LoginResult logInAgain(String name) {
    return core.accounts().logIn(new LogIn(name, PASSWORD));
  }

  RoomSummary publicRoom(LoginResult owner, String name) {
    return core.rooms().createRoom(new CreateRoom(owner.user().id(), name, RoomKind.PUBLIC));
  }

  URI uri() {
    return URI.create("ws://127.0.0.1:" + hosted.port() + transport.path());
  }

  String host() {
    return "127.0.0.1:" + hosted.port();
  }

  static String cookie(LoginResult who) {
    return "theme=dark; chatterlink_session=" + who.token().secret();
  }

  /** A connected, reading client that has received its hello. */
  TestClient connect(LoginResult who) {
    TestClient client =
        TestClient.open(uri(), Optional.of(cookie(who)), Optional.empty(), true).join();
    clients.add(client);
    client.await(TestClient.ofType("hello"));
    return client;
  }

  /** A connected client that reads nothing at all. */
  TestClient connectNonReading(LoginResult who) {
    TestClient client =
        TestClient.open(uri(), Optional.of(cookie(who)), Optional.empty(), false).join();
    clients.add(client);
    return client;
  }

  /** Waits, politely, for a condition the server reaches asynchronously. */
  static void eventually(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TestClient.PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within " + TestClient.PATIENCE);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    clients.forEach(TestClient::close);
    transport.shutdown(Duration.ofSeconds(2));
    hosted.stop().run();
  }
}
