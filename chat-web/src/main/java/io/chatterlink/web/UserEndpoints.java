package io.chatterlink.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageAccounts;

/** Looking people up: by id, and by name prefix for the "start a conversation" box. */
final class UserEndpoints {
  private final ManageAccounts accounts;
  private final JsonViews views;

  UserEndpoints(ManageAccounts accounts, JsonViews views) {
    this.accounts = accounts;
    this.views = views;
  }

  void register(ApiRoutes routes) {
    routes.get("/api/users", this::search).get("/api/users/{user}", this::find);
  }

  private void search(Call call) {
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
