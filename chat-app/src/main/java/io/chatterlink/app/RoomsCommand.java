package io.chatterlink.app;

import io.chatterlink.core.model.Room;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.port.out.RoomStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rooms}: every room, private rooms and direct conversations included, one per line, so that
 * an operator can find the id {@code export} needs. Names are shown; message contents are not.
 */
@Command(
    name = "rooms",
    mixinStandardHelpOptions = true,
    description =
        "List every room and direct conversation: id, kind, number of members, name"
            + " (tab-separated, by id).")
final class RoomsCommand implements Callable<Integer> {
  /** Rooms read per query. */
  static final int PAGE = 500;

  @ParentCommand private Cli cli;

  @Override
  public Integer call() {
    try (Backend backend = Backend.open(cli.config())) {
      RoomStore rooms = backend.storage().rooms();
      PrintWriter out = cli.terminal().out();
      out.println("id\tkind\tmembers\tname");
      long count = 0;
      for (List<Room> page = rooms.listAll(Optional.empty(), PAGE);
          !page.isEmpty();
          page = rooms.listAll(Optional.of(last(page)), PAGE)) {
        for (Room room : page) {
          out.println(
              room.id().value()
                  + "\t"
                  + room.kind().name().toLowerCase(java.util.Locale.ROOT)
                  + "\t"
                  + rooms.members(room.id()).size()
                  + "\t"
                  + room.name());
          count++;
        }
      }
      out.flush();
      cli.terminal().err().println(count + " rooms");
      return Cli.OK;
    }
  }

  static RoomId last(List<Room> page) {
    return page.get(page.size() - 1).id();
  }
}
