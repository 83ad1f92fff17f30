package io.chatterlink.app;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.RoomSummary;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.port.in.ManageAccounts.RegisterUser;
import io.chatterlink.core.port.in.ManageRooms.CreateRoom;
import io.chatterlink.core.port.in.SendMessages.SendMessage;
import io.chatterlink.core.port.out.Delivery;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Puts users, a room and messages into a real database through the core, as the server would. */
final class StoredData {
  static final String PASSWORD = "correct horse battery";

  private StoredData() {}

  /** The configuration of a test server with its data under {@code dataDir}. */
  static AppConfig config(Path dataDir, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(extra);
    env.putIfAbsent("DATA_DIR", dataDir.toString());
    env.putIfAbsent("PORT", "0");
    return AppConfig.load(env, dataDir);
  }

  /** Registers {@code owner}, creates a private room and posts {@code texts} in it; the room id. */
  static RoomSummary roomWithMessages(AppConfig config, String owner, List<String> texts) {
    try (Backend backend = Backend.open(config)) {
      ChatCore core = backend.core(Delivery.none(), backend.storage().messages());
      UserView user = core.accounts().register(new RegisterUser(owner, PASSWORD, Optional.empty()));
      RoomSummary room =
          core.rooms().createRoom(new CreateRoom(user.id(), "stored", RoomKind.PRIVATE));
      for (int i = 0; i < texts.size(); i++) {
        core.messages()
            .send(
                new SendMessage(
                    user.id(),
                    room.id(),
                    new ClientMessageId("c-" + i),
                    texts.get(i),
                    List.of(),
                    Optional.empty()));
      }
      return room;
    }
  }
}
