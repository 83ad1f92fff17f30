package io.chatterlink.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aMessagePushYieldsTheTextOfItsMessage() throws IOException {
    String frame =
        "{\"type\":\"message\",\"room\":\"r-1\",\"seq\":4,\"message\":{\"id\":\"m-1\",\"room\":\"r-1\",\"seq\":4,\"attachments\":[\"a\"],\"replyTo\":null,\"text\":\"hi"
            + " \\\"there\\\"\",\"deleted\":false}}";

    assertThat(Inbound.parse(json, frame)).isEqualTo(new Inbound.MessagePush("hi \"there\""));
  }

  @Test
  void aMessagePushWhoseTypeIsNotFirstIsReadToo() throws IOException {
    String frame = "{\"room\":\"r-1\",\"message\":{\"text\":\"late type\"},\"type\":\"message\"}";

    assertThat(Inbound.parse(json, frame)).isEqualTo(new Inbound.MessagePush("late type"));
  }

  @Test
  void aReplyKeepsItsIdCodeAndError() throws IOException {
    assertThat(
            Inbound.parse(
                json, "{\"type\":\"reply\",\"id\":\"9\",\"code\":429,\"error\":\"rate_limited\"}"))
        .isEqualTo(new Inbound.Reply("9", 429, "rate_limited"));
    assertThat(Inbound.parse(json, "{\"type\":\"reply\",\"id\":\"3\",\"code\":200,\"data\":{}}"))
        .isEqualTo(new Inbound.Reply("3", 200, ""));
  }

  @Test
  void helloGivesTheLastSeqOfEachRoom() throws IOException {
    String frame =
        "{\"type\":\"hello\",\"protocol\":\"chatterlink.v1\",\"rooms\":["
            + "{\"id\":\"r-1\",\"lastSeq\":57},{\"id\":\"r-2\",\"lastSeq\":0}]}";

    assertThat(Inbound.parse(json, frame))
        .isEqualTo(new Inbound.Hello(Map.of("r-1", 57L, "r-2", 0L)));
  }

  @Test
  void otherPushesAreRecognizedAndIgnored() throws IOException {
    assertThat(
            Inbound.parse(
                json, "{\"type\":\"typing\",\"room\":\"r\",\"user\":\"u\",\"typing\":true}"))
        .isEqualTo(new Inbound.Other("typing"));
  }

  @Test
  void framesThatAreNotTypedObjectsAreRejected() {
    assertThatThrownBy(() -> Inbound.parse(json, "[1]")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Inbound.parse(json, "{\"id\":\"1\"}")).isInstanceOf(IOException.class);
  }
}
