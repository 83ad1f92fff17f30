package io.chatterlink.web;

import java.io.IOException;

/** What one API route does with a {@link Call}. Failures are thrown as core exceptions. */
@FunctionalInterface
interface Endpoint {
  void handle(Call call) throws IOException;
}
