package io.chatterlink.benchfixture;

import io.chatterlink.app.ChatServer;
import java.util.logging.Logger;

/** Breaks every rule of the bench's architecture test on purpose (see its can-fail test). */
public final class BenchThatReachesIntoTheServer {
  private static final Logger JUL = Logger.getLogger("fixture");

  private BenchThatReachesIntoTheServer() {}

  static void misbehave(ChatServer server) {
    System.out.println(server.port());
    JUL.info("printed");
    throw new RuntimeException("generic");
  }
}
