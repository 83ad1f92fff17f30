package io.chatterlink.transport.websocket.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.transport.websocket.internal.protocol.RequestId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderedAnswersTest {
  private final List<String> sent = new ArrayList<>();
  private final OrderedAnswers answers =
      new OrderedAnswers(item -> sent.add(((Outbound.Text) item).json()));

  private static Outbound text(String json) {
    return new Outbound.Text(json);
  }

  @Test
  void answersReadyOutOfOrderGoOutInTheOrderOfTheirRequests() {
    OrderedAnswers.Ticket first = answers.open(RequestId.of("1"));
    OrderedAnswers.Ticket second = answers.open(RequestId.of("2"));
    OrderedAnswers.Ticket third = answers.open(RequestId.of("3"));

    answers.answer(third, text("three"));
    answers.answer(second, text("two"));
    assertThat(sent).isEmpty();
    answers.answer(first, text("one"));

    assertThat(sent).containsExactly("one", "two", "three");
  }

  @Test
  void aRefusalOfAFrameThatStartedNoRequestWaitsForTheAnswersBeforeIt() {
    OrderedAnswers.Ticket send = answers.open(RequestId.of("1"));

    answers.answerUnopened(text("429"));
    assertThat(sent).isEmpty();
    answers.answer(send, text("ack"));

    assertThat(sent).containsExactly("ack", "429");
    answers.answerUnopened(text("400"));
    assertThat(sent).containsExactly("ack", "429", "400");
  }

  @Test
  void theShutdownsCutAnswersEveryOpenRequestOnceInOrderAndDropsLaterAnswers() {
    OrderedAnswers.Ticket first = answers.open(RequestId.of("1"));
    OrderedAnswers.Ticket second = answers.open(RequestId.of("2"));
    OrderedAnswers.Ticket third = answers.open(RequestId.of("3"));
    answers.answer(second, text("two"));

    answers.close(id -> text("503 for " + id.json().asText()));
    answers.answer(first, text("one, too late"));
    answers.answer(third, text("three, too late"));

    assertThat(sent).containsExactly("503 for 1", "two", "503 for 3");
  }

  @Test
  void aWaitForFewerOpenRequestsEndsWhenTheyAreAnswered() throws Exception {
    OrderedAnswers.Ticket first = answers.open(RequestId.of("1"));
    answers.open(RequestId.of("2"));
    Thread answering =
        new Thread(
            () -> {
              synchronized (answers) {
                answers.answer(first, text("one"));
              }
            });

    answering.start();
    boolean reached = answers.awaitAtMostOpen(1, 10_000);
    answering.join();

    assertThat(reached).isTrue();
    assertThat(answers.awaitAtMostOpen(0, 1)).isFalse();
  }
}
