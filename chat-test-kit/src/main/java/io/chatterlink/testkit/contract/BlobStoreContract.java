package io.chatterlink.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.port.out.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link BlobStore} follows: what is put comes back byte for byte, whole or from an
 * offset; a key is written once; a failed put stores nothing; deleting is idempotent (several nodes
 * may sweep one store); keys cannot name anything outside the store; and a second instance over the
 * same storage (another node on a shared directory) sees the same blobs.
 */
public abstract class BlobStoreContract {
  /** Creates the contract; a subclass supplies the adapter under test. */
  protected BlobStoreContract() {}

  /** The store under test, empty. */
  protected BlobStore blobs;

  /**
   * A new, empty store. Called once before each test.
   *
   * @return the store under test
   */
  protected abstract BlobStore newBlobStore();

  /**
   * A second store over the same storage as the last {@link #newBlobStore()}, as another server
   * process would open it.
   *
   * @return another instance over the same blobs
   */
  protected abstract BlobStore sameStorageAgain();

  @BeforeEach
  final void openFreshStore() {
    blobs = newBlobStore();
  }

  @Test
  void aBlobComesBackByteForByteWithItsSize() throws IOException {
    byte[] bytes = pattern(300_000);

    long stored = blobs.put("0123abcd", new ByteArrayInputStream(bytes));

    assertThat(stored).isEqualTo(bytes.length);
    assertThat(blobs.size("0123abcd")).isEqualTo(bytes.length);
    assertThat(read(blobs.open("0123abcd", 0))).isEqualTo(bytes);
  }

  @Test
  void anEmptyBlobIsABlob() throws IOException {
    blobs.put("empty", InputStream.nullInputStream());

    assertThat(blobs.size("empty")).isZero();
    assertThat(read(blobs.open("empty", 0))).isEmpty();
  }

  @Test
  void openingAtAnOffsetSkipsThatManyBytesAndPastTheEndGivesNothing() throws IOException {
    byte[] bytes = pattern(1000);
    blobs.put("key", new ByteArrayInputStream(bytes));

    assertThat(read(blobs.open("key", 990)))
        .containsExactly(java.util.Arrays.copyOfRange(bytes, 990, 1000));
    assertThat(read(blobs.open("key", 1000))).isEmpty();
    assertThat(read(blobs.open("key", 5000))).isEmpty();
    assertThatThrownBy(() -> blobs.open("key", -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMissingBlobIsNotFound() {
    assertThatThrownBy(() -> blobs.open("missing", 0)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> blobs.size("missing")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aKeyIsWrittenOnceAndTheFirstBytesStay() throws IOException {
    blobs.put("key", new ByteArrayInputStream(new byte[] {1, 2, 3}));

    assertThatThrownBy(() -> blobs.put("key", new ByteArrayInputStream(new byte[] {9})))
        .isInstanceOf(ConflictException.class);
    assertThat(read(blobs.open("key", 0))).containsExactly(1, 2, 3);
  }

  @Test
  void aPutWhoseContentFailsStoresNothingAndTheKeyStaysFree() throws IOException {
    assertThatThrownBy(() -> blobs.put("key", failingAfter(100_000, new IOException("cut off"))))
        .isInstanceOf(IOException.class)
        .hasMessage("cut off");
    IllegalStateException refusal = new IllegalStateException("too large");
    assertThatThrownBy(() -> blobs.put("key", failingAfter(10, refusal))).isSameAs(refusal);

    assertThatThrownBy(() -> blobs.size("key")).isInstanceOf(NotFoundException.class);
    blobs.put("key", new ByteArrayInputStream(new byte[] {7}));
    assertThat(read(blobs.open("key", 0))).containsExactly(7);
  }

  @Test
  void deletingIsIdempotentAndADeletedBlobIsGone() throws IOException {
    blobs.put("key", new ByteArrayInputStream(new byte[] {1}));

    assertThat(blobs.delete("key")).isTrue();
    assertThat(blobs.delete("key")).isFalse();
    assertThat(blobs.delete("never-stored")).isFalse();
    assertThatThrownBy(() -> blobs.open("key", 0)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void ofParallelDeletesOfOneBlobThroughTwoInstancesExactlyOneDeletesIt() throws IOException {
    BlobStore other = sameStorageAgain();
    blobs.put("swept", new ByteArrayInputStream(new byte[] {1}));

    List<Boolean> deleted = Concurrently.run(8, i -> (i % 2 == 0 ? blobs : other).delete("swept"));

    assertThat(deleted).containsOnlyOnce(true);
  }

  @Test
  void anotherInstanceOverTheSameStorageSeesTheSameBlobs() throws IOException {
    BlobStore other = sameStorageAgain();

    blobs.put("0123abcd.thumb.png", new ByteArrayInputStream(new byte[] {4, 5}));

    assertThat(read(other.open("0123abcd.thumb.png", 0))).containsExactly(4, 5);
    assertThat(other.delete("0123abcd.thumb.png")).isTrue();
    assertThatThrownBy(() -> blobs.size("0123abcd.thumb.png"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void keysThatCouldNameSomethingElseAreRefusedEverywhere() throws IOException {
    String longest = "k".repeat(BlobStore.MAX_KEY_LENGTH);
    for (String bad :
        List.of("", "../etc", "a/b", "a\\b", ".hidden", "..", "-x", "k€y", longest + "k")) {
      assertThatThrownBy(() -> blobs.put(bad, InputStream.nullInputStream()))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> blobs.open(bad, 0))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> blobs.size(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> blobs.delete(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(blobs.put(longest, InputStream.nullInputStream())).isZero();
    assertThat(blobs.put("A-b_c.d", InputStream.nullInputStream())).isZero();
  }

  /**
   * Bytes that differ from position to position, so that a shifted copy shows.
   *
   * @param length how many bytes
   * @return the bytes, the same for the same length
   */
  protected static byte[] pattern(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + i / 251);
    }
    return bytes;
  }

  private static byte[] read(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  /** A stream of {@code length} bytes that then fails with {@code failure}. */
  private static InputStream failingAfter(int length, Exception failure) {
    return new InputStream() {
      private int left = length;

      @Override
      public int read() throws IOException {
        if (left == 0) {
          if (failure instanceof IOException io) {
            throw io;
          }
          if (failure instanceof RuntimeException runtime) {
            throw runtime;
          }
          throw new UncheckedIOException(new IOException(failure));
        }
        left--;
        return 'x';
      }
    };
  }
}
