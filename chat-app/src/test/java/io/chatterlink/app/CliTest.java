package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatterlink.core.ChatCore;
import io.chatterlink.core.error.NotAuthenticatedException;
import io.chatterlink.core.model.RoomSummary;
import io.chatterlink.core.port.in.ManageAccounts.LogIn;
import io.chatterlink.core.port.out.Delivery;
import io.chatterlink.crypto.ChatCrypto;
import io.chatterlink.crypto.KeyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process with its output captured and its input given. */
class CliTest {
  @TempDir Path dataDir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void genKeyPrintsAFernetKeyTheServerAccepts() {
    int status = run(Map.of(), "", "gen-key");

    String key = out.toString().strip();
    assertThat(status).isZero();
    assertThat(key).hasSize(44);
    assertThat(
            ChatCrypto.cipherFromSetting(key)
                .decrypt(ChatCrypto.cipherFromSetting(key).encrypt("x")))
        .isEqualTo("x");
  }

  @Test
  void createUserReadsThePasswordFromStandardInputAndTheUserCanLogIn() {
    int status =
        run(
            Map.of(),
            "a long enough password\n",
            "create-user",
            "dora",
            "--display-name",
            "Dora E.");

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Created user dora");
    assertThat(logIn("dora", "a long enough password").displayName()).isEqualTo("Dora E.");
  }

  @Test
  void createUserWithoutAPasswordOnStandardInputFailsAndCreatesNobody() {
    int status = run(Map.of(), "", "create-user", "dora");

    assertThat(status).isEqualTo(Cli.FAILED);
    assertThat(err.toString()).contains("no password given");
    Assertions.assertThatThrownBy(() -> logIn("dora", "anything at all"))
        .isInstanceOf(NotAuthenticatedException.class);
  }

  @Test
  void resetPasswordReplacesTheOldPassword() {
    run(Map.of(), "the first password\n", "create-user", "erin");

    int status = run(Map.of(), "the second password\n", "reset-password", "erin");

    assertThat(status).as(err.toString()).isZero();
    assertThat(logIn("erin", "the second password").username()).isEqualTo("erin");
    Assertions.assertThatThrownBy(() -> logIn("erin", "the first password"))
        .isInstanceOf(NotAuthenticatedException.class);
  }

  @Test
  void createUserAndResetPasswordRefuseACommonPasswordAndSaySo() {
    int created = run(Map.of(), "Password\n", "create-user", "fay");

    assertThat(created).isEqualTo(Cli.FAILED);
    assertThat(err.toString()).contains("too common");
    Assertions.assertThatThrownBy(() -> logIn("fay", "Password"))
        .isInstanceOf(NotAuthenticatedException.class);

    run(Map.of(), "the first password\n", "create-user", "fay");
    int reset = run(Map.of(), "12345678\n", "reset-password", "fay");

    assertThat(reset).isEqualTo(Cli.FAILED);
    assertThat(logIn("fay", "the first password").username()).isEqualTo("fay");
  }

  @Test
  void exportWritesTheRoomsLogAsJsonLinesInSeqOrder() throws IOException {
    RoomSummary room =
        StoredData.roomWithMessages(config(Map.of()), "frank", List.of("one", "two", "three"));

    int status = run(Map.of(), "", "export", room.id().value());

    assertThat(status).as(err.toString()).isZero();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().strip().split("\n")) {
      lines.add(new ObjectMapper().readTree(line));
    }
    JsonNode header = lines.remove(0);
    assertThat(header.path("type").asText()).isEqualTo("room");
    assertThat(header.at("/room/name").asText()).isEqualTo("stored");
    assertThat(header.at("/room/kind").asText()).isEqualTo("private");
    assertThat(header.at("/room/members/0/username").asText()).isEqualTo("frank");
    assertThat(header.at("/room/members/0/role").asText()).isEqualTo("owner");
    assertThat(lines).extracting(l -> l.path("type").asText()).containsOnly("message");
    assertThat(lines).extracting(l -> l.path("seq").asLong()).containsExactly(1L, 2L, 3L);
    assertThat(lines)
        .extracting(l -> l.path("message").path("text").asText())
        .containsExactly("one", "two", "three");
    assertThat(err.toString()).contains("exported 3 log entries");
  }

  @Test
  void exportToAFileRefusesToOverwriteOne() throws IOException {
    RoomSummary room = StoredData.roomWithMessages(config(Map.of()), "frank", List.of("one"));
    Path file = dataDir.resolve("export.jsonl");

    assertThat(run(Map.of(), "", "export", room.id().value(), "--output", file.toString()))
        .isZero();
    assertThat(Files.readAllLines(file)).hasSize(2);
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(KeyFiles.OWNER_ONLY);
    assertThat(run(Map.of(), "", "export", room.id().value(), "--output", file.toString()))
        .isEqualTo(Cli.FAILED);
  }

  @Test
  void roomsListsEveryRoomAndExportAllWritesEachWithItsMembers() throws IOException {
    RoomSummary first = StoredData.roomWithMessages(config(Map.of()), "frank", List.of("one"));
    RoomSummary second =
        StoredData.roomWithMessages(config(Map.of()), "gina", List.of("two", "three"));

    assertThat(run(Map.of(), "", "rooms")).as(err.toString()).isZero();
    assertThat(out.toString())
        .startsWith("id\tkind\tmembers\tname\n")
        .contains(first.id().value() + "\tprivate\t1\tstored")
        .contains(second.id().value() + "\tprivate\t1\tstored");

    Path file = dataDir.resolve("all.jsonl");
    assertThat(run(Map.of(), "", "export", "--all", "-o", file.toString())).isZero();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(5);
    assertThat(lines.stream().filter(l -> l.contains("\"type\":\"room\""))).hasSize(2);
    assertThat(String.join("\n", lines)).contains("\"username\":\"gina\"").contains("three");
    assertThat(err.toString()).contains("exported 3 log entries of 2 room(s)");
  }

  @Test
  void exportNeedsExactlyOneOfARoomOrAll() {
    assertThat(run(Map.of(), "", "export")).isEqualTo(Cli.FAILED);
    assertThat(run(Map.of(), "", "export", "r1", "--all")).isEqualTo(Cli.FAILED);
    assertThat(err.toString()).contains("name one ROOM_ID, or give --all");
  }

  @Test
  void exportOfAnUnknownRoomFailsWithAClearMessage() {
    int status = run(Map.of(), "", "export", "no-such-room");

    assertThat(status).isEqualTo(Cli.FAILED);
    assertThat(err.toString()).contains("room no-such-room not found");
  }

  @Test
  void rotateKeysMovesEveryMessageToThePrimaryKeySoTheOldKeyCanBeDropped() {
    String oldKey = ChatCrypto.generateKey();
    String newKey = ChatCrypto.generateKey();
    RoomSummary room =
        StoredData.roomWithMessages(
            config(Map.of("FERNET_KEY", oldKey)), "gina", List.of("a", "b", "c"));

    int status =
        run(Map.of("FERNET_KEY", newKey + "," + oldKey), "", "rotate-keys", "--batch-size", "2");

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("done");
    assertThat(lastProgressLine())
        .matches("examined (\\d+), re-encrypted \\1")
        .isNotEqualTo("examined 0, re-encrypted 0");
    out.getBuffer().setLength(0);
    assertThat(run(Map.of("FERNET_KEY", newKey + "," + oldKey), "", "rotate-keys")).isZero();
    assertThat(lastProgressLine())
        .as("a second run finds nothing left to do")
        .endsWith(", re-encrypted 0");
    out.getBuffer().setLength(0);
    assertThat(run(Map.of("FERNET_KEY", newKey), "", "export", room.id().value()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("\"text\":\"a\"").doesNotContain("\"unreadable\":true");
  }

  @Test
  void rotateKeysRefusesABatchSizeOutsideOneToTenThousand() {
    assertThat(run(Map.of(), "", "rotate-keys", "--batch-size", "10001")).isEqualTo(Cli.FAILED);
    assertThat(run(Map.of(), "", "rotate-keys", "--batch-size", "0")).isEqualTo(Cli.FAILED);
    assertThat(err.toString()).contains("--batch-size must be 1 to " + RotateKeysCommand.MAX_BATCH);
  }

  @Test
  void aBadSettingIsReportedOnOneLineNamingItAndTheCommandFails() {
    int status = run(Map.of("PORT", "lots"), "", "export", "r1");

    assertThat(status).isEqualTo(Cli.FAILED);
    assertThat(err.toString().strip())
        .isEqualTo("chatterlink: PORT: must be a whole number from 0 to 65535");
  }

  @Test
  void noArgumentsOrJustServeMeanServingAndAnythingElseIsParsed() {
    assertThat(Cli.servesWithoutParsing(new String[0])).isTrue();
    assertThat(Cli.servesWithoutParsing(new String[] {"serve"})).isTrue();
    assertThat(Cli.servesWithoutParsing(new String[] {"serve", "--help"})).isFalse();
    assertThat(Cli.servesWithoutParsing(new String[] {"--help"})).isFalse();
    assertThat(Cli.servesWithoutParsing(new String[] {"export", "r1"})).isFalse();
  }

  @Test
  void serveWithABadSettingFailsOnOneLineWithOrWithoutItsName() {
    for (String[] args : List.of(new String[0], new String[] {"serve"})) {
      err.getBuffer().setLength(0);

      int status = run(Map.of("PORT", "lots"), "", args);

      assertThat(status).isEqualTo(Cli.FAILED);
      assertThat(err.toString().strip())
          .isEqualTo("chatterlink: PORT: must be a whole number from 0 to 65535");
    }
  }

  @Test
  void serveWithAnArgumentIsStillParsedAndRefusedAsAUsageError() {
    int status = run(Map.of(), "", "serve", "now");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument").contains("now");
  }

  @Test
  void helpListsEveryCommand() {
    int status = run(Map.of(), "", "--help");

    assertThat(status).isZero();
    assertThat(out.toString())
        .contains("serve")
        .contains("create-user")
        .contains("reset-password")
        .contains("rotate-keys")
        .contains("export")
        .contains("gen-key");
  }

  @Test
  void theLoadGeneratorIsNoLongerACommandOfTheServer() {
    int status = run(Map.of(), "", "bench", "--clients", "1");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument").contains("bench");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "serve",
        "create-user",
        "reset-password",
        "rotate-keys",
        "export",
        "rooms",
        "gen-key"
      })
  void everyCommandHasHelpThatRunsNothing(String command) {
    int status = run(Map.of(), "", command, "--help");

    assertThat(status).isZero();
    assertThat(out.toString()).contains("Usage:").contains(command).contains("--help");
    assertThat(err.toString()).isEmpty();
  }

  private String lastProgressLine() {
    String[] lines = out.toString().strip().split("\n");
    return lines[lines.length - 2];
  }

  private int run(Map<String, String> env, String stdin, String... args) {
    Map<String, String> environment = new java.util.HashMap<>(env);
    environment.put("DATA_DIR", dataDir.toString());
    Terminal terminal =
        new Terminal(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new StringReader(stdin),
            Optional.empty());
    return Cli.run(args, environment, dataDir, terminal);
  }

  private AppConfig config(Map<String, String> extra) {
    return StoredData.config(dataDir, extra);
  }

  private io.chatterlink.core.model.UserView logIn(String username, String password) {
    try (Backend backend = Backend.open(config(Map.of()))) {
      ChatCore core = backend.core(Delivery.none(), backend.storage().messages());
      return core.accounts().logIn(new LogIn(username, password)).user();
    }
  }
}
