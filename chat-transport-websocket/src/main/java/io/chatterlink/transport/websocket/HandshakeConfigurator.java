package io.chatterlink.transport.websocket;

import io.chatterlink.core.ChatCore;
import io.chatterlink.core.policy.OriginPolicy;
import io.chatterlink.core.policy.SessionCookie;
import io.chatterlink.core.port.in.ManageAccounts.AuthenticatedUser;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.tyrus.core.RequestContext;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every upgrade before the socket opens: the server must be accepting (else 503), the {@code
 * Origin} must be allowed (else 403), the session cookie valid (else 401) and the user and the
 * client address under their socket caps on this node (else 429). The authenticated user and the
 * place under the caps travel to the endpoint in the handshake's user properties, which Tyrus keeps
 * per connection. On Tyrus the refusal status is the HTTP answer; in a container without a way to
 * set it, the endpoint finds no user and closes at once with 4401.
 */
final class HandshakeConfigurator extends ServerEndpointConfig.Configurator {
  static final String AUTHENTICATED_USER = "io.chatterlink.transport.websocket.user";
  static final String PLACE = "io.chatterlink.transport.websocket.place";
  private static final Logger LOG = LoggerFactory.getLogger(HandshakeConfigurator.class);

  private final TransportRuntime runtime;
  private final OriginPolicy origins;

  HandshakeConfigurator(TransportRuntime runtime) {
    this.runtime = runtime;
    this.origins = new OriginPolicy(runtime.settings().allowedOrigins());
  }

  /** Always true here: the same-origin rule needs the Host header, so it is checked below. */
  @Override
  public boolean checkOrigin(String originHeaderValue) {
    return true;
  }

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    Map<String, List<String>> headers = request.getHeaders();
    Optional<ChatCore> core = runtime.core();
    if (!runtime.accepting() || core.isEmpty()) {
      refuse(response, 503, "not accepting connections");
      return;
    }
    Optional<String> origin = first(headers, "Origin");
    if (origin.isPresent() && !origins.allows(origin.get(), first(headers, "Host"))) {
      refuse(response, 403, "origin not allowed");
      return;
    }
    Optional<AuthenticatedUser> user =
        SessionCookie.fromHeaders(all(headers, "Cookie"))
            .flatMap(t -> core.get().accounts().authenticate(t));
    if (user.isEmpty()) {
      refuse(response, 401, "no valid session");
      return;
    }
    Optional<String> address =
        ClientAddress.of(
            peerAddress(request),
            all(headers, "X-Forwarded-For"),
            runtime.settings().trustProxyHeaders());
    Optional<ConnectionLimiter.Place> place =
        runtime.limiter().admit(user.get().user().id(), address);
    if (place.isEmpty()) {
      refuse(response, 429, "too many connections for the user or the address");
      return;
    }
    config.getUserProperties().put(AUTHENTICATED_USER, user.get());
    config.getUserProperties().put(PLACE, place.get());
  }

  /** The TCP peer, as Tyrus reports it; other containers do not tell. */
  private static Optional<String> peerAddress(HandshakeRequest request) {
    return request instanceof RequestContext
        ? Optional.ofNullable(((RequestContext) request).getRemoteAddr())
        : Optional.empty();
  }

  @Override
  public <T> T getEndpointInstance(Class<T> endpointClass) {
    return endpointClass.cast(new ChatEndpoint(runtime));
  }

  private static void refuse(HandshakeResponse response, int status, String why) {
    LOG.debug("refusing WebSocket upgrade: {}", why);
    if (response instanceof UpgradeResponse) {
      ((UpgradeResponse) response).setStatus(status);
      // Tyrus has already filled in the upgrade headers; a refusal must not carry them.
      response
          .getHeaders()
          .keySet()
          .removeIf(h -> h.equalsIgnoreCase("Upgrade") || h.startsWith("Sec-WebSocket"));
      response.getHeaders().put("Connection", List.of("close"));
    }
  }

  private static Optional<String> first(Map<String, List<String>> headers, String name) {
    return all(headers, name).stream().findFirst();
  }

  /** Header lookup that does not depend on the container's map being case-insensitive. */
  private static List<String> all(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null) {
        return e.getValue();
      }
    }
    return List.of();
  }
}
