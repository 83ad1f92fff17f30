package io.chatterlink.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.crypto.KeyFileException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
  @TempDir Path dataDir;

  @Test
  void aMissingKeyIsGeneratedReadableByTheOwnerOnlyAndReusedAfterwards() throws IOException {
    Path path = dataDir.resolve("keys/fernet.key");
    AtomicInteger generated = new AtomicInteger();

    KeyFile first = KeyFiles.loadOrCreate(path, () -> "key-" + generated.incrementAndGet());
    KeyFile second = KeyFiles.loadOrCreate(path, () -> "key-" + generated.incrementAndGet());

    assertThat(first.key()).isEqualTo("key-1");
    assertThat(first.created()).isTrue();
    assertThat(second.key()).isEqualTo(first.key());
    assertThat(second.created()).isFalse();
    assertThat(second.readableByOthers()).isFalse();
    assertThat(generated).hasValue(1);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(path)).isEqualTo("key-1\n");
  }

  @Test
  void creatingAKeyLeavesNoTemporaryFileBehind() throws IOException {
    KeyFiles.loadOrCreate(dataDir.resolve("fernet.key"), () -> "the-key");

    try (var files = Files.list(dataDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("fernet.key");
    }
  }

  @Test
  void processesStartingAtOnceAllGetTheOneKeyThatWasStored() throws Exception {
    Path path = dataDir.resolve("fernet.key");
    int starters = 8;
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger generated = new AtomicInteger();
    List<Callable<String>> tasks = new ArrayList<>();
    for (int i = 0; i < starters; i++) {
      tasks.add(
          () -> {
            go.await();
            return KeyFiles.loadOrCreate(path, () -> "key-" + generated.incrementAndGet()).key();
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(starters);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (Callable<String> task : tasks) {
        futures.add(pool.submit(task));
      }
      go.countDown();
      Set<String> keys = futures.stream().map(KeyFilesTest::resultOf).collect(Collectors.toSet());

      assertThat(keys).hasSize(1);
      assertThat(Files.readString(path)).isEqualTo(keys.iterator().next() + "\n");
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void anExistingKeyFileIsNeverReplaced() throws IOException {
    Path path = dataDir.resolve("fernet.key");
    Files.writeString(path, "the-old-key\n");

    KeyFile key = KeyFiles.loadOrCreate(path, () -> "a-new-key");

    assertThat(key.key()).isEqualTo("the-old-key");
    assertThat(key.created()).isFalse();
    assertThat(Files.readString(path)).isEqualTo("the-old-key\n");
  }

  @Test
  void anEmptyKeyFileIsRefusedRatherThanRegenerated() throws IOException {
    Path path = dataDir.resolve("fernet.key");
    Files.writeString(path, "\n");

    assertThatThrownBy(() -> KeyFiles.loadOrCreate(path, () -> "a-new-key"))
        .isInstanceOfSatisfying(
            KeyFileException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(Problem.EMPTY);
              assertThat(e.file()).isEqualTo(path);
            })
        .hasMessageContaining(path + " is empty")
        .hasMessageContaining("never regenerated");
    assertThat(Files.readString(path)).isEqualTo("\n");
  }

  @Test
  void aKeyFileOverTheSizeLimitIsRefused() throws IOException {
    Path path = dataDir.resolve("fernet.key");
    Files.writeString(path, "k".repeat((int) KeyFiles.MAX_BYTES + 1));

    assertThatThrownBy(() -> KeyFiles.loadOrCreate(path, () -> "a-new-key"))
        .isInstanceOfSatisfying(
            KeyFileException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE))
        .hasMessageContaining("larger than " + KeyFiles.MAX_BYTES);
  }

  @Test
  void aKeyFileThatIsNotAsciiIsUnreadableAndItsContentIsNotQuoted() throws IOException {
    Path path = dataDir.resolve("fernet.key");
    Files.writeString(path, "sécret-key\n");

    assertThatThrownBy(() -> KeyFiles.load(path))
        .isInstanceOfSatisfying(
            KeyFileException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNREADABLE))
        .hasMessageContaining(path + " cannot be read")
        .hasMessageNotContaining("cret");
  }

  @Test
  void loadingNeverCreatesAMissingFile() {
    Path path = dataDir.resolve("fernet.key");

    assertThatThrownBy(() -> KeyFiles.load(path))
        .isInstanceOfSatisfying(
            KeyFileException.class, e -> assertThat(e.problem()).isEqualTo(Problem.MISSING))
        .hasMessageContaining(path + " does not exist");
    assertThat(path).doesNotExist();
  }

  @Test
  void aKeyFileThatCannotBeCreatedIsRefusedNamingTheFile() throws IOException {
    Path notAFolder = Files.writeString(dataDir.resolve("data"), "a file, not a folder");
    Path path = notAFolder.resolve("fernet.key");

    assertThatThrownBy(() -> KeyFiles.loadOrCreate(path, () -> "a-new-key"))
        .isInstanceOfSatisfying(
            KeyFileException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CANNOT_CREATE))
        .hasMessageStartingWith(path + " cannot be created (");
  }

  @Test
  void aFileOthersMayReadIsLoadedAndFlagged() throws IOException {
    Path path = dataDir.resolve("fernet.key");
    Files.writeString(path, "the-key\n");
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));

    assertThat(KeyFiles.load(path).readableByOthers()).isTrue();
  }

  @Test
  void aGeneratedKeyWithWhitespaceOrNothingIsRejectedAndNoFileIsWritten() {
    Path path = dataDir.resolve("fernet.key");

    assertThatThrownBy(() -> KeyFiles.loadOrCreate(path, () -> "two words"))
        .isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(KeyFileException.class);
    assertThatThrownBy(() -> KeyFiles.loadOrCreate(path, () -> ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(path).doesNotExist();
  }

  @Test
  void theKeyNeverAppearsInTheDescriptionOfALoadedKey() {
    KeyFile key = KeyFiles.loadOrCreate(dataDir.resolve("fernet.key"), () -> "very-secret-key");

    assertThat(key.toString()).doesNotContain("very-secret-key").contains("fernet.key");
  }

  @Test
  void generatedSecretsAreRandomUrlSafeAndCarry256Bits() {
    String one = ChatCrypto.generateSecret();
    String two = ChatCrypto.generateSecret();

    assertThat(one).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(two).isNotEqualTo(one);
  }

  private static String resultOf(Future<String> future) {
    try {
      return future.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
