package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every pair of text and background colour the stylesheet defines has a contrast of at least 4.5:1
 * (WCAG AA for normal text), in the light and in the dark scheme, and so has the white lettering on
 * every avatar colour.
 */
class UiContrastTest {
  private static final double AA = 4.5;
  private static final Pattern VARIABLE = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})");

  /** Text colour, then the backgrounds it is drawn on. */
  private static final List<List<String>> PAIRS =
      List.of(
          List.of("text", "bg", "panel", "hover", "selected", "mine", "mention"),
          List.of("muted", "bg", "panel", "hover", "selected", "mention"),
          List.of("accent-text", "accent"),
          List.of("accent", "panel", "bg"),
          List.of("link", "panel", "bg", "hover", "mention"),
          List.of("error", "panel", "bg", "hover"),
          List.of("notice-text", "notice-bg"));

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void everyTextColourIsReadableOnEveryBackgroundItIsUsedOn(boolean dark) throws IOException {
    Map<String, String> colours = colours(dark);
    for (List<String> pair : PAIRS) {
      String text = pair.get(0);
      for (String background : pair.subList(1, pair.size())) {
        assertThat(contrast(colours.get(text), colours.get(background)))
            .as("%s on %s (%s)", text, background, dark ? "dark" : "light")
            .isGreaterThanOrEqualTo(AA);
      }
    }
  }

  @Test
  void whiteInitialsAreReadableOnEveryAvatarColour() throws IOException {
    Matcher hues =
        Pattern.compile("data-hue=\"(\\d+)\"\\] \\{ background: hsl\\((\\d+) (\\d+)% (\\d+)%\\)")
            .matcher(css());
    int count = 0;
    while (hues.find()) {
      count++;
      int rgb =
          hsl(
              Integer.parseInt(hues.group(2)),
              Integer.parseInt(hues.group(3)) / 100.0,
              Integer.parseInt(hues.group(4)) / 100.0);
      assertThat(contrast(0xffffff, rgb))
          .as("avatar hue %s", hues.group(1))
          .isGreaterThanOrEqualTo(AA);
    }
    assertThat(count).isEqualTo(12);
  }

  private static Map<String, String> colours(boolean dark) throws IOException {
    String css = css();
    int darkStart = css.indexOf("@media (prefers-color-scheme: dark)");
    assertThat(darkStart).isPositive();
    Map<String, String> colours = new HashMap<>();
    collect(css.substring(0, darkStart), colours);
    if (dark) {
      collect(css.substring(darkStart, css.indexOf("}\n}", darkStart)), colours);
    }
    return colours;
  }

  private static void collect(String block, Map<String, String> into) {
    Matcher m = VARIABLE.matcher(block);
    while (m.find()) {
      into.put(m.group(1), m.group(2));
    }
  }

  private static String css() throws IOException {
    try (InputStream in =
        UiContrastTest.class
            .getClassLoader()
            .getResourceAsStream(StaticUi.RESOURCE_ROOT + "/app.css")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static double contrast(String a, String b) {
    assertThat(a).as("text colour defined").isNotNull();
    assertThat(b).as("background colour defined").isNotNull();
    return contrast(Integer.parseInt(a.substring(1), 16), Integer.parseInt(b.substring(1), 16));
  }

  private static double contrast(int a, int b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(int rgb) {
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  private static double channel(int value) {
    double c = (value & 0xff) / 255.0;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  private static int hsl(int hue, double saturation, double lightness) {
    double c = (1 - Math.abs(2 * lightness - 1)) * saturation;
    double x = c * (1 - Math.abs((hue / 60.0) % 2 - 1));
    double m = lightness - c / 2;
    double[] rgb =
        hue < 60
            ? new double[] {c, x, 0}
            : hue < 120
                ? new double[] {x, c, 0}
                : hue < 180
                    ? new double[] {0, c, x}
                    : hue < 240
                        ? new double[] {0, x, c}
                        : hue < 300 ? new double[] {x, 0, c} : new double[] {c, 0, x};
    int r = (int) Math.round((rgb[0] + m) * 255);
    int g = (int) Math.round((rgb[1] + m) * 255);
    int bl = (int) Math.round((rgb[2] + m) * 255);
    return (r << 16) | (g << 8) | bl;
  }
}
