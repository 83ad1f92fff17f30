package com.example.chat.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A client socket, with the JDK's own WebSocket: the frames it received, and how it closed. */
final class Socket implements WebSocket.Listener, AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final WebSocket socket;

  private Socket(URI uri, Optional<String> bearerToken) {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    bearerToken.ifPresent(token -> builder.header("Authorization", "Bearer " + token));
    this.socket =
        builder.buildAsync(uri, this).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  static Socket open(int port, Optional<String> bearerToken) {
    return new Socket(URI.create("ws://127.0.0.1:" + port + "/chat/socket"), bearerToken);
  }

  void send(String json) {
    socket.sendText(json, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  /** The first frame received from now on that matches, skipping the others. */
  String await(Predicate<String> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<String> skipped = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      String frame = frames.poll(100, TimeUnit.MILLISECONDS);
      if (frame != null && wanted.test(frame)) {
        return frame;
      }
      if (frame != null) {
        skipped.add(frame);
      }
    }
    throw new AssertionError("no such frame within " + WAIT + "; received " + skipped);
  }

  /** The close code the server sent. */
  int awaitClose() {
    return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  /** Every frame received so far and not yet awaited. */
  List<String> received() {
    List<String> all = new ArrayList<>();
    frames.drainTo(all);
    return all;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frames.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  @Override
  public void close() {
    socket.abort();
  }
}
