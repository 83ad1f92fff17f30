package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.cluster.nats.NatsServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three nodes on one PostgreSQL database, over each bus: what a user does on one node reaches the
 * sockets of the others, with the protocol's promise intact (each connection sees a room's seqs in
 * order, without gaps or repeats), and a client that moves to another node resumes exactly.
 */
class ThreeNodesIT {
  private static final String PASSWORD = "correct horse battery";

  @TempDir static Path natsDir;
  private static NatsServer nats;

  @TempDir Path dataDir;

  @BeforeAll
  static void startNats() {
    nats = NatsServer.start(natsDir);
  }

  @AfterAll
  static void stopNats() {
    nats.close();
  }

  private ClusterNodes cluster(String bus) {
    return new ClusterNodes(bus, nats.url(), dataDir).start(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "nats"})
  void aMessageSentOnOneNodeIsPushedOnTheOthersInSeqOrder(String bus) {
    try (ClusterNodes nodes = cluster(bus)) {
      Browserless alice = new Browserless(nodes.uri(0));
      alice.register("alice", PASSWORD);
      Browserless bob = new Browserless(nodes.uri(1));
      bob.register("bob", PASSWORD);
      Browserless carol = new Browserless(nodes.uri(2));
      carol.register("carol", PASSWORD);
      String room = createRoom(alice, "general");
      bob.post("/api/rooms/" + room + "/join", object()).requireStatus(200);
      carol.post("/api/rooms/" + room + "/join", object()).requireStatus(200);

      try (SocketClient onA = SocketClient.connect(alice);
          SocketClient onB = SocketClient.connect(bob);
          SocketClient onC = SocketClient.connect(carol)) {
        for (SocketClient socket : List.of(onA, onB, onC)) {
          subscribe(socket, room, 0);
        }
        List<Long> acked = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          SocketClient sender = List.of(onA, onB, onC).get(i % 3);
          acked.add(send(sender, room, "m" + i).path("data").path("seq").asLong());
        }

        for (SocketClient socket : List.of(onA, onB, onC)) {
          List<Long> pushed = new ArrayList<>();
          for (int i = 0; i < 20; i++) {
            pushed.add(socket.push("message", room).path("seq").asLong());
          }
          assertThat(pushed).isEqualTo(acked).isSorted();
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "nats"})
  void aClientThatMovesToAnotherNodeMidStreamResumesExactlyByItsLastSeq(String bus) {
    try (ClusterNodes nodes = cluster(bus)) {
      Browserless alice = new Browserless(nodes.uri(0));
      alice.register("alice", PASSWORD);
      Browserless bobOnB = new Browserless(nodes.uri(1));
      bobOnB.register("bob", PASSWORD);
      String room = createRoom(alice, "stream");
      bobOnB.post("/api/rooms/" + room + "/join", object()).requireStatus(200);

      try (SocketClient sender = SocketClient.connect(alice)) {
        long lastSeen;
        try (SocketClient first = SocketClient.connect(bobOnB)) {
          subscribe(first, room, 0);
          for (int i = 0; i < 5; i++) {
            send(sender, room, "before " + i);
          }
          for (int i = 0; i < 5; i++) {
            first.push("message", room);
          }
          lastSeen = 5;
        }
        for (int i = 0; i < 5; i++) {
          send(sender, room, "between " + i); // bob is between nodes
        }
        try (SocketClient second = SocketClient.connect(bobOnB.at(nodes.uri(2)))) {
          subscribe(second, room, lastSeen);
          for (int i = 0; i < 5; i++) {
            send(sender, room, "after " + i);
          }
          List<Long> seqs = new ArrayList<>();
          for (int i = 0; i < 10; i++) {
            seqs.add(second.push("message", room).path("seq").asLong());
          }
          assertThat(seqs).containsExactly(6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "nats"})
  void typingPresenceRemovalAndRevocationReachSocketsOnOtherNodes(String bus) {
    try (ClusterNodes nodes = cluster(bus)) {
      Browserless alice = new Browserless(nodes.uri(0));
      String aliceId = alice.register("alice", PASSWORD);
      Browserless bob = new Browserless(nodes.uri(1));
      String bobId = bob.register("bob", PASSWORD);
      Browserless carol = new Browserless(nodes.uri(2));
      String carolId = carol.register("carol", PASSWORD);
      String room = createRoom(alice, "team");
      bob.post("/api/rooms/" + room + "/join", object()).requireStatus(200);
      carol.post("/api/rooms/" + room + "/join", object()).requireStatus(200);

      try (SocketClient onA = SocketClient.connect(alice);
          SocketClient onB = SocketClient.connect(bob);
          SocketClient onC = SocketClient.connect(carol)) {
        subscribe(onA, room, 0);
        subscribe(onC, room, 0);
        onB.request("typing", object().put("room", room).put("typing", true));
        JsonNode typing = onA.push("typing", room);
        assertThat(typing.path("user").asText()).isEqualTo(bobId);

        JsonNode presence =
            onA.request("presence.query", object().put("room", room)).path("data").path("presence");
        assertThat(presence.findValuesAsText("status")).containsOnly("online");
        assertThat(presence.findValuesAsText("user")).contains(aliceId, bobId, carolId);

        alice.delete("/api/rooms/" + room + "/members/" + carolId).requireStatus(204);
        JsonNode removed =
            onC.next(
                f ->
                    "member.removed".equals(f.path("type").asText())
                        && room.equals(f.path("room").asText()));
        assertThat(removed.path("user").asText()).isEqualTo(carolId);
        send(onA, room, "after carol left");
        onA.message(room, "after carol left");

        bob.post("/api/logout", object()).requireStatus(204);
        assertThat(onB.closeCode()).isEqualTo(4401);

        onC.request("ping");
        assertThat(onC.framesSoFar()).noneMatch(f -> "message".equals(f.path("type").asText()));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "nats"})
  void aHotRoomWithSendersOnEveryNodeAcknowledgesEverySendWithGapFreeSeqs(String bus)
      throws Exception {
    try (ClusterNodes nodes = cluster(bus)) {
      Browserless owner = new Browserless(nodes.uri(0));
      owner.register("owner", PASSWORD);
      String room = createRoom(owner, "hot");
      List<SocketClient> senders = new ArrayList<>();
      for (int n = 0; n < 3; n++) {
        Browserless user = new Browserless(nodes.uri(n));
        user.register("sender" + n, PASSWORD);
        user.post("/api/rooms/" + room + "/join", object()).requireStatus(200);
        senders.add(SocketClient.connect(user));
      }
      int perSender = 60;
      ExecutorService pool = Executors.newFixedThreadPool(3);
      List<CompletableFuture<List<Long>>> acks = new ArrayList<>();
      for (SocketClient sender : senders) {
        acks.add(
            CompletableFuture.supplyAsync(
                () -> {
                  List<Long> seqs = new ArrayList<>();
                  for (int i = 0; i < perSender; i++) {
                    JsonNode reply = send(sender, room, "hot " + i);
                    assertThat(reply.path("code").asInt()).as("%s", reply).isEqualTo(200);
                    seqs.add(reply.path("data").path("seq").asLong());
                  }
                  return seqs;
                },
                pool));
      }
      List<Long> all = new ArrayList<>();
      for (CompletableFuture<List<Long>> f : acks) {
        all.addAll(f.get());
      }
      pool.shutdown();
      senders.forEach(SocketClient::close);

      assertThat(all).doesNotHaveDuplicates().hasSize(3 * perSender);
      assertThat(all.stream().mapToLong(Long::longValue).max().orElseThrow())
          .isEqualTo(3L * perSender);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "nats"})
  void whenTheBusIsCutEveryClientStillGetsEveryMessageOnceItReconnects(String bus)
      throws Exception {
    try (ClusterNodes nodes = cluster(bus)) {
      Browserless alice = new Browserless(nodes.uri(0));
      alice.register("alice", PASSWORD);
      Browserless bob = new Browserless(nodes.uri(1));
      bob.register("bob", PASSWORD);
      String room = createRoom(alice, "cut");
      bob.post("/api/rooms/" + room + "/join", object()).requireStatus(200);
      try (SocketClient onA = SocketClient.connect(alice);
          SocketClient onB = SocketClient.connect(bob)) {
        subscribe(onB, room, 0);
        send(onA, room, "before the cut");
        assertThat(onB.push("message", room).path("seq").asLong()).isEqualTo(1);

        cutTheBus(bus, nodes);
        for (int i = 0; i < 5; i++) {
          send(onA, room, "during the cut " + i);
        }
        send(onA, room, "after the cut");

        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          seqs.add(onB.push("message", room).path("seq").asLong());
        }
        assertThat(seqs).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
      }
    }
  }

  /** Kills the bus's connections (PostgreSQL) or restarts the bus server (NATS). */
  private static void cutTheBus(String bus, ClusterNodes nodes) throws Exception {
    if (bus.equals("nats")) {
      nats.restart();
      return;
    }
    String url = nodes.sharedSettings().get("DATABASE_URL");
    try (java.sql.Connection admin = java.sql.DriverManager.getConnection(url);
        java.sql.Statement statement = admin.createStatement();
        java.sql.ResultSet killed =
            statement.executeQuery(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name LIKE 'chatterlink-bus-%'"
                    + " AND datname = current_database()")) {
      int count = 0;
      while (killed.next()) {
        count++;
      }
      assertThat(count).as("bus connections killed").isGreaterThanOrEqualTo(3);
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  static ObjectNode object() {
    return Browserless.JSON.createObjectNode();
  }

  static String createRoom(Browserless owner, String name) {
    return owner.createRoom(name, "public");
  }

  static void subscribe(SocketClient socket, String room, long afterSeq) {
    socket.subscribe(room, afterSeq);
  }

  static JsonNode send(SocketClient socket, String room, String text) {
    return socket.send(room, text);
  }
}
