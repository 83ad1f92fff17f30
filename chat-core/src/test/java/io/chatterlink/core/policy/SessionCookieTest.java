package io.chatterlink.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatterlink.core.model.SessionToken;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCookieTest {
  private static final String PLAIN = "p".repeat(43);
  private static final String HOST_ONLY = "h".repeat(43);

  @Test
  void aSecureCookieIsNamedWithTheHostPrefix() {
    assertThat(SessionCookie.name(true)).isEqualTo("__Host-chatterlink_session");
    assertThat(SessionCookie.name(false)).isEqualTo("chatterlink_session");
  }

  @Test
  void thePrefixedCookieWinsWhereverItStands() {
    List<String> headers =
        List.of(
            "theme=dark; chatterlink_session=" + PLAIN, "__Host-chatterlink_session=" + HOST_ONLY);

    assertThat(SessionCookie.fromHeaders(headers)).contains(new SessionToken(HOST_ONLY));
    assertThat(SessionCookie.fromHeaders(List.of("chatterlink_session=" + PLAIN)))
        .contains(new SessionToken(PLAIN));
  }

  @Test
  void aMalformedOrMissingCookieIsNoSession() {
    assertThat(SessionCookie.fromHeaders(List.of("chatterlink_session=short"))).isEmpty();
    assertThat(SessionCookie.fromHeaders(List.of("other=" + PLAIN))).isEmpty();
    assertThat(SessionCookie.fromHeaders(List.of())).isEmpty();
  }
}
