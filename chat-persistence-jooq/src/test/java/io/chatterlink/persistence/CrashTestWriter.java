package io.chatterlink.persistence;

import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.NewMessage;
import io.chatterlink.core.model.PasswordHash;
import io.chatterlink.core.model.Room;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.StoredMessage;
import io.chatterlink.core.model.User;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.model.Username;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The child process of {@link CrashTest}: appends messages from several threads until it is killed,
 * printing one line per acknowledged append ({@code ACK <message id> <room> <seq> END}) only after
 * {@code append} returned, i.e. after the commit. Arguments: the database file, a run label that
 * keeps ids unique across runs.
 */
public final class CrashTestWriter {
  static final int THREADS = 4;
  static final List<RoomId> ROOMS = List.of(new RoomId("crash-a"), new RoomId("crash-b"));
  static final UserId SENDER = new UserId("crash-sender");

  private CrashTestWriter() {}

  public static void main(String[] args) throws InterruptedException {
    PrintStream out = System.out;
    JooqStorage storage = JooqStorage.open(StorageSettings.of("jdbc:sqlite:" + args[0]));
    String run = args[1];
    createSenderAndRoomsOnce(storage);
    out.println("READY");
    out.flush();
    Thread[] threads = new Thread[THREADS];
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      threads[t] =
          new Thread(
              () -> {
                for (long i = 0; ; i++) {
                  String id = run + "-" + thread + "-" + i;
                  RoomId room = ROOMS.get((int) (i % ROOMS.size()));
                  StoredMessage stored = storage.messages().append(message(id, room)).message();
                  synchronized (out) {
                    out.println("ACK " + stored.id() + " " + room + " " + stored.seq() + " END");
                    out.flush();
                  }
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private static void createSenderAndRoomsOnce(JooqStorage storage) {
    if (storage.users().findById(SENDER).isEmpty()) {
      storage
          .users()
          .insert(
              new User(
                  SENDER, Username.of("crasher"), "crasher", new PasswordHash("x"), Instant.EPOCH));
      for (RoomId room : ROOMS) {
        storage
            .rooms()
            .insert(
                new Room(room, RoomKind.PUBLIC, room.value(), Optional.empty(), Instant.EPOCH),
                List.of());
      }
    }
  }

  private static NewMessage message(String id, RoomId room) {
    return new NewMessage(
        new MessageId("m-" + id),
        room,
        SENDER,
        new ClientMessageId("c-" + id),
        new EncryptedBody("token-" + id),
        List.of(),
        Optional.empty(),
        Instant.EPOCH);
  }
}
