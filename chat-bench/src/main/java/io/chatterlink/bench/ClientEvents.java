package io.chatterlink.bench;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** What one client does with what its socket hears: count deliveries, drive its own closed loop. */
final class ClientEvents implements BenchConnection.Events {
  private final int index;
  private final Tally tally;
  private final LongSupplier clock;
  private final BooleanSupplier finished;
  private volatile Optional<Sender> sender = Optional.empty();

  ClientEvents(int index, Tally tally, LongSupplier clock, BooleanSupplier finished) {
    this.index = index;
    this.tally = tally;
    this.clock = clock;
    this.finished = finished;
  }

  /** This client sends too: its own echoes free its window slots. */
  void sender(Sender sender) {
    this.sender = Optional.of(sender);
  }

  @Override
  public void message(String text) {
    long now = clock.getAsLong();
    Optional<Payload> payload = Payload.decode(text);
    if (payload.isEmpty()) {
      tally.foreignDelivery();
      return;
    }
    Payload p = payload.get();
    tally.delivered(p.sentNanos(), now);
    if (p.sender() == index) {
      sender.ifPresent(s -> s.echoed(p.seq()));
    }
  }

  @Override
  public void failed(Inbound.Reply reply) {
    tally.error("reply_" + reply.code() + "_" + reply.error());
  }

  @Override
  public void closed(int statusCode) {
    if (!finished.getAsBoolean()) {
      tally.error("closed_" + statusCode);
    }
  }

  @Override
  public void error(String kind, Throwable cause) {
    if (!finished.getAsBoolean()) {
      tally.error(kind);
    }
  }
}
