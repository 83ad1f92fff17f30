package io.chatterlink.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.ChatCore;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.error.NotFoundException;
import io.chatterlink.core.model.Limits;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.model.Username;
import io.chatterlink.core.port.in.FetchHistory.HistoryPage;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Opening direct conversations and reading history pages. */
final class ConversationEndpoints {
  /** Most other people named in one request to open a direct conversation. */
  static final int MAX_DIRECT_OTHERS = Limits.MAX_DIRECT_MEMBERS - 1;

  private final ChatCore core;
  private final JsonViews views;

  ConversationEndpoints(ChatCore core, JsonViews views) {
    this.core = core;
    this.views = views;
  }

  void register(ApiRoutes routes) {
    routes.post("/api/direct", this::openDirect).get("/api/rooms/{room}/messages", this::history);
  }

  /** Takes user ids ({@code users}) and/or exact usernames ({@code usernames}). */
  private void openDirect(Call call) throws IOException {
    UserId actor = call.actor();
    ObjectNode body = call.body();
    Set<UserId> others = new LinkedHashSet<>();
    for (String id : JsonFields.texts(body, "users", MAX_DIRECT_OTHERS)) {
      others.add(new UserId(id));
    }
    for (String name : JsonFields.texts(body, "usernames", MAX_DIRECT_OTHERS)) {
      others.add(byExactName(actor, name));
    }
    if (others.isEmpty()) {
      throw new InvalidInputException("name at least one person in \"users\" or \"usernames\"");
    }
    ObjectNode response = call.object();
    response.set("room", views.room(core.rooms().openDirect(actor, others)));
    call.ok(response);
  }

  private UserId byExactName(UserId actor, String typed) {
    String canonical = Username.of(typed).canonical();
    return core.accounts().searchUsers(actor, typed).stream()
        .filter(u -> Username.of(u.username()).canonical().equals(canonical))
        .map(UserView::id)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("no user is called " + typed.strip()));
  }

  private void history(Call call) {
    UserId actor = call.actor();
    RoomId room = RoomEndpoints.roomId(call);
    String direction = call.query("direction").orElse("latest").toLowerCase(Locale.ROOT);
    int limit =
        (int)
            Math.min(
                Integer.MAX_VALUE,
                call.queryNumber("limit").orElse((long) Limits.DEFAULT_PAGE_SIZE));
    long seq = call.queryNumber("seq").orElse(0L);
    PageRequest request;
    switch (direction) {
      case "latest":
        request = PageRequest.latest(limit);
        break;
      case "before":
        request = PageRequest.before(requireSeq(call, seq), limit);
        break;
      case "after":
        request = PageRequest.after(requireSeq(call, seq), limit);
        break;
      default:
        throw new InvalidInputException("\"direction\" must be latest, before or after");
    }
    HistoryPage page = core.history().page(actor, room, request);
    ObjectNode body = call.object().put("room", page.room().value());
    ArrayNode messages = body.putArray("messages");
    page.messages().forEach(m -> messages.add(views.message(m)));
    body.put("hasMore", page.hasMore());
    call.ok(body);
  }

  private static long requireSeq(Call call, long seq) {
    if (call.query("seq").isEmpty()) {
      throw new InvalidInputException("\"seq\" is required for before and after");
    }
    return seq;
  }
}
