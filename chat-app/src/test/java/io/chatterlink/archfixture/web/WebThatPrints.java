package io.chatterlink.archfixture.web;

import java.util.logging.Logger;

/** Breaks the general coding rules: standard output, a generic exception, java.util.logging. */
public final class WebThatPrints {
  private static final Logger JUL = Logger.getLogger("fixture");

  /** Prints, logs through JUL and throws a bare RuntimeException. */
  public void print(String line) {
    System.out.println(line);
    JUL.info(line);
    if (line.isEmpty()) {
      throw new RuntimeException("empty line");
    }
  }
}
