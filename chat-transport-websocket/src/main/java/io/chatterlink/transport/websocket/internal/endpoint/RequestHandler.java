package io.chatterlink.transport.websocket.internal.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.ChatCore;
import io.chatterlink.core.error.ChatException;
import io.chatterlink.core.error.ErrorCode;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.SendMessages;
import io.chatterlink.transport.websocket.TransportMetrics;
import io.chatterlink.transport.websocket.internal.connection.Connection;
import io.chatterlink.transport.websocket.internal.protocol.Reply;
import io.chatterlink.transport.websocket.internal.protocol.Request;
import io.chatterlink.transport.websocket.internal.protocol.RequestDecoder;
import io.chatterlink.transport.websocket.internal.protocol.RequestId;
import io.chatterlink.transport.websocket.internal.protocol.ServerFrames;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one request frame ({@link RequestDecoder}), calls the use case its {@link Request} names
 * and answers with the {@link Reply} that {@link ServerFrames} writes. No chat logic: the core
 * authorises and validates; the acting user always comes from the session, never from the frame.
 */
public final class RequestHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

  private static final int OK = 200;

  private final ChatCore core;
  private final Connection connection;
  private final TransportMetrics metrics;
  private final UserId actor;

  public RequestHandler(ChatCore core, Connection connection, TransportMetrics metrics) {
    this.core = core;
    this.connection = connection;
    this.metrics = metrics;
    this.actor = connection.user();
  }

  /**
   * Handles a parsed request frame; every outcome, failures included, is one reply. Reports the
   * request to the metrics once its reply is queued.
   *
   * @param readAtNanos {@link System#nanoTime()} when the transport read the frame
   */
  public void handle(RequestId id, ObjectNode frame, long readAtNanos) {
    String type = "unknown";
    int code = OK;
    try {
      type = RequestDecoder.reportableType(frame);
      dispatch(id, RequestDecoder.decode(frame));
    } catch (ChatException e) {
      code = e.code().httpStatus();
      connection.reply(ServerFrames.error(id, e));
    } catch (RuntimeException e) {
      code = ErrorCode.INTERNAL.httpStatus();
      LOG.error("request of type {} on connection {} failed", type, connection.id(), e);
      connection.reply(ServerFrames.error(Optional.of(id), ErrorCode.INTERNAL, "internal error"));
    }
    metrics.requestHandled(type, System.nanoTime() - readAtNanos, code);
  }

  private void dispatch(RequestId id, Request request) {
    if (request instanceof Request.Subscribe) {
      subscribe(id, (Request.Subscribe) request);
    } else if (request instanceof Request.Unsubscribe) {
      unsubscribe(id, (Request.Unsubscribe) request);
    } else {
      connection.reply(ServerFrames.reply(id, answer(request)));
    }
  }

  /** The reply of a request answered at once. */
  private Reply answer(Request request) {
    if (request instanceof Request.Ping) {
      return Reply.EMPTY;
    } else if (request instanceof Request.Rooms) {
      return new Reply.Rooms(core.rooms().myRooms(actor));
    } else if (request instanceof Request.Send) {
      Request.Send send = (Request.Send) request;
      return new Reply.Sent(
          core.messages()
              .send(
                  new SendMessages.SendMessage(
                      actor,
                      send.room(),
                      send.clientMessageId(),
                      send.text(),
                      send.attachments(),
                      send.replyTo())));
    } else if (request instanceof Request.Edit) {
      Request.Edit edit = (Request.Edit) request;
      return new Reply.Edited(
          core.messages().edit(new SendMessages.EditMessage(actor, edit.messageId(), edit.text())));
    } else if (request instanceof Request.Delete) {
      core.messages()
          .delete(new SendMessages.DeleteMessage(actor, ((Request.Delete) request).messageId()));
      return Reply.EMPTY;
    } else if (request instanceof Request.History) {
      Request.History history = (Request.History) request;
      return new Reply.Page(core.history().page(actor, history.room(), history.page()));
    } else if (request instanceof Request.Typing) {
      Request.Typing typing = (Request.Typing) request;
      core.presence().typing(actor, typing.room(), typing.typing());
      return Reply.EMPTY;
    } else if (request instanceof Request.Read) {
      Request.Read read = (Request.Read) request;
      core.reading().markRead(actor, read.room(), read.seq());
      return Reply.EMPTY;
    } else if (request instanceof Request.SetPresence) {
      core.presence().setStatus(actor, ((Request.SetPresence) request).status());
      return Reply.EMPTY;
    } else if (request instanceof Request.QueryPresence) {
      Request.QueryPresence query = (Request.QueryPresence) request;
      return new Reply.Presence(query.room(), core.presence().presenceIn(actor, query.room()));
    }
    throw new AssertionError(request);
  }

  /** Answered by the connection's pump, after the replay: see {@link RoomCursors}. */
  private void subscribe(RequestId id, Request.Subscribe subscribe) {
    // fails fast (404) for a room the actor is not in
    long lastSeq = core.rooms().room(actor, subscribe.room()).lastSeq();
    if (subscribe.afterSeq() > lastSeq) {
      // A seq the room never reached (another room's, or a stale client's) would silently hide
      // every new entry up to it: refuse it and name the seq to resume from.
      throw new InvalidInputException(
          "field 'afterSeq' ("
              + subscribe.afterSeq()
              + ") is beyond the room's end: its last seq is "
              + lastSeq);
    }
    connection.subscribe(subscribe.room(), subscribe.afterSeq(), id);
  }

  /** A member may unsubscribe whether subscribed or not; anyone else gets 404, as everywhere. */
  private void unsubscribe(RequestId id, Request.Unsubscribe unsubscribe) {
    if (core.rooms().room(actor, unsubscribe.room()).role().isEmpty()) {
      throw new NotFoundException("no such room"); // a public room the actor is not in
    }
    connection.unsubscribe(unsubscribe.room(), ServerFrames.reply(id, Reply.EMPTY));
  }
}
