package io.chatterlink.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts;
import io.chatterlink.core.port.out.RateWindows;
import java.time.Clock;
import java.time.Duration;

/**
 * Looking people up: by id, and by name prefix for the "start a conversation" box. Searching is
 * throttled per user, so that nobody walks the whole directory quickly; the count is shared by
 * every server process on the same store ({@link SharedThrottle}).
 */
final class UserEndpoints {
  /** Searches one user may make within {@link #SEARCH_WINDOW} (a fast typist needs about 10). */
  static final int SEARCHES_PER_WINDOW = 30;

  static final Duration SEARCH_WINDOW = Duration.ofSeconds(10);

  private final ManageAccounts accounts;
  private final JsonViews views;
  private final SharedThrottle searches;

  UserEndpoints(ManageAccounts accounts, JsonViews views, RateWindows windows, Clock clock) {
    this.accounts = accounts;
    this.views = views;
    this.searches =
        new SharedThrottle("search", windows, SEARCHES_PER_WINDOW, SEARCH_WINDOW, clock);
  }

  void register(ApiRoutes routes) {
    routes.get("/api/users", this::search).get("/api/users/{user}", this::find);
  }

  private void search(Call call) {
    searches.acquire(call.actor().value(), "too many searches; wait a moment");
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
