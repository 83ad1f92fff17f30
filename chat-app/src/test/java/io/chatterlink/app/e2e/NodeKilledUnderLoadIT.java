package io.chatterlink.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three server JVMs on one PostgreSQL database (LISTEN/NOTIFY bus) under a steady load of sends;
 * five times one of them is killed with SIGKILL and started again. Its clients reconnect to a
 * surviving node, resubscribe from their last seq and resend what was not acknowledged. In the end
 * every acknowledged message is stored exactly once, every client's stream was gap-free and
 * repeat-free, and a user connected only to a dead node went offline for the others.
 */
class NodeKilledUnderLoadIT {
  /** 5 in every build; the benchmark runs more with {@code -Dkill.rounds=10}. */
  private static final int ROUNDS = Integer.getInteger("kill.rounds", 5);

  private static final int CLIENTS = 6;
  private static final long SEND_EVERY_MILLIS = 30; // 6 clients: about 200 messages per second

  @TempDir Path dir;

  @Test
  void everyAcknowledgedMessageSurvivesNodeKillsExactlyOnceAndEveryStreamStaysGapFree()
      throws Exception {
    ClusterNodes settings = new ClusterNodes("postgres", "nats://unused:4222", dir);
    Map<String, String> env = new HashMap<>(settings.sharedSettings());
    env.put("WS_REQUESTS_PER_SECOND", "1000");
    env.put("WS_REQUEST_BURST", "1000");
    env.put("REGISTRATIONS_PER_HOUR", "1000");
    List<ChildNode> nodes = new ArrayList<>();
    List<URI> live = new CopyOnWriteArrayList<>();
    for (int n = 0; n < 3; n++) {
      nodes.add(startNode(env, "n" + n));
      live.add(nodes.get(n).uri());
    }
    List<ResilientClient> clients = new ArrayList<>();
    List<Long> catchUps = new CopyOnWriteArrayList<>();
    ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
    try {
      Browserless owner = new Browserless(live.get(0));
      owner.register("owner", "cluster owner password");
      String room = ThreeNodesIT.createRoom(owner, "load");
      for (int c = 0; c < CLIENTS; c++) {
        Browserless user = new Browserless(live.get(0));
        user.register("user" + c, "cluster user password");
        user.post("/api/rooms/" + room + "/join", ThreeNodesIT.object()).requireStatus(200);
        clients.add(new ResilientClient(user, () -> List.copyOf(live), room, "user" + c, c));
      }
      // Someone connected to the first victim only, and never reconnecting.
      Browserless idler = new Browserless(live.get(0));
      String idlerId = idler.register("idler", "cluster idler password");
      idler.post("/api/rooms/" + room + "/join", ThreeNodesIT.object()).requireStatus(200);
      SocketClient idlerSocket = SocketClient.connect(idler);

      load.scheduleAtFixedRate(
          () -> clients.forEach(ResilientClient::sendNext),
          0,
          SEND_EVERY_MILLIS,
          TimeUnit.MILLISECONDS);
      for (int round = 0; round < ROUNDS; round++) {
        Thread.sleep(1500);
        int victim = round % 3;
        URI gone = nodes.get(victim).uri();
        live.remove(gone);
        nodes.get(victim).kill();
        long killedAt = System.nanoTime();
        long lastBeforeKill = clients.stream().mapToLong(ResilientClient::lastSeq).max().orElse(0);
        Thread catchUp =
            new Thread(
                () -> {
                  // Measured, not asserted: from the kill until every client, the dead node's
                  // included, has every entry that existed when the node died.
                  while (clients.stream().anyMatch(c -> c.lastSeq() < lastBeforeKill)) {
                    try {
                      Thread.sleep(5);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                  catchUps.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
                });
        catchUp.setDaemon(true);
        catchUp.start();
        if (round == 0) {
          Browserless watcher = owner.at(live.get(0));
          awaitTrue(() -> isOffline(watcher, room, idlerId), 30);
          System.out.printf(
              "a dead node's user went offline for the others after %d ms%n",
              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
          idlerSocket.close();
        }
        Thread.sleep(1500);
        nodes.set(victim, startNode(env, "n" + victim + "-r" + round));
        live.add(nodes.get(victim).uri());
      }
      load.shutdown();
      load.awaitTermination(10, TimeUnit.SECONDS);

      awaitTrue(() -> clients.stream().allMatch(c -> c.pendingCount() == 0), 60);
      List<JsonNode> stored = history(owner.at(live.get(0)), room);
      long last = stored.size();
      awaitTrue(() -> clients.stream().allMatch(c -> c.lastSeq() == last), 60);

      List<String> storedIds = new ArrayList<>();
      for (int i = 0; i < stored.size(); i++) {
        assertThat(stored.get(i).path("seq").asLong()).isEqualTo(i + 1L);
        storedIds.add(stored.get(i).path("clientMessageId").asText());
      }
      assertThat(storedIds).doesNotHaveDuplicates();
      int acked = 0;
      for (ResilientClient client : clients) {
        assertThat(client.violations()).as("stream of a client").isEmpty();
        assertThat(storedIds).containsAll(client.acked());
        acked += client.acked().size();
      }
      System.out.printf("from a kill to every client caught up, per round (ms): %s%n", catchUps);
      System.out.printf(
          "%d rounds of kill -9: %d messages acknowledged, %d stored, %d reconnects%n",
          ROUNDS,
          acked,
          stored.size(),
          clients.stream().mapToInt(ResilientClient::reconnects).sum());
      assertThat(acked).isEqualTo(stored.size());
    } finally {
      load.shutdownNow();
      clients.forEach(ResilientClient::close);
      for (ChildNode node : nodes) {
        node.stop();
      }
    }
  }

  private ChildNode startNode(Map<String, String> env, String nodeId) throws Exception {
    Map<String, String> own = new HashMap<>(env);
    own.put("NODE_ID", nodeId);
    return ChildNode.start(dir.resolve(nodeId), own);
  }

  private static boolean isOffline(Browserless watcher, String room, String user) {
    JsonNode presence = watcher.get("/api/rooms/" + room + "/presence").json().path("presence");
    for (JsonNode p : presence) {
      if (p.path("user").asText().equals(user)) {
        return "offline".equals(p.path("status").asText());
      }
    }
    return false;
  }

  /** Every message of the room, oldest first, read page by page. */
  private static List<JsonNode> history(Browserless reader, String room) {
    List<JsonNode> all = new ArrayList<>();
    long after = 0;
    while (true) {
      JsonNode page =
          reader
              .get("/api/rooms/" + room + "/messages?direction=after&seq=" + after + "&limit=100")
              .requireStatus(200)
              .json()
              .path("messages");
      if (page.isEmpty()) {
        return all;
      }
      page.forEach(all::add);
      after = all.get(all.size() - 1).path("seq").asLong();
    }
  }

  private static void awaitTrue(BooleanSupplier condition, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("waited %d s", seconds).isNegative();
      Thread.sleep(50);
    }
  }
}
