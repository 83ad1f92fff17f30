package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileDownloadTest {
  @Test
  void aPlainNameAppearsTheSameInBothForms() {
    assertThat(FileDownload.disposition(true, "photo_1.png"))
        .isEqualTo("inline; filename=\"photo_1.png\"; filename*=UTF-8''photo_1.png");
  }

  @Test
  void quotesSemicolonsAndNonAsciiCannotBreakOutOfTheHeader() {
    String header = FileDownload.disposition(false, "a\"b;c\\d%e 日本.mp4");
    assertThat(header)
        .isEqualTo(
            "attachment; filename=\"a_b_c_d_e __.mp4\";"
                + " filename*=UTF-8''a%22b%3Bc%5Cd%25e%20%E6%97%A5%E6%9C%AC.mp4");
    assertThat(header.chars().allMatch(c -> c >= 0x20 && c < 0x7F)).isTrue();
  }
}
