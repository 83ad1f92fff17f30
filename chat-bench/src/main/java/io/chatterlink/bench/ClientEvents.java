package io.chatterlink.bench;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;

/**
 * What one client does with what its socket hears: count deliveries (as same-target or
 * cross-target, by the target of the client that sent the message), drive its own closed loop.
 */
final class ClientEvents implements BenchConnection.Events {
  private final int index;
  private final int target;
  private final IntUnaryOperator targetOfClient;
  private final Tally tally;
  private final LongSupplier clock;
  private final BooleanSupplier finished;
  private volatile Optional<Sender> sender = Optional.empty();

  /**
   * @param index this client
   * @param target the target this client is connected to
   * @param targetOfClient the target of any client (of a message's sender)
   */
  ClientEvents(
      int index,
      int target,
      IntUnaryOperator targetOfClient,
      Tally tally,
      LongSupplier clock,
      BooleanSupplier finished) {
    this.index = index;
    this.target = target;
    this.targetOfClient = targetOfClient;
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
    tally.delivered(p.sentNanos(), now, targetOfClient.applyAsInt(p.sender()) != target);
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
