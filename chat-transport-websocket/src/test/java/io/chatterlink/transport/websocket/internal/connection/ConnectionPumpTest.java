package io.chatterlink.transport.websocket.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;
import io.chatterlink.transport.websocket.RecordingMetrics;
import io.chatterlink.transport.websocket.Revocation;
import io.chatterlink.transport.websocket.TransportSettings;
import io.chatterlink.transport.websocket.internal.protocol.CloseCodes;
import io.chatterlink.transport.websocket.internal.protocol.OutboundFrame;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The outbound pump: order, hand-offs to the executor, and the queue bound. */
class ConnectionPumpTest {
  /** Runs tasks only when the test says so, and counts them. */
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

  private int tasksRun;
  private final List<String> sent = new ArrayList<>();
  private final ArrayDeque<SendHandler> unfinished = new ArrayDeque<>();
  private final List<CloseReason> closes = new ArrayList<>();
  private final RecordingMetrics metrics = new RecordingMetrics();
  private boolean completeInline = true;

  private Connection connection(int queueFrames) {
    Session session = session();
    return connection(queueFrames, session, new TyrusFrameSink(session));
  }

  private Connection connection(int queueFrames, Session session, FrameSink sink) {
    return new Connection(
        "c1",
        new UserId(UUID.randomUUID().toString()),
        new Revocation.ChatSession(new SessionId("s1")),
        session,
        sink,
        InMemoryAdapters.create().coreBuilderWithTestOnlyCrypto().build().history(),
        tasks::add,
        Runnable::run,
        TransportSettings.defaults().withOutboundQueueFrames(queueFrames),
        metrics,
        gone -> {});
  }

  private Session session() {
    RemoteEndpoint.Async async =
        (RemoteEndpoint.Async)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("sendText") && args.length == 2) {
                    sent.add((String) args[0]);
                    SendHandler handler = (SendHandler) args[1];
                    if (completeInline) {
                      handler.onResult(new SendResult());
                    } else {
                      unfinished.add(handler);
                    }
                    return null;
                  }
                  throw new AssertionError("unexpected call " + method);
                });
    return (Session)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Session.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getAsyncRemote")) {
                return async;
              }
              if (method.getName().equals("close") && args != null && args.length == 1) {
                closes.add((CloseReason) args[0]);
                return null;
              }
              throw new AssertionError("unexpected call " + method);
            });
  }

  private void runTasks() {
    while (!tasks.isEmpty()) {
      tasksRun++;
      tasks.poll().run();
    }
  }

  private static List<String> replies(int count) {
    return IntStream.range(0, count).mapToObj(i -> "{\"n\":" + i + "}").toList();
  }

  @Test
  void framesQueuedTogetherAreSentInOrderWithOneExecutorTaskPerTurnNotPerFrame() {
    Connection c = connection(1_000);
    List<String> frames = replies(2 * Connection.FRAMES_PER_TURN + 10);
    frames.forEach(c::reply);
    c.start("hello");
    runTasks();

    List<String> expected = new ArrayList<>(List.of("hello"));
    expected.addAll(frames);
    assertThat(sent).containsExactlyElementsOf(expected);
    int frameCount = expected.size();
    assertThat(tasksRun)
        .isEqualTo((frameCount + Connection.FRAMES_PER_TURN - 1) / Connection.FRAMES_PER_TURN);
  }

  @Test
  void aSendThatCompletesLaterHoldsTheNextFrameUntilItDoesAndOrderIsKept() {
    completeInline = false;
    Connection c = connection(1_000);
    c.start("hello");
    c.reply("a");
    c.reply("b");
    runTasks();
    assertThat(sent).containsExactly("hello");

    unfinished.poll().onResult(new SendResult());
    runTasks();
    assertThat(sent).containsExactly("hello", "a");

    completeInline = true;
    unfinished.poll().onResult(new SendResult());
    runTasks();
    assertThat(sent).containsExactly("hello", "a", "b");
    c.reply("c");
    runTasks();
    assertThat(sent).containsExactly("hello", "a", "b", "c");
  }

  @Test
  void aFailedSendClosesTheConnectionAndSendsNothingMore() {
    completeInline = false;
    Connection c = connection(1_000);
    c.start("hello");
    c.reply("a");
    runTasks();
    unfinished.poll().onResult(new SendResult(new IOException("reset")));
    runTasks();

    assertThat(c.isGone()).isTrue();
    assertThat(sent).containsExactly("hello");
    assertThat(closes).containsExactly(CloseCodes.INTERNAL);
  }

  @Test
  void aClientThatReadsNothingIsClosedWithTryAgainLaterWhenItsQueueOverflows() {
    completeInline = false;
    Connection c = connection(3);
    c.start("hello");
    runTasks();
    replies(4).forEach(c::reply);

    assertThat(c.isGone()).isTrue();
    assertThat(closes).containsExactly(CloseCodes.TOO_SLOW);
    assertThat(metrics.slowConsumersDropped.get()).isEqualTo(1);
  }

  @Test
  void framesWaitingTogetherGoToTheSinkAsOneBatchAndACloseWaitsForItsBatch() {
    List<List<String>> batches = new ArrayList<>();
    FrameSink recording =
        (frames, done) -> {
          batches.add(frames.stream().map(OutboundFrame::json).toList());
          done.onResult(new SendResult());
        };
    Connection c = connection(1_000, session(), recording);
    c.reply("a");
    c.reply("b");
    c.closeAfterPending(CloseCodes.RATE_ABUSE);
    c.reply("after the close");
    c.start("hello");
    runTasks();

    assertThat(batches).containsExactly(List.of("hello", "a", "b"));
    assertThat(closes).containsExactly(CloseCodes.RATE_ABUSE);
  }

  @Test
  void noBatchIsLargerThanOneTurn() {
    List<Integer> sizes = new ArrayList<>();
    FrameSink recording =
        (frames, done) -> {
          sizes.add(frames.size());
          done.onResult(new SendResult());
        };
    Connection c = connection(1_000, session(), recording);
    replies(Connection.FRAMES_PER_TURN + 1).forEach(c::reply);
    c.start("hello");
    runTasks();

    assertThat(sizes).containsExactly(Connection.FRAMES_PER_TURN, 2);
  }
}
