package io.chatterlink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.event.MessagePosted;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.SendMessages;
import io.chatterlink.core.port.in.SendMessages.SendResult;
import io.chatterlink.testkit.inmemory.RecordingDelivery.Delivered;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sends kept in flight: {@link SendMessages#sendAsync}. */
class SendAsyncTest {
  private final CoreFixture f = new CoreFixture();
  private final SendMessages messages = f.core.messages();
  private final UserId alice = f.register("alice");
  private final UserId bob = f.register("bob");
  private final UserId mallory = f.register("mallory");
  private final RoomId general = f.publicRoom(alice, "general");

  SendAsyncTest() {
    f.core.rooms().joinRoom(bob, general);
    f.delivery().clear();
  }

  @AfterEach
  void closeTheCore() {
    f.core.close();
  }

  @Test
  void anAsynchronousSendCompletesWithTheAckAndDeliversToEveryMember() {
    SendResult result =
        messages.sendAsync(f.send(alice, general, "hello")).toCompletableFuture().join();

    assertThat(result.duplicate()).isFalse();
    assertThat(result.message().seq()).isEqualTo(1);
    assertThat(result.message().text()).isEqualTo("hello");
    assertThat(f.delivery().delivered())
        .containsExactly(
            new Delivered(new MessagePosted(result.message()), java.util.Set.of(alice, bob)));
  }

  @Test
  void sendsStartedOneAfterAnotherGetSeqsAndDeliveriesInThatOrder() {
    List<CompletableFuture<SendResult>> inFlight = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      inFlight.add(
          messages.sendAsync(f.send(alice, general, "message " + i)).toCompletableFuture());
    }

    List<Long> seqs = inFlight.stream().map(s -> s.join().message().seq()).toList();

    assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
    assertThat(f.delivery().delivered())
        .extracting(d -> ((MessagePosted) d.event()).message().text())
        .containsExactlyElementsOf(LongStream.range(0, 50).mapToObj(i -> "message " + i).toList());
  }

  @Test
  void aRefusedSendFailsItsStageInsteadOfThrowingAndStoresNothing() {
    CompletableFuture<SendResult> refused =
        messages.sendAsync(f.send(mallory, general, "let me in")).toCompletableFuture();

    assertThatThrownBy(refused::join)
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(NotFoundException.class);
    assertThat(f.adapters.messages().lastSeq(general)).isZero();
    assertThat(f.delivery().delivered()).isEmpty();
  }

  @Test
  void theWorkAfterTheCommitRunsOnTheCoresOwnThreads() {
    messages.sendAsync(f.send(alice, general, "hello")).toCompletableFuture().join();

    assertThat(afterCommitThreads()).isNotEmpty();
  }

  @Test
  void anExecutorGivenToTheBuilderRunsTheWorkAfterTheCommit() {
    AtomicInteger handedOver = new AtomicInteger();
    CoreFixture custom =
        new CoreFixture(
            builder ->
                builder.afterCommit(
                    work -> {
                      handedOver.incrementAndGet();
                      new Thread(work).start();
                    }));
    UserId carol = custom.register("carol");
    RoomId room = custom.publicRoom(carol, "own");

    custom.core.messages().sendAsync(custom.send(carol, room, "hi")).toCompletableFuture().join();

    assertThat(handedOver).hasValue(1);
  }

  private static List<String> afterCommitThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(name -> name.startsWith("chatterlink-after-commit-"))
        .toList();
  }

  @Test
  void aSendThatReachedTheStoreIsDeliveredEvenWhenTheCoreClosedMeanwhile() {
    f.core.close();

    SendResult late =
        messages.sendAsync(f.send(alice, general, "just in time")).toCompletableFuture().join();

    assertThat(late.message().seq()).isEqualTo(1);
    assertThat(f.delivery().delivered()).hasSize(1);
  }
}
