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
import io.chatterlink.transport.websocket.internal.connection.OrderedAnswers;
import io.chatterlink.transport.websocket.internal.protocol.Reply;
import io.chatterlink.transport.websocket.internal.protocol.Request;
import io.chatterlink.transport.websocket.internal.protocol.RequestDecoder;
import io.chatterlink.transport.websocket.internal.protocol.RequestId;
import io.chatterlink.transport.websocket.internal.protocol.ServerFrames;
import java.util.Optional;
import java.util.concurrent.CompletionException;
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
   * Sends a connection keeps in flight at once. A further send waits (the socket is not read) until
   * one of them is answered; documented in docs/protocol.md.
   */
  public static final int MAX_SENDS_IN_FLIGHT = 32;

  /**
   * Longest wait of a request for the answers before it (a send for a place in the pipeline, any
   * other request for every earlier send). Stores answer or fail far sooner; this only keeps a
   * wedged store from holding the socket's reader for ever.
   */
  static final long PIPELINE_WAIT_MILLIS = 60_000;

  /**
   * Handles a parsed request frame; every outcome, failures included, is one answer, given on
   * {@code ticket} so that answers keep the order of requests. A send is handed to the core and
   * answered when stored, while later frames are read (pipelined); any other request first waits
   * for the sends before it, so it sees what they stored. Reports the request to the metrics once
   * its answer is given, then runs {@code done}.
   *
   * @param readAtNanos {@link System#nanoTime()} when the transport read the frame
   */
  public void handle(
      OrderedAnswers.Ticket ticket,
      RequestId id,
      ObjectNode frame,
      long readAtNanos,
      Runnable done) {
    String type = RequestDecoder.reportableType(frame);
    boolean answeredLater = false;
    int code = OK;
    try {
      Request request = RequestDecoder.decode(frame);
      if (request instanceof Request.Send) {
        // this send's own ticket is open too, hence the + 1
        connection.awaitAtMostUnanswered(MAX_SENDS_IN_FLIGHT + 1, PIPELINE_WAIT_MILLIS);
        sendPipelined(ticket, id, (Request.Send) request, type, readAtNanos, done);
        answeredLater = true;
        return;
      }
      connection.awaitAtMostUnanswered(1, PIPELINE_WAIT_MILLIS);
      dispatch(ticket, id, request);
    } catch (RuntimeException e) {
      code = answerFailure(ticket, id, type, e);
    } finally {
      if (!answeredLater) {
        metrics.requestHandled(type, System.nanoTime() - readAtNanos, code);
        done.run();
      }
    }
  }

  private void sendPipelined(
      OrderedAnswers.Ticket ticket,
      RequestId id,
      Request.Send send,
      String type,
      long readAtNanos,
      Runnable done) {
    core.messages()
        .sendAsync(
            new SendMessages.SendMessage(
                actor,
                send.room(),
                send.clientMessageId(),
                send.text(),
                send.attachments(),
                send.replyTo()))
        .whenComplete(
            (result, failure) -> {
              int code = OK;
              try {
                if (failure == null) {
                  connection.reply(ticket, ServerFrames.reply(id, new Reply.Sent(result)));
                } else {
                  code = answerFailure(ticket, id, type, unwrapped(failure));
                }
              } finally {
                metrics.requestHandled(type, System.nanoTime() - readAtNanos, code);
                done.run();
              }
            });
  }

  /** Answers a failed request; returns the status it reports. */
  private int answerFailure(OrderedAnswers.Ticket ticket, RequestId id, String type, Throwable e) {
    if (e instanceof ChatException) {
      connection.reply(ticket, ServerFrames.error(id, (ChatException) e));
      return ((ChatException) e).code().httpStatus();
    }
    LOG.error("request of type {} on connection {} failed", type, connection.id(), e);
    connection.reply(
        ticket, ServerFrames.error(Optional.of(id), ErrorCode.INTERNAL, "internal error"));
    return ErrorCode.INTERNAL.httpStatus();
  }

  private static Throwable unwrapped(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private void dispatch(OrderedAnswers.Ticket ticket, RequestId id, Request request) {
    if (request instanceof Request.Subscribe) {
      subscribe(ticket, id, (Request.Subscribe) request);
    } else if (request instanceof Request.Unsubscribe) {
      unsubscribe(ticket, (Request.Unsubscribe) request, id);
    } else {
      connection.reply(ticket, ServerFrames.reply(id, answer(request)));
    }
  }

  /** The reply of a request answered at once. */
  private Reply answer(Request request) {
    if (request instanceof Request.Ping) {
      return Reply.EMPTY;
    } else if (request instanceof Request.Rooms) {
      return new Reply.Rooms(core.rooms().myRooms(actor));
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
  private void subscribe(OrderedAnswers.Ticket ticket, RequestId id, Request.Subscribe subscribe) {
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
    connection.subscribe(ticket, subscribe.room(), subscribe.afterSeq(), id);
  }

  /** A member may unsubscribe whether subscribed or not; anyone else gets 404, as everywhere. */
  private void unsubscribe(
      OrderedAnswers.Ticket ticket, Request.Unsubscribe unsubscribe, RequestId id) {
    if (core.rooms().room(actor, unsubscribe.room()).role().isEmpty()) {
      throw new NotFoundException("no such room"); // a public room the actor is not in
    }
    connection.unsubscribe(ticket, unsubscribe.room(), ServerFrames.reply(id, Reply.EMPTY));
  }
}
