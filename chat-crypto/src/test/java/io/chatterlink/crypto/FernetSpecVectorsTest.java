package io.chatterlink.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.port.out.UndecryptableBodyException;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The published Fernet test vectors (see src/test/resources/fernet-spec/README.md). */
class FernetSpecVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> generateVectorsProduceExactlyTheSpecifiedToken() {
    return vectors("generate.json").stream()
        .map(
            v ->
                DynamicTest.dynamicTest(
                    v.path("src").asText(),
                    () -> {
                      byte[] iv = new byte[FernetTokens.IV_BYTES];
                      for (int i = 0; i < iv.length; i++) {
                        iv[i] = (byte) v.get("iv").get(i).asInt();
                      }
                      Clock clock = clockAt(v);
                      FernetMessageCipher cipher =
                          new FernetMessageCipher(
                              FernetKeyRing.parse(v.get("secret").asText()),
                              clock,
                              new FixedBytes(iv),
                              FernetValidator.atRest(clock));

                      EncryptedBody body = cipher.encrypt(v.get("src").asText());

                      assertThat(body.token()).isEqualTo(v.get("token").asText());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> verifyVectorsDecryptUnderTheirClockAndTimeToLive() {
    return vectors("verify.json").stream()
        .map(
            v ->
                DynamicTest.dynamicTest(
                    v.path("src").asText(),
                    () ->
                        assertThat(
                                specCipher(v).decrypt(new EncryptedBody(v.get("token").asText())))
                            .isEqualTo(v.get("src").asText())));
  }

  @TestFactory
  Stream<DynamicTest> invalidVectorsAreRejectedUnderTheirClockAndTimeToLive() {
    List<JsonNode> invalid = vectors("invalid.json");
    assertThat(invalid).hasSizeGreaterThanOrEqualTo(8);
    return invalid.stream()
        .map(
            v ->
                DynamicTest.dynamicTest(
                    v.get("desc").asText(),
                    () -> {
                      String token = v.get("token").asText();
                      assertThatThrownBy(() -> specCipher(v).decrypt(new EncryptedBody(token)))
                          .isInstanceOf(UndecryptableBodyException.class)
                          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> atRestOnlyTheTimestampChecksAreRelaxed() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode v : vectors("invalid.json")) {
      String desc = v.get("desc").asText();
      boolean timestampOnly = desc.startsWith("expired TTL") || desc.startsWith("far-future TS");
      Clock clock = clockAt(v);
      FernetMessageCipher atRest =
          FernetMessageCipher.atRest(FernetKeyRing.parse(v.get("secret").asText()), clock);
      EncryptedBody body = new EncryptedBody(v.get("token").asText());
      tests.add(
          DynamicTest.dynamicTest(
              desc,
              () -> {
                if (timestampOnly) {
                  assertThat(atRest.decrypt(body)).isNotNull();
                } else {
                  assertThatThrownBy(() -> atRest.decrypt(body))
                      .isInstanceOf(UndecryptableBodyException.class);
                }
              }));
    }
    assertThat(tests.stream().map(DynamicTest::getDisplayName))
        .contains("expired TTL", "far-future TS (unacceptable clock skew)");
    return tests.stream();
  }

  private static FernetMessageCipher specCipher(JsonNode vector) {
    Clock clock = clockAt(vector);
    return new FernetMessageCipher(
        FernetKeyRing.parse(vector.get("secret").asText()),
        clock,
        new SecureRandom(),
        FernetValidator.withTimeToLive(clock, Duration.ofSeconds(vector.get("ttl_sec").asLong())));
  }

  private static Clock clockAt(JsonNode vector) {
    return Clock.fixed(
        OffsetDateTime.parse(vector.get("now").asText()).toInstant(), ZoneOffset.UTC);
  }

  private static List<JsonNode> vectors(String name) {
    try (InputStream in = FernetSpecVectorsTest.class.getResourceAsStream("/fernet-spec/" + name)) {
      assertThat(in).as(name).isNotNull();
      List<JsonNode> list = new ArrayList<>();
      JSON.readTree(in).forEach(list::add);
      assertThat(list).as(name).isNotEmpty();
      return list;
    } catch (IOException e) {
      throw new AssertionError("cannot read " + name, e);
    }
  }

  /** Hands out the vector's IV where the cipher asks for random bytes. */
  private static final class FixedBytes extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] bytes;

    FixedBytes(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
      assertThat(out).hasSameSizeAs(bytes);
      System.arraycopy(bytes, 0, out, 0, out.length);
    }
  }
}
