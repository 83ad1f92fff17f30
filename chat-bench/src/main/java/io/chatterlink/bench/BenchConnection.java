package io.chatterlink.bench;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One client's {@code chatterlink.v1} socket: opened with the session cookie, ready once the
 * server's {@code hello} arrived. Requests carry a counter as id and may ask for their reply;
 * outgoing frames are queued and written one at a time, as the JDK's WebSocket requires.
 */
final class BenchConnection {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  /** The longest wait for hello or for the reply to a subscribe or history request. */
  static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);

  /** What the run wants to hear about; called on the HTTP client's threads. */
  interface Events {
    void message(String text);

    /** A reply nobody waited for that was not a success. */
    void failed(Inbound.Reply reply);

    void closed(int statusCode);

    void error(String kind, Throwable cause);
  }

  private final ObjectMapper json;
  private final Events events;
  private final Map<String, Consumer<Inbound.Reply>> awaiting = new ConcurrentHashMap<>();
  private final Queue<String> outgoing = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();
  private final AtomicLong nextId = new AtomicLong(1);
  private final CompletableFuture<Inbound.Hello> hello = new CompletableFuture<>();
  private volatile WebSocket socket;

  private BenchConnection(ObjectMapper json, Events events) {
    this.json = json;
    this.events = events;
  }

  /** Opens a socket presenting {@code cookieHeader}; completes with the connection on hello. */
  static CompletableFuture<BenchConnection> open(
      HttpClient http, URI endpoint, String cookieHeader, ObjectMapper json, Events events) {
    BenchConnection connection = new BenchConnection(json, events);
    return http.newWebSocketBuilder()
        .header("Cookie", cookieHeader)
        .connectTimeout(CONNECT_TIMEOUT)
        .buildAsync(endpoint, connection.new Listener())
        .thenCompose(ws -> connection.hello)
        .thenApply(h -> connection)
        .orTimeout(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The hello this connection received. */
  Inbound.Hello hello() {
    return hello.join();
  }

  /** Subscribes to live messages of {@code roomId} after {@code afterSeq}; completes on reply. */
  CompletableFuture<Inbound.Reply> subscribe(String roomId, long afterSeq) {
    return request(
        "{\"type\":\"subscribe\",\"room\":" + quote(roomId) + ",\"afterSeq\":" + afterSeq);
  }

  /** Loads the newest {@code limit} messages of {@code roomId}; completes on reply. */
  CompletableFuture<Inbound.Reply> latestHistory(String roomId, int limit) {
    return request(
        "{\"type\":\"history\",\"room\":"
            + quote(roomId)
            + ",\"direction\":\"latest\",\"limit\":"
            + limit);
  }

  /** Posts {@code text}; the ack, when it is not a success, goes to {@code onFailure}. */
  void send(String roomId, String clientMessageId, String text, Consumer<Inbound.Reply> onFailure) {
    String id = Long.toString(nextId.getAndIncrement());
    awaiting.put(
        id,
        reply -> {
          if (!reply.ok()) {
            onFailure.accept(reply);
          }
        });
    write(
        "{\"id\":\""
            + id
            + "\",\"type\":\"send\",\"room\":"
            + quote(roomId)
            + ",\"clientMessageId\":"
            + quote(clientMessageId)
            + ",\"text\":"
            + quote(text)
            + "}");
  }

  /** Closes normally; a second call does nothing more. */
  void close() {
    WebSocket ws = socket;
    if (ws != null && !ws.isOutputClosed()) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bench done").exceptionally(e -> null);
    }
  }

  private CompletableFuture<Inbound.Reply> request(String frameWithoutIdAndEnd) {
    String id = Long.toString(nextId.getAndIncrement());
    CompletableFuture<Inbound.Reply> reply = new CompletableFuture<>();
    awaiting.put(id, reply::complete);
    write("{\"id\":\"" + id + "\"," + frameWithoutIdAndEnd.substring(1) + "}");
    return reply.orTimeout(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void write(String frame) {
    outgoing.add(frame);
    drain();
  }

  /**
   * Writes queued frames one at a time; loops instead of recursing when a write completes at once.
   */
  private void drain() {
    while (writing.compareAndSet(false, true)) {
      String frame = outgoing.poll();
      if (frame == null) {
        writing.set(false);
        if (outgoing.isEmpty()) {
          return;
        }
        continue;
      }
      CompletableFuture<WebSocket> sent = socket.sendText(frame, true);
      if (!sent.isDone()) {
        sent.whenComplete(
            (ws, e) -> {
              writeDone(e);
              drain();
            });
        return;
      }
      writeDone(sent.handle((ws, e) -> e).join());
    }
  }

  private void writeDone(Throwable failure) {
    writing.set(false);
    if (failure != null) {
      events.error("socket_error", failure);
    }
  }

  private static String quote(String value) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
  }

  private void receive(String frame) {
    Inbound inbound;
    try {
      inbound = Inbound.parse(json, frame);
    } catch (IOException e) {
      events.error("bad_frame", e);
      return;
    }
    if (inbound instanceof Inbound.MessagePush) {
      events.message(((Inbound.MessagePush) inbound).text());
    } else if (inbound instanceof Inbound.Reply) {
      Inbound.Reply reply = (Inbound.Reply) inbound;
      Consumer<Inbound.Reply> waiter = awaiting.remove(reply.id());
      if (waiter != null) {
        waiter.accept(reply);
      } else if (!reply.ok()) {
        events.failed(reply);
      }
    } else if (inbound instanceof Inbound.Hello) {
      hello.complete((Inbound.Hello) inbound);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public void onOpen(WebSocket webSocket) {
      socket = webSocket;
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      if (last && partial.length() == 0) {
        receive(data.toString());
      } else {
        partial.append(data);
        if (last) {
          receive(partial.toString());
          partial.setLength(0);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      hello.completeExceptionally(new IOException("closed " + statusCode + " before hello"));
      events.closed(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      hello.completeExceptionally(error);
      events.error("socket_error", error);
    }
  }
}
