package io.chatterlink.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A client that behaves as the protocol asks after losing its node: it reconnects to another node,
 * subscribes from the last seq it applied, and resends every message not yet acknowledged under the
 * same {@code clientMessageId}. It records what the protocol promises, for the test to check: each
 * push's seq is the previous one plus one (a gap or a repeat is a violation), and which sends were
 * acknowledged.
 */
final class ResilientClient implements AutoCloseable {
  private final Browserless agent;
  private final Supplier<List<URI>> liveNodes;
  private final String room;
  private final String name;
  private final Map<String, String> pending = new ConcurrentHashMap<>();
  private final Set<String> acked = ConcurrentHashMap.newKeySet();
  private final List<String> violations = new ArrayList<>();
  private final AtomicInteger nodeIndex;
  private final AtomicInteger reconnects = new AtomicInteger();
  private int counter;
  private long lastSeq;
  private WebSocket socket;
  private volatile boolean closed;

  ResilientClient(
      Browserless agent, Supplier<List<URI>> liveNodes, String room, String name, int firstNode) {
    this.agent = agent;
    this.liveNodes = liveNodes;
    this.room = room;
    this.name = name;
    this.nodeIndex = new AtomicInteger(firstNode);
    connect();
  }

  /** Sends one new message (if connected now; otherwise it is sent after the reconnect). */
  void sendNext() {
    String id;
    synchronized (this) {
      id = name + "-" + (++counter);
    }
    pending.put(id, "load " + id);
    send(id);
  }

  Set<String> acked() {
    return Set.copyOf(acked);
  }

  int pendingCount() {
    return pending.size();
  }

  synchronized long lastSeq() {
    return lastSeq;
  }

  synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  int reconnects() {
    return reconnects.get();
  }

  @Override
  public void close() {
    closed = true;
    WebSocket s;
    synchronized (this) {
      s = socket;
    }
    if (s != null) {
      s.abort();
    }
  }

  private void send(String clientMessageId) {
    String frame =
        Browserless.JSON
            .createObjectNode()
            .put("id", clientMessageId)
            .put("type", "send")
            .put("room", room)
            .put("clientMessageId", clientMessageId)
            .put("text", pending.getOrDefault(clientMessageId, ""))
            .toString();
    sendFrame(frame);
  }

  private synchronized void sendFrame(String frame) {
    if (socket == null) {
      return; // resent from pending once connected
    }
    try {
      socket.sendText(frame, true).join();
    } catch (RuntimeException e) {
      // the node is gone: the reconnect resends what is pending
    }
  }

  /** Connects to the next live node; on failure tries the next one until one answers. */
  private void connect() {
    while (!closed) {
      List<URI> nodes = liveNodes.get();
      URI node = nodes.get(Math.floorMod(nodeIndex.getAndIncrement(), nodes.size()));
      try {
        Browserless there = agent.at(node);
        WebSocket opened =
            there
                .http()
                .newWebSocketBuilder()
                .header("Origin", there.origin())
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://" + node.getAuthority() + "/ws"), new Listener())
                .join();
        synchronized (this) {
          socket = opened;
          sendFrame(
              Browserless.JSON
                  .createObjectNode()
                  .put("id", "subscribe")
                  .put("type", "subscribe")
                  .put("room", room)
                  .put("afterSeq", lastSeq)
                  .toString());
        }
        pending.keySet().forEach(this::send);
        return;
      } catch (RuntimeException e) {
        sleep(200);
      }
    }
  }

  private void onFrame(JsonNode frame) {
    String type = frame.path("type").asText();
    if ("message".equals(type) && room.equals(frame.path("room").asText())) {
      long seq = frame.path("seq").asLong();
      synchronized (this) {
        if (seq != lastSeq + 1) {
          violations.add((seq <= lastSeq ? "repeat " : "gap ") + lastSeq + " -> " + seq);
        }
        lastSeq = Math.max(lastSeq, seq);
      }
    } else if ("reply".equals(type) && frame.path("code").asInt() == 200) {
      String clientMessageId = frame.path("data").path("clientMessageId").asText("");
      if (!clientMessageId.isEmpty() && pending.remove(clientMessageId) != null) {
        acked.add(clientMessageId);
      }
    } else if ("reply".equals(type) && !"subscribe".equals(frame.path("id").asText())) {
      synchronized (this) {
        violations.add("refused: " + frame);
      }
    }
  }

  private void lost(WebSocket which) {
    synchronized (this) {
      if (socket != which) {
        return;
      }
      socket = null;
    }
    if (!closed) {
      reconnects.incrementAndGet();
      Thread reconnect = new Thread(this::connect, "reconnect-" + name);
      reconnect.setDaemon(true);
      reconnect.start();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whole text frames as JSON; a closed or broken socket reconnects. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          onFrame(Browserless.JSON.readTree(partial.toString()));
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
      lost(webSocket);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      lost(webSocket);
    }
  }
}
