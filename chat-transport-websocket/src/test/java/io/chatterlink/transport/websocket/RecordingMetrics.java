package io.chatterlink.transport.websocket;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records every report of the transport, for tests; thread-safe like the real ones must be. */
public final class RecordingMetrics implements TransportMetrics {
  /** One {@link #requestHandled} report. */
  public record Request(String type, long nanos, int code) {}

  public final AtomicInteger opened = new AtomicInteger();
  public final AtomicInteger closed = new AtomicInteger();
  public final AtomicInteger slowConsumersDropped = new AtomicInteger();
  public final AtomicInteger rateLimited = new AtomicInteger();
  public final List<Request> requests = new CopyOnWriteArrayList<>();

  @Override
  public void connectionOpened() {
    opened.incrementAndGet();
  }

  @Override
  public void connectionClosed() {
    closed.incrementAndGet();
  }

  @Override
  public void requestHandled(String type, long nanos, int code) {
    requests.add(new Request(type, nanos, code));
  }

  @Override
  public void slowConsumerDropped() {
    slowConsumersDropped.incrementAndGet();
  }

  @Override
  public void rateLimited() {
    rateLimited.incrementAndGet();
  }
}
