package io.chatterlink.transport.websocket.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.error.InvalidInputException;
import io.chatterlink.core.model.AttachmentId;
import io.chatterlink.core.model.ClientMessageId;
import io.chatterlink.core.model.MessageId;
import io.chatterlink.core.model.PageRequest;
import io.chatterlink.core.model.PresenceStatus;
import io.chatterlink.core.model.RoomId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each request frame decodes once into its typed request, or fails naming the first bad field. */
class RequestDecoderTest {
  private static final RoomId ROOM = new RoomId("r-1");

  @Test
  void everyRequestTypeDecodesIntoItsOwnRecord() {
    assertThat(decode("{'type':'ping'}")).isEqualTo(new Request.Ping());
    assertThat(decode("{'type':'rooms'}")).isEqualTo(new Request.Rooms());
    assertThat(decode("{'type':'subscribe','room':'r-1','afterSeq':5}"))
        .isEqualTo(new Request.Subscribe(ROOM, 5));
    assertThat(decode("{'type':'unsubscribe','room':'r-1'}"))
        .isEqualTo(new Request.Unsubscribe(ROOM));
    assertThat(
            decode(
                "{'type':'send','room':'r-1','clientMessageId':'c-1','text':'hi',"
                    + "'attachments':['a-1'],'replyTo':'m-0'}"))
        .isEqualTo(
            new Request.Send(
                ROOM,
                new ClientMessageId("c-1"),
                "hi",
                List.of(new AttachmentId("a-1")),
                Optional.of(new MessageId("m-0"))));
    assertThat(decode("{'type':'send','room':'r-1','clientMessageId':'c-1','text':'hi'}"))
        .isEqualTo(
            new Request.Send(ROOM, new ClientMessageId("c-1"), "hi", List.of(), Optional.empty()));
    assertThat(decode("{'type':'edit','messageId':'m-1','text':'new'}"))
        .isEqualTo(new Request.Edit(new MessageId("m-1"), "new"));
    assertThat(decode("{'type':'delete','messageId':'m-1'}"))
        .isEqualTo(new Request.Delete(new MessageId("m-1")));
    assertThat(decode("{'type':'history','room':'r-1'}"))
        .isEqualTo(new Request.History(ROOM, PageRequest.latest(50)));
    assertThat(decode("{'type':'history','room':'r-1','direction':'before','seq':9,'limit':3}"))
        .isEqualTo(new Request.History(ROOM, PageRequest.before(9, 3)));
    assertThat(decode("{'type':'typing','room':'r-1','typing':true}"))
        .isEqualTo(new Request.Typing(ROOM, true));
    assertThat(decode("{'type':'read','room':'r-1','seq':7}")).isEqualTo(new Request.Read(ROOM, 7));
    assertThat(decode("{'type':'presence.set','status':'Away'}"))
        .isEqualTo(new Request.SetPresence(PresenceStatus.AWAY));
    assertThat(decode("{'type':'presence.query','room':'r-1'}"))
        .isEqualTo(new Request.QueryPresence(ROOM));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{}| field 'type' is required",
        "{'type':7}| field 'type' must be a string",
        "{'type':'shout'}| unknown request type",
        "{'type':'subscribe','afterSeq':-1}| field 'room' is required",
        "{'type':'subscribe','room':'r-1','afterSeq':-1}| field 'afterSeq' must not be negative",
        "{'type':'subscribe','room':'r-1','afterSeq':1.5}| field 'afterSeq' must be a whole number",
        "{'type':'send','room':'r-1','text':5}| field 'clientMessageId' is required",
        "{'type':'send','room':'r-1','clientMessageId':'c','text':'x','attachments':'a'}"
            + "| field 'attachments' must be an array of strings",
        "{'type':'history','direction':'sideways'}| field 'direction' must be latest, before or after",
        "{'type':'history','direction':'before','room':'r-1'}| field 'seq' is required",
        "{'type':'typing','room':'r-1'}| field 'typing' must be true or false",
        "{'type':'presence.set','status':'asleep'}| field 'status' must be online or away",
      })
  void aBadFrameIsInvalidInputNamingItsFirstFault(String frame, String message) {
    assertThatThrownBy(() -> decode(frame))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(message);
  }

  @Test
  void onlyTheProtocolsTypesAreReportedToMetrics() {
    assertThat(RequestDecoder.reportableType(json("{'type':'send'}"))).isEqualTo("send");
    assertThat(RequestDecoder.reportableType(json("{'type':'drop tables'}"))).isEqualTo("unknown");
  }

  private static Request decode(String frame) {
    return RequestDecoder.decode(json(frame));
  }

  private static ObjectNode json(String singleQuoted) {
    return Json.parseObject(singleQuoted.replace('\'', '"')).orElseThrow();
  }
}
