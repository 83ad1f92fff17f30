package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow, stalled and greedy clients on raw loopback sockets: none of them may hold the threads that
 * other people's requests need, and each is cut off after a documented time. Every wait here is a
 * generous upper bound on a socket read, never a measurement.
 */
class SlowClientTest {
  private static final int SOCKET_TIMEOUT_MS = 15_000;

  @TempDir Path uploads;
  private final List<Socket> sockets = new ArrayList<>();
  private TestServer server;

  @AfterEach
  void closeEverything() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private void start(UnaryOperator<RequestLimits> limits) {
    server =
        TestServer.start(
            uploads, s -> s.withRequestLimits(limits.apply(s.requestLimits())), Clock.systemUTC());
  }

  @Test
  void halfSentLoginBodiesHoldNoThreadAndOthersAreStillAnswered() throws IOException {
    // Two endpoint threads, 16 stalled bodies: before, each body held a thread until it closed.
    start(l -> l.withPools(2, 1, 256).withTimeouts(secs(30), secs(60), secs(30)));
    for (int i = 0; i < 16; i++) {
      stalledLogin();
    }

    WebClient other = server.client();
    assertThat(other.get("/api/config").status()).isEqualTo(200);
    assertThat(server.signedIn("alice").get("/api/me").status()).isEqualTo(200);
  }

  @Test
  void aBodyThatStallsIsAnswered408AndTheConnectionClosed() throws IOException {
    start(l -> l.withTimeouts(secs(30), secs(60), Duration.ofMillis(500)));
    Socket socket = stalledLogin();

    String answer = readUntilClosed(socket);

    assertThat(answer).startsWith("HTTP/1.1 408 ").contains("\"request_timeout\"");
  }

  @Test
  void headersThatCrawlInAreCutAfterTheParseTimeout() throws IOException {
    start(l -> l.withTimeouts(Duration.ofMillis(500), secs(60), secs(30)));
    Socket socket = open();
    socket.getOutputStream().write("GET /api/config HTTP/1.1\r\nHost: x\r\n".getBytes(ASCII));

    assertThat(readUntilClosed(socket)).doesNotContain("200 OK");
  }

  @Test
  void anIdleKeptAliveConnectionIsClosed() throws IOException {
    start(l -> l.withTimeouts(secs(30), Duration.ofMillis(500), secs(30)));
    Socket socket = open();

    assertThat(readUntilClosed(socket)).isEmpty();
  }

  @Test
  void oneAddressGetsAtMostItsCapOfRequestsInProgress() throws IOException {
    start(l -> l.withMaxRequestsPerAddress(3).withTimeouts(secs(30), secs(60), secs(30)));
    List<Socket> stalled = List.of(stalledLogin(), stalledLogin(), stalledLogin());

    WebClient.Reply refused = server.client().get("/api/config");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isPresent();
    assertThat(refused.error()).isEqualTo("rate_limited");

    for (Socket socket : stalled) {
      socket.close();
    }
    assertThat(eventually(() -> server.client().get("/api/config").status())).isEqualTo(200);
  }

  @Test
  void anUploadThatStopsSendingIsCutAfterTheIdleTimeout() throws IOException {
    start(l -> l.withUploadPace(Duration.ofMillis(500), 1, secs(60)));
    WebClient alice = server.signedIn("alice");
    String room = alice.createRoom("pictures", "public").get("id").asText();
    Socket socket = open();
    StringBuilder request =
        new StringBuilder("POST /api/rooms/" + room + "/attachments?name=a.png HTTP/1.1\r\n")
            .append("Host: 127.0.0.1\r\nContent-Type: image/png\r\nContent-Length: 5000\r\n");
    for (Map.Entry<String, String> header : alice.authHeaders().entrySet()) {
      request.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    OutputStream out = socket.getOutputStream();
    out.write(request.append("\r\n").toString().getBytes(ASCII));
    out.write(Media.png(), 0, 40);
    out.flush();

    // The read timeout closes the connection at once: the client is not reading either.
    assertThat(readUntilClosed(socket)).doesNotContain("201");
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(uploads)) {
      assertThat(files.filter(java.nio.file.Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void anUploadBelowTheMinimumPaceIsRefused() {
    byte[] body = new byte[100];
    // A pace no body can keep, checked from the first read on.
    InputStream crawling =
        new PacedInputStream(new ByteArrayInputStream(body), Long.MAX_VALUE / 1_000_000_000L, 0);
    InputStream steady = new PacedInputStream(new ByteArrayInputStream(body), 1, Long.MAX_VALUE);

    assertThatThrownBy(() -> crawling.read(new byte[10]))
        .isInstanceOf(PacedInputStream.BodyTooSlowException.class);
    assertThat(
            ErrorResponses.tooSlow(
                new java.io.UncheckedIOException(
                    new PacedInputStream.BodyTooSlowException("slow"))))
        .isTrue();
    assertThat(readAll(steady)).hasSize(100);
  }

  private Socket stalledLogin() throws IOException {
    Socket socket = open();
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{")
            .getBytes(ASCII));
    out.flush();
    return socket;
  }

  private Socket open() throws IOException {
    Socket socket = new Socket(server.base.getHost(), server.base.getPort());
    socket.setSoTimeout(SOCKET_TIMEOUT_MS);
    sockets.add(socket);
    return socket;
  }

  /** Everything the server sends until it closes the connection (or the socket timeout). */
  private static String readUntilClosed(Socket socket) throws IOException {
    return new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static <T> T eventually(java.util.function.Supplier<T> attempt) {
    for (int i = 0; ; i++) {
      T value = attempt.get();
      if (!(value instanceof Integer) || (Integer) value == 200 || i == 100) {
        return value;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return value;
      }
    }
  }

  private static Duration secs(int seconds) {
    return Duration.ofSeconds(seconds);
  }

  private static final java.nio.charset.Charset ASCII = StandardCharsets.US_ASCII;
}
