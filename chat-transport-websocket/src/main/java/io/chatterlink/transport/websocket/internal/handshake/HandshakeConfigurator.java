package io.chatterlink.transport.websocket.internal.handshake;

import io.chatterlink.transport.websocket.HandshakeRefusal;
import io.chatterlink.transport.websocket.TransportSettings;
import io.chatterlink.transport.websocket.UpgradeRequest;
import jakarta.websocket.Endpoint;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.glassfish.tyrus.core.HandshakeException;
import org.glassfish.tyrus.core.RequestContext;
import org.glassfish.tyrus.spi.UpgradeResponse;

/**
 * Checks every upgrade before the socket opens ({@link HandshakeAdmission}: server state, {@code
 * Origin}, authentication, connection caps), unless the {@link ServletHandshakeFilter} in front of
 * a servlet container already did for this request ({@link AdmissionHandoff}). The identity and the
 * place under the caps travel to the endpoint in the handshake's user properties, which Tyrus and
 * Jetty keep per connection.
 *
 * <p>On Tyrus (Undertow and Grizzly hostings) a refusal fails the handshake, so the client gets the
 * plain HTTP status and no socket. A container without Tyrus's upgrade response (Jetty without the
 * filter) cannot refuse here: the refusal travels to {@link ChatEndpoint#onOpen}, which closes at
 * once with the cause's own close code ({@link HandshakeRefusal#closeCode()}).
 */
public final class HandshakeConfigurator extends ServerEndpointConfig.Configurator {
  public static final String IDENTITY = "io.chatterlink.transport.websocket.identity";
  public static final String PLACE = "io.chatterlink.transport.websocket.place";
  public static final String REFUSAL = "io.chatterlink.transport.websocket.refusal";

  /** Where Jetty puts the TCP peer ({@code InetSocketAddress}) before the handshake is modified. */
  public static final String JETTY_REMOTE_ADDRESS = "jakarta.websocket.endpoint.remoteAddress";

  private final TransportSettings settings;
  private final HandshakeAdmission admission;
  private final AdmissionHandoff handoff;
  private final Supplier<? extends Endpoint> endpoints;

  /**
   * @param settings the transport's settings (the client address rule)
   * @param admission the checks of an upgrade
   * @param handoff where the servlet filter leaves an upgrade it already admitted
   * @param endpoints a new endpoint for each socket
   */
  public HandshakeConfigurator(
      TransportSettings settings,
      HandshakeAdmission admission,
      AdmissionHandoff handoff,
      Supplier<? extends Endpoint> endpoints) {
    this.settings = settings;
    this.admission = admission;
    this.handoff = handoff;
    this.endpoints = endpoints;
  }

  /** Always true here: the same-origin rule needs the Host header, so it is checked below. */
  @Override
  public boolean checkOrigin(String originHeaderValue) {
    return true;
  }

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    Map<String, Object> properties = config.getUserProperties();
    // A container may hand the same map to a later handshake: never let an old verdict linger.
    properties.remove(IDENTITY);
    properties.remove(PLACE);
    properties.remove(REFUSAL);
    HandshakeAdmission.Outcome outcome =
        handoff.take().orElseGet(() -> admission.admit(upgradeRequest(request, properties)));
    if (outcome.refusal().isPresent()) {
      refuse(properties, response, outcome.refusal().get());
      return;
    }
    properties.put(IDENTITY, outcome.identity().orElseThrow());
    properties.put(PLACE, outcome.place().orElseThrow());
  }

  private UpgradeRequest upgradeRequest(HandshakeRequest request, Map<String, Object> properties) {
    Map<String, List<String>> headers = request.getHeaders();
    UpgradeRequest bare =
        new UpgradeRequest(
            request.getRequestURI() == null ? URI.create("") : request.getRequestURI(),
            headers == null ? Map.of() : headers,
            Optional.ofNullable(request.getUserPrincipal()),
            Optional.empty());
    Optional<String> address =
        ClientAddress.of(
            peerAddress(request, properties),
            bare.headers("X-Forwarded-For"),
            settings.trustProxyHeaders());
    return new UpgradeRequest(bare.requestUri(), bare.headers(), bare.userPrincipal(), address);
  }

  /** The TCP peer, as Tyrus or Jetty reports it; other containers do not tell. */
  private static Optional<String> peerAddress(
      HandshakeRequest request, Map<String, Object> properties) {
    if (request instanceof RequestContext) {
      return Optional.ofNullable(((RequestContext) request).getRemoteAddr());
    }
    Object jetty = properties.get(JETTY_REMOTE_ADDRESS);
    if (jetty instanceof InetSocketAddress && ((InetSocketAddress) jetty).getAddress() != null) {
      return Optional.of(((InetSocketAddress) jetty).getAddress().getHostAddress());
    }
    return Optional.empty();
  }

  @Override
  public <T> T getEndpointInstance(Class<T> endpointClass) {
    return endpointClass.cast(endpoints.get());
  }

  private static void refuse(
      Map<String, Object> properties, HandshakeResponse response, HandshakeRefusal refusal) {
    properties.put(REFUSAL, refusal);
    if (response instanceof UpgradeResponse) {
      // Tyrus treats a 401 or 503 set here as a successful upgrade (it answers "401 Switching
      // Protocols" and opens the socket) and leaves a 403 or 429 without an end on Grizzly.
      // A HandshakeException fails the handshake instead: no socket, the plain status. The
      // headers make the refusal a complete response without a body on every hosting.
      response
          .getHeaders()
          .keySet()
          .removeIf(h -> h.equalsIgnoreCase("Upgrade") || h.startsWith("Sec-WebSocket"));
      response.getHeaders().put("Connection", List.of("close"));
      response.getHeaders().put("Content-Length", List.of("0"));
      throw Sneaky.<RuntimeException>rethrow(
          new HandshakeException(refusal.httpStatus(), refusal.name()));
    }
  }

  /** Lets the checked exception Tyrus expects out of a method that declares none. */
  private static final class Sneaky {
    @SuppressWarnings("unchecked")
    public static <E extends Throwable> E rethrow(Throwable t) throws E {
      throw (E) t;
    }
  }
}
