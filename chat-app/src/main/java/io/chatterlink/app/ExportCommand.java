package io.chatterlink.app;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.Membership;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.port.in.FetchHistory.ResyncBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code export ROOM_ID}: a room's whole log as JSON lines, decrypted. The core only lets members
 * read a room, so the export reads as the room's first member (its creator, unless they left): the
 * operator, who holds the database and the key, is trusted with every room anyway. The output holds
 * plaintext messages: treat the file like the key.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write a room's history (posts, edits, deletes, in seq order) as JSON lines, in the"
            + " shapes of the real-time protocol's pushes. The output is plaintext: protect it.")
final class ExportCommand implements Callable<Integer> {
  @ParentCommand private Cli cli;

  @Parameters(index = "0", paramLabel = "ROOM_ID", description = "The room or conversation id.")
  private String roomId;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write here instead of standard output; the file must not exist yet.")
  private Path output;

  @Override
  public Integer call() throws IOException {
    RoomId room = new RoomId(roomId);
    if (output != null && Files.exists(output)) {
      cli.terminal()
          .err()
          .println("chatterlink: " + output + " exists; export never overwrites a file");
      return Cli.FAILED;
    }
    try (Backend backend = Backend.open(cli.config())) {
      List<Membership> members = backend.storage().rooms().members(room);
      if (members.isEmpty()) {
        throw new NotFoundException("room " + roomId + " not found, or it has no members left");
      }
      ChatCore core = backend.offlineCore();
      long lines =
          output == null
              ? write(core, members.get(0), cli.terminal().out())
              : writeFile(core, members.get(0));
      cli.terminal().err().println("exported " + lines + " log entries of room " + roomId);
      return Cli.OK;
    }
  }

  private long writeFile(ChatCore core, Membership reader) throws IOException {
    try (OutputStream stream = Files.newOutputStream(output, StandardOpenOption.CREATE_NEW);
        Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        PrintWriter printer = new PrintWriter(writer)) {
      return write(core, reader, printer);
    }
  }

  private static long write(ChatCore core, Membership reader, PrintWriter out) {
    ExportLines lines = new ExportLines();
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
    out.flush();
    return count;
  }
}
