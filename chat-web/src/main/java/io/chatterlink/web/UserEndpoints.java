package io.chatterlink.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts;
import java.time.Clock;
import java.time.Duration;

/**
 * Looking people up: by id, and by name prefix for the "start a conversation" box. Searching is
 * throttled per user, so that nobody walks the whole directory quickly; the count is kept per
 * server process (abuse control only).
 */
final class UserEndpoints {
  /** Searches one user may make within {@link #SEARCH_WINDOW} (a fast typist needs about 10). */
  static final int SEARCHES_PER_WINDOW = 30;

  static final Duration SEARCH_WINDOW = Duration.ofSeconds(10);

  private final ManageAccounts accounts;
  private final JsonViews views;
  private final EventWindow searches;

  UserEndpoints(ManageAccounts accounts, JsonViews views, Clock clock) {
    this.accounts = accounts;
    this.views = views;
    this.searches = new EventWindow(SEARCHES_PER_WINDOW, SEARCH_WINDOW, clock);
  }

  void register(ApiRoutes routes) {
    routes.get("/api/users", this::search).get("/api/users/{user}", this::find);
  }

  private void search(Call call) {
    String key = call.actor().value();
    long wait = searches.secondsUntilAllowed(key);
    if (wait > 0) {
      throw new RetryLaterException("too many searches; wait a moment", wait);
    }
    searches.record(key);
    ObjectNode body = call.object();
    ArrayNode users = body.putArray("users");
    accounts
        .searchUsers(call.actor(), call.query("prefix").orElse(""))
        .forEach(u -> users.add(views.user(u)));
    call.ok(body);
  }

  private void find(Call call) {
    UserId actor = call.actor();
    ObjectNode body = call.object();
    body.set(
        "user",
        views.user(
            accounts
                .findUser(actor, new UserId(call.path("user")))
                .orElseThrow(() -> new NotFoundException("user not found"))));
    call.ok(body);
  }
}
