package io.chatterlink.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.ChatCore;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.RoomId;
import io.chatterlink.core.model.RoomKind;
import io.chatterlink.core.model.RoomSummary;
import io.chatterlink.core.model.UserId;
import io.chatterlink.core.port.in.ManageRooms;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Rooms: create, list, join, leave, rename, members, invite, remove, presence, read markers. */
final class RoomEndpoints {
  private final ChatCore core;
  private final JsonViews views;

  RoomEndpoints(ChatCore core, JsonViews views) {
    this.core = core;
    this.views = views;
  }

  void register(ApiRoutes routes) {
    routes
        .get("/api/rooms", call -> call.ok(rooms(call, core.rooms().myRooms(call.actor()))))
        .get(
            "/api/public-rooms",
            call -> call.ok(rooms(call, core.rooms().publicRooms(call.actor()))))
        .post("/api/rooms", this::create)
        .get(
            "/api/rooms/{room}",
            call -> call.ok(room(call, core.rooms().room(call.actor(), roomId(call)))))
        .patch("/api/rooms/{room}", this::rename)
        .post(
            "/api/rooms/{room}/join",
            call -> call.ok(room(call, core.rooms().joinRoom(call.actor(), roomId(call)))))
        .post("/api/rooms/{room}/leave", this::leave)
        .get("/api/rooms/{room}/members", this::members)
        .post("/api/rooms/{room}/members", this::invite)
        .delete("/api/rooms/{room}/members/{user}", this::remove)
        .get("/api/rooms/{room}/presence", this::presence)
        .post("/api/rooms/{room}/read", this::markRead);
  }

  static RoomId roomId(Call call) {
    return new RoomId(call.path("room"));
  }

  private void create(Call call) throws IOException {
    UserId actor = call.actor();
    ObjectNode body = call.body();
    String kind = JsonFields.optionalText(body, "kind").orElse("public").toLowerCase(Locale.ROOT);
    RoomKind roomKind;
    if (kind.equals("public")) {
      roomKind = RoomKind.PUBLIC;
    } else if (kind.equals("private")) {
      roomKind = RoomKind.PRIVATE;
    } else {
      throw new InvalidInputException("\"kind\" must be \"public\" or \"private\"");
    }
    RoomSummary room =
        core.rooms()
            .createRoom(new ManageRooms.CreateRoom(actor, JsonFields.text(body, "name"), roomKind));
    call.created(room(call, room));
  }

  private void rename(Call call) throws IOException {
    UserId actor = call.actor();
    String name = JsonFields.text(call.body(), "name");
    call.ok(room(call, core.rooms().rename(actor, roomId(call), name)));
  }

  private void leave(Call call) {
    core.rooms().leaveRoom(call.actor(), roomId(call));
    call.noContent();
  }

  private void members(Call call) {
    ObjectNode body = call.object();
    ArrayNode members = body.putArray("members");
    core.rooms().members(call.actor(), roomId(call)).forEach(m -> members.add(views.member(m)));
    call.ok(body);
  }

  private void invite(Call call) throws IOException {
    UserId actor = call.actor();
    UserId invitee = new UserId(JsonFields.text(call.body(), "user"));
    core.rooms().invite(actor, roomId(call), invitee);
    call.noContent();
  }

  private void remove(Call call) {
    core.rooms().removeMember(call.actor(), roomId(call), new UserId(call.path("user")));
    call.noContent();
  }

  private void presence(Call call) {
    RoomId room = roomId(call);
    ObjectNode body = call.object().put("room", room.value());
    ArrayNode presence = body.putArray("presence");
    core.presence().presenceIn(call.actor(), room).forEach(p -> presence.add(views.presence(p)));
    call.ok(body);
  }

  private void markRead(Call call) throws IOException {
    UserId actor = call.actor();
    long seq = JsonFields.number(call.body(), "seq");
    if (seq < 0) {
      throw new InvalidInputException("\"seq\" must not be negative");
    }
    core.reading().markRead(actor, roomId(call), seq);
    call.noContent();
  }

  private ObjectNode room(Call call, RoomSummary room) {
    ObjectNode body = call.object();
    body.set("room", views.room(room));
    return body;
  }

  private ObjectNode rooms(Call call, List<RoomSummary> rooms) {
    ObjectNode body = call.object();
    ArrayNode list = body.putArray("rooms");
    rooms.forEach(r -> list.add(views.room(r)));
    return body;
  }
}
