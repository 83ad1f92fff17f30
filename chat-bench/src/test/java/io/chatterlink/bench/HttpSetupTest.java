package io.chatterlink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HttpSetupTest {
  @Test
  void aCookieIsFoundAmongSeveralSetCookieHeaders() {
    List<String> headers =
        List.of(
            "chatterlink_csrf=abc123; Path=/; SameSite=Lax",
            "chatterlink_session=s3cr3t-value; Path=/; HttpOnly; Max-Age=3600");

    assertThat(HttpSetup.cookie(headers, "chatterlink_session")).contains("s3cr3t-value");
    assertThat(HttpSetup.cookie(headers, "chatterlink_csrf")).contains("abc123");
    assertThat(HttpSetup.cookie(headers, "chatterlink")).isEmpty();
  }

  @Test
  void theCookieHeaderOfAnAccountCarriesBothCookies() {
    assertThat(new HttpSetup.Account("u", "c", "s").cookieHeader())
        .isEqualTo("chatterlink_csrf=c; chatterlink_session=s");
  }
}
