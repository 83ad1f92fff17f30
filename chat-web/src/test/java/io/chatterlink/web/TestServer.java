package io.chatterlink.web;

import io.chatterlink.core.ChatCore;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

/** A real Undertow on an ephemeral port serving ChatWeb over the in-memory core. */
final class TestServer implements AutoCloseable {
  final InMemoryAdapters adapters;
  final ChatCore core;
  final WebSettings settings;
  final ChatWeb web;
  private final Undertow undertow;
  final URI base;
  private final java.net.http.HttpClient http = WebClient.newHttpClient();

  private TestServer(
      InMemoryAdapters adapters,
      WebSettings settings,
      Clock clock,
      UnaryOperator<ChatCore.Builder> coreTweak) {
    this.adapters = adapters;
    this.core = coreTweak.apply(adapters.coreBuilderWithTestOnlyCrypto()).build();
    this.settings = settings;
    this.web =
        ChatWeb.create(
            core,
            settings,
            WebStores.from(adapters, WebStores.filesIn(settings.uploadDir())),
            clock);
    this.undertow =
        web.configure(Undertow.builder())
            .addHttpListener(0, "127.0.0.1")
            .setIoThreads(1)
            .setWorkerThreads(4)
            .setHandler(web.handler())
            .build();
    undertow.start();
    InetSocketAddress address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
    this.base = URI.create("http://127.0.0.1:" + address.getPort());
  }

  static TestServer start(Path uploads) {
    return start(uploads, s -> s, Clock.systemUTC());
  }

  static TestServer start(Path uploads, UnaryOperator<WebSettings> tweak, Clock clock) {
    return start(uploads, tweak, clock, UnaryOperator.identity());
  }

  /** A server whose core is built with {@code coreTweak} (its clock, its upload limits). */
  static TestServer start(
      Path uploads,
      UnaryOperator<WebSettings> tweak,
      Clock clock,
      UnaryOperator<ChatCore.Builder> coreTweak) {
    return new TestServer(
        InMemoryAdapters.create(), tweak.apply(WebSettings.defaults(uploads)), clock, coreTweak);
  }

  /**
   * A second server over the same stores as {@code other} (users, sessions, the throttles' memory,
   * spent invite codes, the upload directory): what another process on the same database would be.
   */
  static TestServer besides(TestServer other, Clock clock) {
    return new TestServer(other.adapters, other.settings, clock, UnaryOperator.identity());
  }

  WebClient client() {
    return new WebClient(base, http);
  }

  /** A new client, registered and signed in as {@code name} with a valid password. */
  WebClient signedIn(String name) {
    WebClient client = client();
    client.register(name, "correct horse " + name);
    return client;
  }

  @Override
  public void close() {
    undertow.stop();
    web.close();
  }
}
