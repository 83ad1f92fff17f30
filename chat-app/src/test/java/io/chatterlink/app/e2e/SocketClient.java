package io.chatterlink.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real-time client over {@code java.net.http.WebSocket}, authenticated by the session cookie of a
 * {@link Browserless} agent and sending its Origin, as a browser page does. Frames are kept in
 * arrival order; waiting for a reply or push skips (and keeps) the others.
 */
final class SocketClient implements AutoCloseable {
  private static final long WAIT_SECONDS = 20;
  private static final long POLL_MILLIS = 50;

  private final WebSocket socket;
  private final BlockingQueue<JsonNode> incoming;
  private final List<JsonNode> seen = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final CompletableFuture<Integer> closedWith;
  private JsonNode hello;

  private SocketClient(
      WebSocket socket, BlockingQueue<JsonNode> incoming, CompletableFuture<Integer> closedWith) {
    this.socket = socket;
    this.incoming = incoming;
    this.closedWith = closedWith;
  }

  /** Connects as the agent's signed-in user and waits for the server's hello. */
  static SocketClient connect(Browserless agent) {
    SocketClient client = open(agent, agent.origin()).join();
    client.hello();
    return client;
  }

  /**
   * Starts an upgrade with the agent's cookies and the given Origin; fails if it is refused. Never
   * blocks in the future's callback: that thread belongs to the HTTP client.
   */
  static CompletableFuture<SocketClient> open(Browserless agent, String origin) {
    BlockingQueue<JsonNode> incoming = new LinkedBlockingQueue<>();
    CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    URI uri = URI.create("ws://" + agent.base().getAuthority() + "/ws");
    WebSocket.Builder builder = agent.http().newWebSocketBuilder().header("Origin", origin);
    agent
        .cookie("chatterlink_session")
        .ifPresent(s -> builder.header("Cookie", "chatterlink_session=" + s));
    return builder
        .buildAsync(uri, new Listener(incoming, closedWith))
        .thenApply(ws -> new SocketClient(ws, incoming, closedWith));
  }

  /** The server's first frame, waiting for it the first time. */
  JsonNode hello() {
    if (hello == null) {
      hello = next(frame -> "hello".equals(frame.path("type").asText()));
    }
    return hello;
  }

  /** Sends a request and waits for its reply. */
  JsonNode request(String type, ObjectNode fields) {
    String id = Integer.toString(ids.incrementAndGet());
    ObjectNode frame = fields.deepCopy();
    frame.put("id", id).put("type", type);
    socket.sendText(frame.toString(), true).join();
    return next(f -> "reply".equals(f.path("type").asText()) && id.equals(f.path("id").asText()));
  }

  /** Sends a request without waiting for its reply; returns its id (see {@link #replyTo}). */
  String sendOnly(String type, ObjectNode fields) {
    String id = Integer.toString(ids.incrementAndGet());
    ObjectNode frame = fields.deepCopy();
    frame.put("id", id).put("type", type);
    socket.sendText(frame.toString(), true).join();
    return id;
  }

  /** The reply to the request with this id, waiting for it. */
  JsonNode replyTo(String id) {
    return next(f -> "reply".equals(f.path("type").asText()) && id.equals(f.path("id").asText()));
  }

  /** Sends {@code text} as it is, and waits for the next reply (whatever its id). */
  JsonNode sendRaw(String text) {
    socket.sendText(text, true).join();
    return next(f -> "reply".equals(f.path("type").asText()));
  }

  JsonNode request(String type) {
    return request(type, Browserless.JSON.createObjectNode());
  }

  /** The first frame, already received or still to come, that matches. */
  JsonNode next(Predicate<JsonNode> wanted) {
    for (int i = 0; i < seen.size(); i++) {
      if (wanted.test(seen.get(i))) {
        return seen.remove(i);
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    try {
      while (true) {
        JsonNode frame = incoming.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (frame == null && closedWith.isDone()) {
          throw new AssertionError(
              "the socket closed ("
                  + closedWith.handle((c, e) -> c != null ? c : e).join()
                  + ") before a matching frame; other frames: "
                  + seen);
        }
        if (frame == null && System.nanoTime() > deadline) {
          throw new AssertionError(
              "no matching frame within " + WAIT_SECONDS + " s; other frames: " + seen);
        }
        if (frame == null) {
          continue;
        }
        if (wanted.test(frame)) {
          return frame;
        }
        seen.add(frame);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every frame received and not yet taken by {@link #next}, those still queued included. */
  List<JsonNode> framesSoFar() {
    incoming.drainTo(seen);
    return List.copyOf(seen);
  }

  /** Subscribes to {@code room} after {@code afterSeq}; fails the test unless the reply is 200. */
  JsonNode subscribe(String room, long afterSeq) {
    JsonNode reply =
        request(
            "subscribe",
            Browserless.JSON.createObjectNode().put("room", room).put("afterSeq", afterSeq));
    if (reply.path("code").asInt() != 200) {
      throw new AssertionError("subscribe: " + reply);
    }
    return reply;
  }

  /**
   * Sends {@code text} to {@code room} under a fresh {@code clientMessageId}; returns the reply.
   */
  JsonNode send(String room, String text) {
    return request(
        "send",
        Browserless.JSON
            .createObjectNode()
            .put("room", room)
            .put("clientMessageId", "c-" + java.util.UUID.randomUUID())
            .put("text", text));
  }

  /** A push of this type about this room. */
  JsonNode push(String type, String room) {
    return next(f -> type.equals(f.path("type").asText()) && room.equals(f.path("room").asText()));
  }

  /** The {@code message} push of this room whose text is {@code text}. */
  JsonNode message(String room, String text) {
    return next(
        f ->
            "message".equals(f.path("type").asText())
                && room.equals(f.path("room").asText())
                && text.equals(f.path("message").path("text").asText()));
  }

  /** The close code the server sent, waiting for it. */
  int closeCode() {
    return closedWith.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
    }
    socket.abort();
  }

  /** Collects text frames as JSON, whole messages only. */
  private static final class Listener implements WebSocket.Listener {
    private final BlockingQueue<JsonNode> incoming;
    private final CompletableFuture<Integer> closedWith;
    private final StringBuilder partial = new StringBuilder();

    Listener(BlockingQueue<JsonNode> incoming, CompletableFuture<Integer> closedWith) {
      this.incoming = incoming;
      this.closedWith = closedWith;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          incoming.add(Browserless.JSON.readTree(partial.toString()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closedWith.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closedWith.completeExceptionally(
          error instanceof CompletionException ? error.getCause() : error);
    }
  }
}
