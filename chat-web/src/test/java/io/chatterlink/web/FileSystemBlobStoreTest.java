package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.port.out.BlobStore;
import io.chatterlink.testkit.contract.BlobStoreContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob contract on a directory, and where the files go. */
class FileSystemBlobStoreTest extends BlobStoreContract {
  @TempDir Path root;

  @Override
  protected BlobStore newBlobStore() {
    return WebStores.filesIn(root);
  }

  /** Another node mounting the same shared directory. */
  @Override
  protected BlobStore sameStorageAgain() {
    return WebStores.filesIn(root);
  }

  @Test
  void aBlobIsOneFileUnderFilesNamedByItsKeyAndNoTempFileIsLeft() throws IOException {
    blobs.put("0123abcd", new ByteArrayInputStream(new byte[] {1, 2, 3}));

    assertThat(Files.readAllBytes(root.resolve("files/0123abcd"))).containsExactly(1, 2, 3);
    try (var temps = Files.list(root.resolve("tmp"))) {
      assertThat(temps).isEmpty();
    }
  }

  @Test
  void aFailedPutLeavesNoFileBehind() throws IOException {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("client went away");
          }
        };

    assertThatThrownBy(() -> blobs.put("0123abcd", failing)).isInstanceOf(IOException.class);

    try (var files = Files.list(root.resolve("files"));
        var temps = Files.list(root.resolve("tmp"))) {
      assertThat(files).isEmpty();
      assertThat(temps).isEmpty();
    }
  }

  @Test
  void existingUploadsKeepTheirPlace() throws IOException {
    Files.write(root.resolve("files/00112233445566778899aabbccddeeff"), new byte[] {9});

    assertThat(blobs.size("00112233445566778899aabbccddeeff")).isEqualTo(1);
  }
}
