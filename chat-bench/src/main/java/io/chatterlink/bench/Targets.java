package io.chatterlink.bench;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The servers a run drives and how its clients are placed on them. Several targets are meant to be
 * nodes of one cluster (one database): accounts and rooms are created through the first, and every
 * client presents its session to whichever target it is placed on.
 *
 * @param servers base URLs ({@code http://host:port}), 1 to {@value #MAX_TARGETS}
 * @param spread how clients are placed on them; {@link Spread#SENDERS_FIRST} needs two or more
 */
record Targets(List<URI> servers, Spread spread) {
  static final int MAX_TARGETS = 64;

  /**
   * @throws IllegalArgumentException when a URL is not http(s), there are none or too many, or the
   *     spread needs more targets
   */
  Targets {
    Objects.requireNonNull(spread, "spread");
    servers = List.copyOf(servers);
    if (servers.isEmpty() || servers.size() > MAX_TARGETS) {
      throw new IllegalArgumentException("--url takes 1 to " + MAX_TARGETS + " URLs");
    }
    for (URI server : servers) {
      if (!("http".equals(server.getScheme()) || "https".equals(server.getScheme()))
          || server.getRawAuthority() == null) {
        throw new IllegalArgumentException("--url must be http:// or https:// URLs: " + server);
      }
    }
    if (spread == Spread.SENDERS_FIRST && servers.size() < 2) {
      throw new IllegalArgumentException("--spread=senders-first needs two or more --url targets");
    }
  }

  /** One server, round-robin (which then places everyone on it). */
  static Targets one(URI server) {
    return new Targets(List.of(server), Spread.ROUND_ROBIN);
  }

  int size() {
    return servers.size();
  }

  /** The target through which accounts and rooms are created. */
  URI first() {
    return servers.get(0);
  }

  /** The WebSocket endpoint of target {@code target}. */
  URI webSocket(int target) {
    URI server = servers.get(target);
    String scheme = "https".equals(server.getScheme()) ? "wss" : "ws";
    return URI.create(scheme + "://" + server.getRawAuthority() + "/ws");
  }

  /**
   * The target of client {@code client}, who is in room {@code client % rooms}, where clients
   * {@code 0..senders-1} send.
   */
  int of(int client, int rooms, int senders) {
    int n = servers.size();
    // the client's place among its room's members, shifted by the room so that the first members
    // of different rooms (the senders, when there are as many as rooms) land on different targets
    int turn = client / rooms + client % rooms;
    if (spread == Spread.ROUND_ROBIN) {
      return turn % n;
    }
    return client < senders ? 0 : 1 + turn % (n - 1);
  }
}
