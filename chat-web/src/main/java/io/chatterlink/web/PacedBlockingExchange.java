package io.chatterlink.web;

import io.undertow.io.BlockingReceiverImpl;
import io.undertow.io.BlockingSenderImpl;
import io.undertow.io.Receiver;
import io.undertow.io.Sender;
import io.undertow.io.UndertowInputStream;
import io.undertow.io.UndertowOutputStream;
import io.undertow.server.BlockingHttpExchange;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Undertow's blocking mode for an upload, except that the request body is a {@link
 * PacedInputStream}: an endpoint that reads {@code exchange.getInputStream()} gets the paced body
 * without knowing it. Streams are made on first use and kept, as Undertow's own default does.
 */
final class PacedBlockingExchange implements BlockingHttpExchange {
  private final HttpServerExchange exchange;
  private final long minBytesPerSecond;
  private final long graceNanos;
  private InputStream in;
  private OutputStream out;
  private Sender sender;
  private Receiver receiver;

  PacedBlockingExchange(HttpServerExchange exchange, long minBytesPerSecond, Duration grace) {
    this.exchange = exchange;
    this.minBytesPerSecond = minBytesPerSecond;
    this.graceNanos = grace.toNanos();
  }

  @Override
  public InputStream getInputStream() {
    if (in == null) {
      in = new PacedInputStream(new UndertowInputStream(exchange), minBytesPerSecond, graceNanos);
    }
    return in;
  }

  @Override
  public OutputStream getOutputStream() {
    if (out == null) {
      out = new UndertowOutputStream(exchange);
    }
    return out;
  }

  @Override
  public Sender getSender() {
    if (sender == null) {
      sender = new BlockingSenderImpl(exchange, getOutputStream());
    }
    return sender;
  }

  @Override
  public Receiver getReceiver() {
    if (receiver == null) {
      receiver = new BlockingReceiverImpl(exchange, getInputStream());
    }
    return receiver;
  }

  /**
   * Ends the exchange. Closing Undertow's input stream reads the rest of the body, which for a
   * refused or crawling upload would hold this thread at the client's pace; a connection that will
   * not be reused is closed after the response instead, so that read is skipped.
   */
  @Override
  public void close() throws IOException {
    try {
      if (exchange.isPersistent()) {
        getInputStream().close();
      }
    } finally {
      getOutputStream().close();
    }
  }
}
