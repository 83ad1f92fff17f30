package io.chatterlink.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.port.out.MessageCipher;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens cross between ChatterLink and Python's {@code cryptography.fernet} (the original Python
 * ChatterLink's cipher) in both directions. Needs {@code python3} with the cryptography package
 * (Debian: {@code apt-get install python3-cryptography}); without it this test fails, on purpose.
 */
class PythonFernetInteropTest {
  private static final long TIMEOUT_SECONDS = 60;

  /**
   * Reads a key, a ChatterLink token and a text from stdin (one per line, so nothing secret is on
   * the command line), decrypts the token and encrypts the text, and prints both results. Texts
   * cross as hex of their UTF-8 bytes, so no console encoding can garble them.
   */
  private static final String SCRIPT =
      String.join(
          "\n",
          "import sys",
          "try:",
          "    from cryptography.fernet import Fernet",
          "except ImportError:",
          "    print('MISSING-CRYPTOGRAPHY')",
          "    sys.exit(3)",
          "key, token, text = sys.stdin.read().split('\\n')[:3]",
          "f = Fernet(key.encode())",
          "print(f.decrypt(token.encode()).hex())",
          "print(f.encrypt(bytes.fromhex(text)).decode())",
          "");

  @Test
  void tokensMadeByEitherSideDecryptOnTheOther(@TempDir Path dir) throws Exception {
    String key = ChatCrypto.generateKey();
    MessageCipher cipher = ChatCrypto.cipherFromSetting(key);
    String fromJava = "from Java: grüße 🎉";
    String fromPython = "from Python: ünïcødé ✓";

    List<String> output =
        runPython(
            dir, key + "\n" + cipher.encrypt(fromJava).token() + "\n" + hex(fromPython) + "\n");

    assertThat(output.get(0)).isEqualTo(hex(fromJava));
    EncryptedBody pythonToken = new EncryptedBody(output.get(1));
    assertThat(cipher.decrypt(pythonToken)).isEqualTo(fromPython);
    assertThat(cipher.isCurrent(pythonToken)).isTrue();
  }

  /**
   * Debian's interpreter, where {@code apt-get install python3-cryptography} puts the package, in
   * preference to whatever {@code python3} comes first on the PATH (pyenv, a virtualenv).
   */
  private static final String PYTHON =
      Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

  private static List<String> runPython(Path dir, String stdin) throws IOException {
    Path script = Files.writeString(dir.resolve("interop.py"), SCRIPT);
    Process process;
    try {
      process =
          new ProcessBuilder(PYTHON, script.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("out.txt").toFile())
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "python3 is not available; install it with: apt-get install -y python3-cryptography", e);
    }
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("python3 did not finish within " + TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for python3", e);
    }
    String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    if (out.contains("MISSING-CRYPTOGRAPHY")) {
      fail(
          "python3 lacks the cryptography package; install it with:"
              + " apt-get install -y python3-cryptography");
    }
    assertThat(process.exitValue()).as("python3 exit status; output:%n%s", out).isZero();
    List<String> lines = out.lines().toList();
    assertThat(lines).as("python3 output").hasSize(2);
    return lines;
  }

  private static String hex(String text) {
    return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
  }
}
