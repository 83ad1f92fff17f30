package io.chatterlink.app;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.Room;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.port.in.FetchHistory.ResyncBatch;
import io.chatterlink.core.port.out.RoomStore;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code export ROOM_ID} or {@code export --all}: rooms' whole logs as JSON lines, decrypted. Each
 * room starts with a {@code room} line (id, kind, name, members); its entries follow in seq order,
 * in the shapes of the protocol's pushes, attachments referenced by id. The core only lets members
 * read a room, so a room is read as its first member (its creator, unless they left): the operator,
 * who holds the database and the key, is trusted with every room anyway. A room nobody is left in
 * gets its {@code room} line and no entries. The output holds plaintext messages: a file is created
 * for its owner only (0600), and never overwritten.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write a room's history (posts, edits, deletes, in seq order) as JSON lines, in the"
            + " shapes of the real-time protocol's pushes, after a line describing the room"
            + " (name, kind, members). --all exports every room ('rooms' lists them). The output"
            + " is plaintext: protect it.")
final class ExportCommand implements Callable<Integer> {
  /** Owner read and write only (0600): an export holds decrypted messages. */
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  @ParentCommand private Cli cli;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "ROOM_ID",
      description = "The room or conversation id (see the 'rooms' command).")
  private String roomId;

  @Option(
      names = {"--all"},
      description = "Export every room and conversation instead of one.")
  private boolean all;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write here instead of standard output; the file must not exist yet and is created"
              + " readable by its owner only (0600).")
  private Path output;

  @Override
  public Integer call() throws IOException {
    if (all == (roomId != null)) {
      cli.terminal().err().println("chatterlink: name one ROOM_ID, or give --all");
      return Cli.FAILED;
    }
    if (output != null && Files.exists(output)) {
      cli.terminal()
          .err()
          .println("chatterlink: " + output + " exists; export never overwrites a file");
      return Cli.FAILED;
    }
    try (Backend backend = Backend.open(cli.config())) {
      List<Room> rooms = all ? everyRoom(backend) : List.of(oneRoom(backend));
      ChatCore core = backend.offlineCore();
      long lines;
      if (output == null) {
        lines = write(backend, core, rooms, cli.terminal().out());
      } else {
        try (PrintWriter printer = ownerOnlyFile(output)) {
          lines = write(backend, core, rooms, printer);
        }
      }
      cli.terminal()
          .err()
          .println("exported " + lines + " log entries of " + rooms.size() + " room(s)");
      return Cli.OK;
    }
  }

  private Room oneRoom(Backend backend) {
    return backend
        .storage()
        .rooms()
        .find(new RoomId(roomId))
        .orElseThrow(() -> new NotFoundException("room " + roomId + " not found"));
  }

  private static List<Room> everyRoom(Backend backend) {
    RoomStore store = backend.storage().rooms();
    List<Room> rooms = new ArrayList<>();
    for (List<Room> page = store.listAll(Optional.empty(), RoomsCommand.PAGE);
        !page.isEmpty();
        page = store.listAll(Optional.of(RoomsCommand.last(page)), RoomsCommand.PAGE)) {
      rooms.addAll(page);
    }
    return rooms;
  }

  /** A new file readable and writable by its owner only, where the file system allows it. */
  static PrintWriter ownerOnlyFile(Path file) throws IOException {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    return new PrintWriter(
        new OutputStreamWriter(
            Files.newOutputStream(file, StandardOpenOption.WRITE), StandardCharsets.UTF_8));
  }

  private static long write(Backend backend, ChatCore core, List<Room> rooms, PrintWriter out) {
    ExportLines lines = new ExportLines();
    long count = 0;
    for (Room room : rooms) {
      List<Membership> members = backend.storage().rooms().members(room.id());
      out.println(lines.roomLine(room, members, backend.storage().users()::findById));
      if (!members.isEmpty()) {
        count += writeLog(core, members.get(0), lines, out);
      }
    }
    out.flush();
    return count;
  }

  private static long writeLog(
      ChatCore core, Membership reader, ExportLines lines, PrintWriter out) {
    long count = 0;
    long afterSeq = 0;
    ResyncBatch batch;
    do {
      batch =
          core.history()
              .resync(reader.userId(), reader.roomId(), afterSeq, Limits.MAX_RESYNC_BATCH);
      for (var event : batch.events()) {
        out.println(lines.toJson(event));
        count++;
      }
      afterSeq = batch.lastSeq();
    } while (batch.hasMore());
    return count;
  }
}
