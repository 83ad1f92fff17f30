package io.chatterlink.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.AppendOutcome;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.LogEntry;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.User;
import io.chatterlink.testkit.contract.Concurrently;
import io.chatterlink.testkit.contract.StorageFixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two or three {@link JooqStorage} instances on one PostgreSQL database, as the nodes of a cluster
 * are, with senders on every instance at once: each room's seqs are assigned once each and without
 * gaps however the instances' groups interleave, no append fails (no collision surfaces as {@code
 * UnavailableException}, no deadlock hangs), and a resend that reaches two instances at once is
 * stored once. The timeouts only stop a hung test; nothing here measures speed.
 */
@Timeout(300)
class AppendsFromSeveralNodesTest {
  private static final int SENDERS_PER_NODE = 6;
  private static final int MESSAGES_PER_SENDER = 30;

  @ParameterizedTest(name = "{0} nodes")
  @ValueSource(ints = {2, 3})
  void sendersOnEveryNodeIntoOneHotRoomGetEverySeqOnceWithoutGaps(int nodeCount) {
    try (PostgresNodes nodes = PostgresNodes.open(nodeCount)) {
      StorageFixtures fixtures = nodes.fixtures(0);
      User alice = fixtures.user("alice");
      RoomId room = fixtures.room();

      List<List<AppendOutcome>> perSender =
          Concurrently.run(
              nodeCount * SENDERS_PER_NODE,
              sender -> {
                JooqStorage node = nodes.node(sender % nodeCount);
                List<AppendOutcome> outcomes = new ArrayList<>();
                for (int i = 0; i < MESSAGES_PER_SENDER; i++) {
                  outcomes.add(
                      node.messages().append(fixtures.newMessage(room, alice, sender + "/" + i)));
                }
                return outcomes;
              });

      List<AppendOutcome> outcomes = perSender.stream().flatMap(List::stream).toList();
      int sent = nodeCount * SENDERS_PER_NODE * MESSAGES_PER_SENDER;
      assertThat(outcomes).hasSize(sent).noneMatch(AppendOutcome::duplicate);
      assertThat(outcomes).extracting(o -> o.message().id()).doesNotHaveDuplicates();
      assertThat(outcomes)
          .extracting(o -> o.message().seq())
          .containsExactlyInAnyOrderElementsOf(oneTo(sent));
      for (int n = 0; n < nodeCount; n++) {
        assertThat(nodes.wholeLog(n, room))
            .extracting(LogEntry::seq)
            .containsExactlyElementsOf(oneTo(sent));
        assertThat(nodes.node(n).messages().lastSeq(room)).isEqualTo(sent);
      }
      Map<MessageId, Long> acknowledged = new HashMap<>();
      outcomes.forEach(o -> acknowledged.put(o.message().id(), o.message().seq()));
      assertThat(nodes.wholeLog(0, room))
          .allSatisfy(e -> assertThat(acknowledged).containsEntry(e.message().id(), e.seq()));
    }
  }

  /**
   * Node by node the senders walk the rooms in opposite orders, and every fifth operation edits the
   * sender's message in the room before: groups of two nodes hold and want each other's rooms.
   */
  @ParameterizedTest(name = "{0} nodes")
  @ValueSource(ints = {2, 3})
  void sendersWalkingRoomsInOppositeOrdersNeitherDeadlockNorCollide(int nodeCount) {
    try (PostgresNodes nodes = PostgresNodes.open(nodeCount)) {
      StorageFixtures fixtures = nodes.fixtures(0);
      User alice = fixtures.user("alice");
      List<RoomId> rooms =
          List.of(fixtures.room(), fixtures.room(), fixtures.room(), fixtures.room());
      Map<RoomId, List<Long>> seqsByRoom = new ConcurrentHashMap<>();
      rooms.forEach(room -> seqsByRoom.put(room, Collections.synchronizedList(new ArrayList<>())));

      Concurrently.run(
          nodeCount * SENDERS_PER_NODE,
          sender -> {
            int nodeIndex = sender % nodeCount;
            JooqStorage node = nodes.node(nodeIndex);
            StoredMessage previous = null;
            for (int i = 0; i < MESSAGES_PER_SENDER; i++) {
              int step = i % rooms.size();
              RoomId room = rooms.get(nodeIndex % 2 == 0 ? step : rooms.size() - 1 - step);
              if (i % 5 == 4 && previous != null) {
                LogEntry edit =
                    node.messages()
                        .edit(
                            previous.id(),
                            StorageFixtures.body("edited " + i),
                            StorageFixtures.at(i));
                seqsByRoom.get(edit.roomId()).add(edit.seq());
              }
              AppendOutcome outcome =
                  node.messages().append(fixtures.newMessage(room, alice, sender + "/" + i));
              assertThat(outcome.duplicate()).isFalse();
              seqsByRoom.get(room).add(outcome.message().seq());
              previous = outcome.message();
            }
            return null;
          });

      for (RoomId room : rooms) {
        List<Long> acknowledged = seqsByRoom.get(room);
        assertThat(acknowledged).containsExactlyInAnyOrderElementsOf(oneTo(acknowledged.size()));
        assertThat(nodes.wholeLog(nodeCount - 1, room))
            .extracting(LogEntry::seq)
            .containsExactlyElementsOf(oneTo(acknowledged.size()));
      }
      assertThat(seqsByRoom.values().stream().mapToInt(List::size).sum())
          .isGreaterThan(nodeCount * SENDERS_PER_NODE * MESSAGES_PER_SENDER);
    }
  }

  @Test
  void onePairSentToTwoNodesAtOnceIntoOneRoomIsStoredOnce() {
    resendsRacingOnTwoNodesAreStoredOnce(true, SENDERS_PER_NODE);
  }

  /**
   * A pair is unique per sender, whatever the room: sent into two rooms, the two nodes lock
   * different rooms, so the loser meets the winner's row at its insert and must retry, not fail.
   * With one sender per node most groups hold that one append.
   */
  @ParameterizedTest(name = "{0} senders per node")
  @ValueSource(ints = {1, SENDERS_PER_NODE})
  void onePairSentToTwoNodesAtOnceIntoTwoRoomsIsStoredOnce(int sendersPerNode) {
    resendsRacingOnTwoNodesAreStoredOnce(false, sendersPerNode);
  }

  private void resendsRacingOnTwoNodesAreStoredOnce(boolean sameRoom, int sendersPerNode) {
    try (PostgresNodes nodes = PostgresNodes.open(2)) {
      StorageFixtures fixtures = nodes.fixtures(0);
      User alice = fixtures.user("alice");
      List<RoomId> rooms =
          sameRoom ? List.of(fixtures.room()) : List.of(fixtures.room(), fixtures.room());

      // Sender t on node 0 and sender t on node 1 send the same pairs, in the same order.
      List<List<AppendOutcome>> perSender =
          Concurrently.run(
              2 * sendersPerNode,
              sender -> {
                int nodeIndex = sender % 2;
                JooqStorage node = nodes.node(nodeIndex);
                RoomId room = rooms.get(nodeIndex % rooms.size());
                List<AppendOutcome> outcomes = new ArrayList<>();
                for (int i = 0; i < MESSAGES_PER_SENDER; i++) {
                  outcomes.add(
                      node.messages()
                          .append(
                              new NewMessage(
                                  fixtures.newMessageId(),
                                  room,
                                  alice.id(),
                                  new ClientMessageId("pair-" + sender / 2 + "-" + i),
                                  StorageFixtures.body("once"),
                                  List.of(),
                                  Optional.empty(),
                                  StorageFixtures.at(i))));
                }
                return outcomes;
              });

      int pairs = sendersPerNode * MESSAGES_PER_SENDER;
      Map<ClientMessageId, List<AppendOutcome>> byPair = new HashMap<>();
      perSender.stream()
          .flatMap(List::stream)
          .forEach(
              o ->
                  byPair
                      .computeIfAbsent(o.message().clientMessageId(), p -> new ArrayList<>())
                      .add(o));
      assertThat(byPair).hasSize(pairs);
      assertThat(byPair.values())
          .allSatisfy(
              both -> {
                assertThat(both).hasSize(2);
                assertThat(both).filteredOn(o -> !o.duplicate()).hasSize(1);
                assertThat(both.get(0).message()).isEqualTo(both.get(1).message());
              });
      List<LogEntry> stored = new ArrayList<>();
      for (RoomId room : rooms) {
        List<LogEntry> log = nodes.wholeLog(0, room);
        assertThat(log).extracting(LogEntry::seq).containsExactlyElementsOf(oneTo(log.size()));
        stored.addAll(log);
      }
      assertThat(stored).hasSize(pairs);
      assertThat(stored)
          .extracting(e -> e.message().clientMessageId())
          .containsExactlyInAnyOrderElementsOf(byPair.keySet());
    }
  }

  private static List<Long> oneTo(long n) {
    return LongStream.rangeClosed(1, n).boxed().toList();
  }
}
