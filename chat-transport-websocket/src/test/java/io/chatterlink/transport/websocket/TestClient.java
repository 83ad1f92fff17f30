package io.chatterlink.transport.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A real WebSocket client (the JDK's) that records every frame it receives, in order. */
final class TestClient implements WebSocket.Listener, AutoCloseable {
  static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final List<JsonNode> frames = new ArrayList<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final AtomicInteger ids = new AtomicInteger();
  private final boolean reads;
  private WebSocket socket;

  private TestClient(boolean reads) {
    this.reads = reads;
  }

  /** Opens a socket with these handshake headers; fails as the handshake fails. */
  static CompletableFuture<TestClient> open(
      URI uri, Optional<String> cookie, Optional<String> origin, boolean reads) {
    TestClient client = new TestClient(reads);
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(PATIENCE);
    cookie.ifPresent(c -> builder.header("Cookie", c));
    origin.ifPresent(o -> builder.header("Origin", o));
    return builder
        .buildAsync(uri, client)
        .orTimeout(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(
            ws -> {
              client.socket = ws;
              return client;
            });
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    if (reads) {
      webSocket.request(1);
    }
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      JsonNode frame = parse(partial.toString());
      partial.setLength(0);
      synchronized (frames) {
        frames.add(frame);
        frames.notifyAll();
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeCode.complete(statusCode);
    synchronized (frames) {
      frames.notifyAll();
    }
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closeCode.complete(-1);
  }

  /** Sends raw text as one frame. */
  void sendRaw(String text) {
    socket.sendText(text, true).join();
  }

  /** Sends a request (a JSON object without id) and waits for its reply. */
  JsonNode request(String jsonWithoutId) {
    String id = sendRequest(jsonWithoutId);
    return awaitReply(id);
  }

  /** Sends a request and returns its id without waiting. */
  String sendRequest(String jsonWithoutId) {
    String id = "r" + ids.incrementAndGet();
    String body = jsonWithoutId.trim();
    sendRaw("{\"id\":\"" + id + "\"," + body.substring(1));
    return id;
  }

  JsonNode awaitReply(String id) {
    return await(f -> "reply".equals(f.path("type").asText()) && id.equals(f.path("id").asText()));
  }

  /** The first frame matching, waiting for it. */
  JsonNode await(Predicate<JsonNode> wanted) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    synchronized (frames) {
      while (true) {
        for (JsonNode f : frames) {
          if (wanted.test(f)) {
            return f;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "no such frame within " + PATIENCE + "; got " + frames.size() + " frames");
        }
        try {
          frames.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  /** Waits until {@code count} frames match, and returns them in arrival order. */
  List<JsonNode> awaitCount(Predicate<JsonNode> wanted, int count) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    synchronized (frames) {
      while (true) {
        List<JsonNode> matching = matching(wanted);
        if (matching.size() >= count) {
          return matching;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("expected " + count + " frames, got " + matching.size());
        }
        try {
          frames.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  List<JsonNode> matching(Predicate<JsonNode> wanted) {
    synchronized (frames) {
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode f : frames) {
        if (wanted.test(f)) {
          out.add(f);
        }
      }
      return out;
    }
  }

  static Predicate<JsonNode> ofType(String type) {
    return f -> type.equals(f.path("type").asText());
  }

  static Predicate<JsonNode> logEntriesOf(String room) {
    return f ->
        room.equals(f.path("room").asText())
            && List.of("message", "edit", "delete").contains(f.path("type").asText());
  }

  /** The close code the server sent, waiting for it. */
  int awaitCloseCode() {
    return closeCode.orTimeout(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).join();
  }

  boolean isClosed() {
    return closeCode.isDone();
  }

  @Override
  public void close() {
    if (socket != null && !socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    if (socket != null) {
      socket.abort();
    }
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError("server sent invalid JSON", e);
    }
  }
}
