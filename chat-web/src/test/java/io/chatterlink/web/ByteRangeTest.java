package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {
  @Test
  void aClosedRangeIsServedAsAsked() throws Exception {
    assertThat(ByteRange.parse("bytes=0-0", 10)).contains(new ByteRange(0, 0));
    assertThat(ByteRange.parse("bytes=2-5", 10)).contains(new ByteRange(2, 5));
  }

  @Test
  void anEndPastTheFileIsClippedToTheLastByte() throws Exception {
    assertThat(ByteRange.parse("bytes=5-999", 10)).contains(new ByteRange(5, 9));
  }

  @Test
  void anOpenRangeRunsToTheEnd() throws Exception {
    assertThat(ByteRange.parse("bytes=7-", 10)).contains(new ByteRange(7, 9));
  }

  @Test
  void aSuffixRangeIsTheLastBytesOrTheWholeFile() throws Exception {
    assertThat(ByteRange.parse("bytes=-3", 10)).contains(new ByteRange(7, 9));
    assertThat(ByteRange.parse("bytes=-30", 10)).contains(new ByteRange(0, 9));
  }

  @Test
  void startingAtOrPastTheEndIsNotSatisfiable() {
    assertThatThrownBy(() -> ByteRange.parse("bytes=10-", 10))
        .isInstanceOf(ByteRange.NotSatisfiable.class);
    assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 10))
        .isInstanceOf(ByteRange.NotSatisfiable.class);
    assertThatThrownBy(() -> ByteRange.parse("bytes=0-", 0))
        .isInstanceOf(ByteRange.NotSatisfiable.class);
  }

  @Test
  void headersWeDoNotServeAreIgnoredSoTheWholeFileIsSent() throws Exception {
    for (String header :
        new String[] {
          "bytes=0-1,4-5",
          "items=0-1",
          "bytes=5-2",
          "bytes=abc",
          "bytes=-",
          "bytes=1-2-3",
          "bytes=99999999999999999999-",
          "bytes= -"
        }) {
      assertThat(ByteRange.parse(header, 10)).as(header).isEqualTo(Optional.empty());
    }
    assertThat(ByteRange.parse(null, 10)).isEmpty();
  }
}
