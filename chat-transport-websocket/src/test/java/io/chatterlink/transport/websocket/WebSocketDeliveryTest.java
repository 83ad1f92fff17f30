package io.chatterlink.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.SessionId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts.LoginResult;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.testkit.contract.DeliveryContract;
import io.chatterlink.transport.websocket.internal.connection.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The transport's real {@link Delivery} passes the delivery contract: each connection is a real
 * WebSocket client over loopback (the server's Undertow hosting), logged in under a session of its
 * own, that {@code subscribe}s to the rooms it follows. Only the pushes the contract compares are
 * looked at; {@code hello}, replies and the core's own pushes (presence, member changes) are not.
 */
class WebSocketDeliveryTest extends DeliveryContract {

  @Override
  protected Clients newClients() {
    return new SocketClients();
  }

  private static final class SocketClients implements Clients {
    private final ChatFixture chat = new ChatFixture(Hosting.UNDERTOW);
    private final Map<UserId, String> names = new HashMap<>();

    @Override
    public Delivery delivery() {
      return chat.transport.delivery();
    }

    @Override
    public UserId user(String name) {
      UserId id = chat.user(name).user().id();
      names.put(id, name);
      return id;
    }

    @Override
    public RoomId room(String name, List<UserId> members) {
      RoomId room =
          chat.core.rooms().createRoom(new CreateRoom(members.get(0), name, RoomKind.PUBLIC)).id();
      members.stream().skip(1).forEach(member -> chat.core.rooms().joinRoom(member, room));
      return room;
    }

    @Override
    public Connection connect(UserId user, Set<RoomId> rooms) {
      LoginResult login = chat.logInAgain(names.get(user));
      TestClient client = chat.connect(login);
      for (RoomId room : rooms) {
        JsonNode reply =
            client.request(
                "{\"type\":\"subscribe\",\"room\":\"" + room.value() + "\",\"afterSeq\":0}");
        assertThat(reply.path("code").asInt()).as(reply.toString()).isEqualTo(200);
      }
      return new SocketConnection(client, login.sessionId());
    }

    @Override
    public void close() {
      chat.close();
    }
  }

  private static final class SocketConnection implements Connection {
    private static final Set<String> COMPARED = Set.of("message", "edit", "delete", "typing");
    private static final Predicate<JsonNode> COMPARED_PUSH =
        frame -> COMPARED.contains(frame.path("type").asText());

    private final TestClient client;
    private final SessionId session;

    SocketConnection(TestClient client, SessionId session) {
      this.client = client;
      this.session = session;
    }

    @Override
    public SessionId session() {
      return session;
    }

    @Override
    public List<Received> awaitReceived(int count) {
      if (count > 0) {
        try {
          client.awaitCount(COMPARED_PUSH, count);
        } catch (AssertionError patienceRanOut) {
          // the contract compares what did arrive
        }
      }
      return client.matching(COMPARED_PUSH).stream()
          .map(SocketConnection::received)
          .collect(Collectors.toList());
    }

    @Override
    public boolean awaitClosed() {
      try {
        client.awaitCloseCode();
        return true;
      } catch (CompletionException patienceRanOut) {
        return false;
      }
    }

    private static Received received(JsonNode push) {
      String type = push.path("type").asText();
      String key =
          type.equals("typing")
              ? push.path("user").asText()
                  + (push.path("typing").asBoolean() ? " typing" : " stopped")
              : push.path("seq").asText();
      return new Received(type, push.path("room").asText(), key);
    }
  }
}
