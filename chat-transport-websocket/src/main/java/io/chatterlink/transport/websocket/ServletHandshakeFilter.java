package io.chatterlink.transport.websocket;

import io.chatterlink.transport.websocket.internal.connection.ConnectionLimiter;
import io.chatterlink.transport.websocket.internal.handshake.AdmissionHandoff;
import io.chatterlink.transport.websocket.internal.handshake.ClientAddress;
import io.chatterlink.transport.websocket.internal.handshake.HandshakeAdmission;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks WebSocket upgrades on a servlet container (Jetty, Tomcat) before the container upgrades,
 * so that a refusal is a plain HTTP answer (401, 403, 429, 503 with an empty body, {@code
 * Connection: close}) and no socket, as on the transport's own hostings. Without it, such a
 * container upgrades first and a refused socket is closed at once with the refusal's close code
 * ({@link HandshakeRefusal#closeCode()}).
 *
 * <p>It runs the same checks as the endpoint's configurator, in the same order (server state,
 * {@code Origin}, the transport's {@link HandshakeAuthenticator} or session cookie, connection
 * caps), with what the servlet request tells: its headers, the container's user principal ({@code
 * HttpServletRequest#getUserPrincipal()}, which Jetty's own handshake request does not pass on) and
 * the TCP peer's address. An admitted request goes on down the chain and the container's upgrade
 * uses this admission instead of checking again, when it upgrades on the filter's thread (Jetty and
 * Tomcat do). Requests that are not WebSocket upgrades, or not on the transport's path, pass
 * through untouched.
 *
 * <p>It must come before the container's own upgrade filter. On Jetty 12, register it in the
 * configurator of {@code JakartaWebSocketServletContainerInitializer.configure(...)} with {@code
 * isMatchAfter = false}:
 *
 * <pre>{@code
 * JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
 *   container.addEndpoint(transport.endpointConfig());
 *   servletContext
 *       .addFilter("chatterlink-handshake", new ServletHandshakeFilter(transport))
 *       .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, transport.path());
 * });
 * }</pre>
 *
 * <p>Needs the servlet API ({@code jakarta.servlet:jakarta.servlet-api} 5 or later), which the
 * transport declares as an optional dependency: the servlet container provides it. Thread-safe.
 */
public final class ServletHandshakeFilter implements Filter {
  private final HandshakeAdmission admission;
  private final AdmissionHandoff handoff;
  private final String path;

  /**
   * A filter for this transport's upgrades.
   *
   * @param transport the transport whose {@link WebSocketTransport#endpointConfig()} the container
   *     serves
   * @throws NullPointerException if {@code transport} is null
   */
  public ServletHandshakeFilter(WebSocketTransport transport) {
    Objects.requireNonNull(transport, "transport");
    this.admission = transport.admission();
    this.handoff = transport.handoff();
    this.path = transport.path();
  }

  /**
   * Refuses a WebSocket upgrade on the transport's path that fails the checks; passes every other
   * request, and admitted upgrades, down the chain.
   *
   * @param request the request
   * @param response the response, written only for a refusal
   * @param chain the rest of the chain, the container's upgrade included
   * @throws IOException as the chain throws it
   * @throws ServletException as the chain throws it
   */
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest)
        || !(response instanceof HttpServletResponse)
        || !isUpgradeOnOurPath((HttpServletRequest) request)) {
      chain.doFilter(request, response);
      return;
    }
    HandshakeAdmission.Outcome outcome =
        admission.admit(upgradeRequest((HttpServletRequest) request));
    if (outcome.refusal().isPresent()) {
      refuse((HttpServletResponse) response, outcome.refusal().get());
      return;
    }
    AdmissionHandoff.Offer offer = handoff.offer(outcome);
    try {
      chain.doFilter(request, response);
    } finally {
      handoff.withdraw();
      if (!offer.taken()) {
        // No upgrade took the admission (not a valid upgrade after all): give its place back.
        outcome.place().ifPresent(ConnectionLimiter.Place::release);
      }
    }
  }

  private boolean isUpgradeOnOurPath(HttpServletRequest request) {
    String upgrade = request.getHeader("Upgrade");
    if (upgrade == null || !upgrade.toLowerCase(Locale.ROOT).contains("websocket")) {
      return false;
    }
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    String inContext =
        uri != null && context != null && uri.startsWith(context)
            ? uri.substring(context.length())
            : uri;
    return path.equals(inContext);
  }

  private UpgradeRequest upgradeRequest(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    Optional<Principal> principal = Optional.ofNullable(request.getUserPrincipal());
    Optional<String> address =
        ClientAddress.of(
            Optional.ofNullable(request.getRemoteAddr()),
            Collections.list(request.getHeaders("X-Forwarded-For")),
            admission.settings().trustProxyHeaders());
    return new UpgradeRequest(requestUri(request), headers, principal, address);
  }

  private static URI requestUri(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String query = request.getQueryString();
    try {
      return URI.create(query == null ? uri : uri + "?" + query);
    } catch (IllegalArgumentException unparsable) {
      // The container accepted a target java.net.URI will not parse: the authenticator gets none.
      return URI.create("");
    }
  }

  private static void refuse(HttpServletResponse response, HandshakeRefusal refusal)
      throws IOException {
    response.setStatus(refusal.httpStatus());
    response.setHeader("Connection", "close");
    response.setContentLength(0);
    response.flushBuffer();
  }
}
