package io.chatterlink.transport.websocket.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.event.TypingChanged;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;
import io.chatterlink.transport.websocket.RecordingMetrics;
import io.chatterlink.transport.websocket.Revocation;
import io.chatterlink.transport.websocket.TransportSettings;
import io.chatterlink.transport.websocket.internal.protocol.OutboundFrame;
import jakarta.websocket.SendResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** A fan-out hands its recipients' pumps to the outbound threads in a few tasks, not one each. */
class FanOutPumpsTest {
  private static final int THREADS = 2;

  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private final List<String> sentBy = new ArrayList<>();
  private final TypingChanged typing = new TypingChanged(new RoomId("r"), new UserId("x"), true);
  private Executor executor = tasks::add;
  private final ConnectionRegistry registry =
      new ConnectionRegistry(task -> executor.execute(task), THREADS);

  private Set<UserId> connected(int users) {
    Set<UserId> all = new HashSet<>();
    for (int i = 0; i < users; i++) {
      UserId user = new UserId("u" + i);
      Connection c = connection(user);
      registry.add(c);
      c.start("hello");
      all.add(user);
    }
    runTasks();
    sentBy.clear();
    return all;
  }

  private Connection connection(UserId user) {
    FrameSink sink =
        (frames, done) -> {
          frames.stream().map(OutboundFrame::json).forEach(f -> sentBy.add(user.value()));
          done.onResult(new SendResult());
        };
    return new Connection(
        "c-" + user.value(),
        user,
        new Revocation.ChatSession(new SessionId("s")),
        null,
        sink,
        InMemoryAdapters.create().coreBuilderWithTestOnlyCrypto().build().history(),
        task -> executor.execute(task),
        Runnable::run,
        TransportSettings.defaults(),
        new RecordingMetrics(),
        gone -> {});
  }

  private int runTasks() {
    int run = 0;
    while (!tasks.isEmpty()) {
      run++;
      tasks.poll().run();
    }
    return run;
  }

  @Test
  void aMessageToTwoHundredSocketsIsOneTaskPerOutboundThread() {
    Set<UserId> everyone = connected(200);

    registry.deliver(typing, everyone);

    assertThat(tasks).hasSize(THREADS);
    runTasks();
    assertThat(sentBy).hasSize(200).doesNotHaveDuplicates();
  }

  @Test
  void aDirectMessageIsOneTask() {
    Set<UserId> both = connected(2);

    registry.deliver(typing, both);

    assertThat(runTasks()).isEqualTo(1);
    assertThat(sentBy).containsExactlyInAnyOrder("u0", "u1");
  }

  @Test
  void connectionsWhosePumpIsAlreadyScheduledAreNotHandedOverAgain() {
    Set<UserId> everyone = connected(64);

    registry.deliver(typing, everyone);
    registry.deliver(typing, everyone);

    assertThat(runTasks()).as("the second event rides on the first event's turns").isEqualTo(2);
    assertThat(sentBy).hasSize(128);
  }

  @Test
  void whenTheExecutorStopsTheClaimsAreGivenBackAndLaterEventsStillGoOut() {
    Set<UserId> everyone = connected(40);
    executor =
        task -> {
          throw new RejectedExecutionException("stopping");
        };
    registry.deliver(typing, everyone);

    executor = tasks::add;
    registry.deliver(typing, everyone);
    runTasks();

    assertThat(sentBy).as("both events, on the turn the second one got").hasSize(80);
  }
}
