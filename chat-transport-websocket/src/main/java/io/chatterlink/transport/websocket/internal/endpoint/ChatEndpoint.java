package io.chatterlink.transport.websocket.internal.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.ChatCore;
import io.chatterlink.core.error.ErrorCode;
import io.chatterlink.transport.websocket.HandshakeRefusal;
import io.chatterlink.transport.websocket.TransportSettings;
import io.chatterlink.transport.websocket.internal.connection.Connection;
import io.chatterlink.transport.websocket.internal.connection.ConnectionLimiter;
import io.chatterlink.transport.websocket.internal.connection.FrameSink;
import io.chatterlink.transport.websocket.internal.connection.TokenBucket;
import io.chatterlink.transport.websocket.internal.connection.TransportRuntime;
import io.chatterlink.transport.websocket.internal.connection.TyrusFrameSink;
import io.chatterlink.transport.websocket.internal.handshake.HandshakeAuthentication.Identity;
import io.chatterlink.transport.websocket.internal.handshake.HandshakeConfigurator;
import io.chatterlink.transport.websocket.internal.hosting.OpeningSocket;
import io.chatterlink.transport.websocket.internal.hosting.SocketFrameSink;
import io.chatterlink.transport.websocket.internal.protocol.CloseCodes;
import io.chatterlink.transport.websocket.internal.protocol.Json;
import io.chatterlink.transport.websocket.internal.protocol.RequestId;
import io.chatterlink.transport.websocket.internal.protocol.RequestIds;
import io.chatterlink.transport.websocket.internal.protocol.ServerFrames;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One socket's endpoint: opens a connection for the user authenticated at the handshake, applies
 * the frame and rate limits, and hands each request to the core's use cases.
 *
 * <p>Public only because Tyrus invokes an endpoint class's lifecycle methods reflectively, which
 * fails for a package-private class. Not API: get it through {@link
 * WebSocketTransport#endpointConfig()}.
 */
public final class ChatEndpoint extends Endpoint {
  private static final Logger LOG = LoggerFactory.getLogger(ChatEndpoint.class);

  private final TransportRuntime runtime;
  private volatile Connection connection;
  private volatile ConnectionLimiter.Place place;

  public ChatEndpoint(TransportRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Opens the connection, or closes at once: with the refusal's own close code if the handshake
   * refused it in a container that could not say so before the upgrade ({@link
   * HandshakeRefusal#closeCode()}), 1001 when shutting down, 1013 if its place under the socket
   * caps was given back before it opened, 1011 if the handshake never went through the
   * configurator.
   */
  @Override
  public void onOpen(Session session, EndpointConfig config) {
    Object refused = config.getUserProperties().get(HandshakeConfigurator.REFUSAL);
    Object identified = config.getUserProperties().get(HandshakeConfigurator.IDENTITY);
    Object placed = config.getUserProperties().get(HandshakeConfigurator.PLACE);
    place = placed instanceof ConnectionLimiter.Place ? (ConnectionLimiter.Place) placed : null;
    Optional<ChatCore> maybeCore = runtime.core();
    if (refused instanceof HandshakeRefusal || !(identified instanceof Identity)) {
      releasePlace();
      closeQuietly(
          session,
          refused instanceof HandshakeRefusal
              ? CloseCodes.refused((HandshakeRefusal) refused)
              : CloseCodes.INTERNAL);
      return;
    }
    if (maybeCore.isEmpty() || runtime.shuttingDown()) {
      releasePlace();
      closeQuietly(session, CloseCodes.SHUTTING_DOWN);
      return;
    }
    if (place == null || !place.claim()) {
      closeQuietly(session, CloseCodes.TOO_MANY_CONNECTIONS);
      return;
    }
    TokenBucket budget = place.budget();
    ConnectionLimiter.Place claimed = place;
    Identity identity = (Identity) identified;
    ChatCore core = maybeCore.get();
    TransportSettings settings = runtime.settings();
    session.setMaxTextMessageBufferSize(settings.maxFrameBytes());
    session.setMaxBinaryMessageBufferSize(settings.maxFrameBytes());
    // Idleness is ours to judge, with pings (Heartbeat). Negative rather than 0: with 0, Tyrus
    // still schedules an (empty) idle-timeout task on every frame sent and received.
    session.setMaxIdleTimeout(-1);
    FrameSink sink =
        OpeningSocket.writer()
            .<FrameSink>map(SocketFrameSink::new)
            .orElseGet(() -> new TyrusFrameSink(session));
    Connection c =
        new Connection(
            UUID.randomUUID().toString(),
            identity.user().id(),
            identity.revocation(),
            session,
            sink,
            core.history(),
            runtime.outbound(),
            runtime.closer(),
            settings,
            runtime.metrics(),
            gone -> {
              // Reported first, so that whoever sees the registry empty also sees it counted.
              runtime.metrics().connectionClosed();
              runtime.registry().remove(gone);
              claimed.release();
              // Off the closing thread: going offline stores "last seen", and a slow or locked
              // database must never hold up a close frame (a stuck commit made sockets end 1006).
              try {
                runtime
                    .closer()
                    .execute(() -> core.presence().disconnected(gone.user(), gone.id()));
              } catch (RejectedExecutionException stopping) {
                LOG.debug("transport stopped; presence of {} ends with the server", gone.id());
              }
            });
    connection = c;
    RequestHandler handler = new RequestHandler(core, c, runtime.metrics());
    session.addMessageHandler(String.class, text -> onText(c, handler, budget, text));
    session.addMessageHandler(ByteBuffer.class, bytes -> onBinary(c, budget));
    session.addMessageHandler(PongMessage.class, pong -> c.heard());
    // Registered before the rooms are read, so that no membership change falls in between.
    runtime.registry().add(c);
    runtime.metrics().connectionOpened();
    core.presence().connected(c.user(), c.id());
    c.start(ServerFrames.hello(c.id(), identity.user(), core.rooms().myRooms(c.user()), settings));
  }

  /** Forgets the connection (registry, presence, its place under the caps). */
  @Override
  public void onClose(Session session, CloseReason reason) {
    Connection c = connection;
    if (c != null) {
      c.closed();
    }
    releasePlace();
  }

  private void releasePlace() {
    ConnectionLimiter.Place p = place;
    if (p != null) {
      p.release();
    }
  }

  /** Logs transport errors; Tyrus closes the socket itself when needed. */
  @Override
  public void onError(Session session, Throwable error) {
    Connection c = connection;
    LOG.debug("WebSocket error on connection {}", c == null ? "(not open)" : c.id(), error);
  }

  private void onText(Connection c, RequestHandler handler, TokenBucket budget, String text) {
    long readAtNanos = System.nanoTime();
    c.heard();
    if (tooBig(text, runtime.settings().maxFrameBytes())) {
      c.closeNow(CloseCodes.TOO_BIG);
      return;
    }
    runtime.inFlightRequests().incrementAndGet();
    boolean handedOver = false;
    try {
      Optional<ObjectNode> request = Json.parseObject(text);
      Optional<RequestId> id;
      String refusal = null;
      if (request.isEmpty()) {
        id = RequestIds.recover(text);
        refusal = "frame is not one JSON object within the JSON policy";
      } else {
        id = RequestId.of(request.get().get("id"));
        if (id.isEmpty()) {
          refusal = RequestId.RULE;
        }
      }
      // Every frame spends the budget, readable or not: a flood of junk is throttled too.
      if (!withinBudget(c, budget, id)) {
        return;
      }
      if (refusal != null) {
        c.reply(ServerFrames.error(id, ErrorCode.INVALID_INPUT, refusal));
        return;
      }
      if (runtime.shuttingDown()) {
        c.reply(ServerFrames.error(id, ErrorCode.UNAVAILABLE, "server shutting down"));
        return;
      }
      // From here the handler ends the request, perhaps later (a pipelined send): it counts as in
      // flight, for the graceful shutdown, until then.
      handedOver = true;
      handler.handle(
          c.requestStarted(id.get()),
          id.get(),
          request.get(),
          readAtNanos,
          runtime.inFlightRequests()::decrementAndGet);
    } finally {
      if (!handedOver) {
        runtime.inFlightRequests().decrementAndGet();
      }
    }
  }

  /** Takes one request from the budget; when empty, answers 429 and closes persistent abusers. */
  private boolean withinBudget(Connection c, TokenBucket budget, Optional<RequestId> id) {
    if (budget.tryTake()) {
      return true;
    }
    runtime.metrics().rateLimited();
    c.reply(ServerFrames.error(id, ErrorCode.RATE_LIMITED, "too many requests; slow down"));
    if (budget.consecutiveRefusals() >= runtime.settings().maxRateViolations()) {
      c.closeAfterPending(CloseCodes.RATE_ABUSE);
    }
    return false;
  }

  private void onBinary(Connection c, TokenBucket budget) {
    c.heard();
    if (withinBudget(c, budget, Optional.empty())) {
      c.reply(
          ServerFrames.error(
              Optional.empty(), ErrorCode.INVALID_INPUT, "binary frames are not supported"));
    }
  }

  private static boolean tooBig(String text, int maxBytes) {
    // UTF-8 takes one to three bytes per UTF-16 unit, so most frames are decided without counting.
    if ((long) text.length() * 3 <= maxBytes) {
      return false;
    }
    if (text.length() > maxBytes) {
      return true;
    }
    return text.getBytes(StandardCharsets.UTF_8).length > maxBytes;
  }

  private static void closeQuietly(Session session, CloseReason reason) {
    try {
      session.close(reason);
    } catch (IOException e) {
      LOG.debug("closing a refused socket failed", e);
    }
  }
}
