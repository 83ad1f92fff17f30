package io.chatterlink.transport.websocket;

import static io.chatterlink.transport.websocket.MessagingOverWebSocketTest.send;
import static io.chatterlink.transport.websocket.TestClient.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatterlink.core.model.AppendOutcome;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.port.in.ManageAccounts.LoginResult;
import io.chatterlink.core.port.out.MessageStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A connection's sends stay in flight together (docs/protocol.md, "Pipelining"): each is handed to
 * the store without waiting for the one before to commit, and the acks still come back in request
 * order.
 */
class PipelinedSendsOverWebSocketTest {

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void sendsWrittenWithoutWaitingAreAckedInRequestOrderWithTheirSeqs(Hosting hosting) {
    try (ChatFixture chat = new ChatFixture(hosting)) {
      LoginResult alice = chat.user("alice");
      String room = chat.publicRoom(alice, "general").id().value();
      TestClient client = chat.connect(alice);

      List<String> requests = new ArrayList<>();
      for (int i = 1; i <= 40; i++) {
        requests.add(client.sendRequest(send(room, "p-" + i, "message " + i)));
      }
      String history =
          client.sendRequest("{\"type\":\"history\",\"room\":\"" + room + "\",\"limit\":100}");
      requests.add(history);

      JsonNode page = client.awaitReply(history);
      assertThat(page.path("data").path("messages")).hasSize(40);
      List<JsonNode> replies = client.matching(ofType("reply"));
      assertThat(replies)
          .extracting(r -> r.path("id").asText())
          .containsExactlyElementsOf(requests);
      for (int i = 0; i < 40; i++) {
        assertThat(replies.get(i).path("code").asInt()).isEqualTo(200);
        assertThat(replies.get(i).path("data").path("seq").asLong()).isEqualTo(i + 1);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Hosting.class)
  void aConnectionsSendsReachTheStoreBeforeTheFirstOfThemCommits(Hosting hosting) {
    CompletableFuture<Void> commits = new CompletableFuture<>();
    AtomicInteger appending = new AtomicInteger();
    try (ChatFixture chat =
        new ChatFixture(hosting, store -> heldUntil(commits, appending, store))) {
      LoginResult alice = chat.user("alice");
      String room = chat.publicRoom(alice, "general").id().value();
      TestClient client = chat.connect(alice);

      List<String> requests = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        requests.add(client.sendRequest(send(room, "held-" + i, "held " + i)));
      }
      // A liveness bound, not a timing: the three sends are in the store, none acked yet.
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (appending.get() < 3 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(appending).hasValue(3);
      assertThat(client.matching(ofType("reply"))).isEmpty();

      commits.complete(null); // the held stages now complete, the last first

      for (int i = 0; i < 3; i++) {
        JsonNode ack = client.awaitReply(requests.get(i));
        assertThat(ack.path("data").path("seq").asLong()).isEqualTo(i + 1);
      }
      assertThat(client.matching(ofType("reply")))
          .extracting(r -> r.path("id").asText())
          .containsExactlyElementsOf(requests);
    }
  }

  /** The store, with every asynchronous append held from completing until {@code commits}. */
  static MessageStore heldUntil(
      CompletableFuture<Void> commits, AtomicInteger appending, MessageStore store) {
    return (MessageStore)
        Proxy.newProxyInstance(
            MessageStore.class.getClassLoader(),
            new Class<?>[] {MessageStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("appendAsync")) {
                CompletionStage<AppendOutcome> stored = store.appendAsync((NewMessage) args[0]);
                appending.incrementAndGet();
                return stored.thenCombine(commits, (outcome, released) -> outcome);
              }
              try {
                return method.invoke(store, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
