package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher passes a stop on to its child and ends with whatever status the child chose. */
class ChildJvmTest {
  @Test
  void stoppingSendsTheChildSigtermAndReturnsTheStatusTheChildEndedWith() throws Exception {
    Process child =
        new ProcessBuilder(
                "sh", "-c", "trap 'exit 7' TERM; echo ready; while :; do sleep 0.1; done")
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).isEqualTo("ready");

    int status =
        CompletableFuture.supplyAsync(() -> ChildJvm.stop(child)).get(60, TimeUnit.SECONDS);

    assertThat(status).isEqualTo(7);
  }

  @Test
  void aChildThatHasAlreadyEndedIsNotSignalledAndItsStatusIsKept() throws Exception {
    Process child = new ProcessBuilder("sh", "-c", "exit 3").start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(ChildJvm.stop(child)).isEqualTo(3);
  }
}
