package io.chatterlink.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatterlink.core.error.ForbiddenException;
import io.chatterlink.core.port.out.SingleUseTokens;
import io.chatterlink.testkit.MutableClock;
import io.chatterlink.testkit.inmemory.InMemoryAdapters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InviteCodesTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  final SingleUseTokens spent = InMemoryAdapters.create().singleUseTokens();
  final InviteCodes invites =
      new InviteCodes(key("one secret key of ours"), Duration.ofHours(1), spent, clock);

  @Test
  void aFreshCodeIsClaimedOnceOnly() {
    String code = invites.issue().code();
    invites.claim(code);
    assertThatThrownBy(() -> invites.claim(code)).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aReleasedCodeCanBeClaimedAgain() {
    String code = invites.issue().code();
    invites.release(invites.claim(code));
    assertThat(invites.claim(code)).isNotEmpty();
  }

  @Test
  void aCodeExpiresAfterItsLifetime() {
    InviteCodes.Invite invite = invites.issue();
    assertThat(invite.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    clock.advance(Duration.ofHours(1));
    assertThatThrownBy(() -> invites.claim(invite.code())).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aCodeSignedWithAnotherKeyOrAlteredIsRefused() {
    String foreign =
        new InviteCodes(key("somebody else's key"), Duration.ofHours(1), spent, clock)
            .issue()
            .code();
    String ours = invites.issue().code();
    String laterExpiry =
        (Long.parseLong(ours.substring(0, ours.indexOf('.'))) + 3600)
            + ours.substring(ours.indexOf('.'));
    for (String code :
        new String[] {foreign, laterExpiry, "", "a.b", "a.b.c", "x".repeat(500), null}) {
      assertThatThrownBy(() -> invites.claim(code))
          .as(String.valueOf(code))
          .isInstanceOf(ForbiddenException.class);
    }
  }

  @Test
  void theStoreKeepsADigestOfTheCodeNotTheCode() {
    String code = invites.issue().code();

    String digest = invites.claim(code);

    assertThat(digest).matches("[0-9a-f]{64}").doesNotContain(code.split("\\.")[1]);
    assertThat(spent.spend(digest, clock.instant().plusSeconds(60), clock.instant())).isFalse();
  }

  @Test
  void aCodeSpentBeforeARestartStaysSpentWithTheSameStore() {
    String code = invites.issue().code();
    invites.claim(code);

    InviteCodes restarted =
        new InviteCodes(key("one secret key of ours"), Duration.ofHours(1), spent, clock);

    assertThatThrownBy(() -> restarted.claim(code)).isInstanceOf(ForbiddenException.class);
  }

  private static byte[] key(String secret) {
    return secret.getBytes(StandardCharsets.UTF_8);
  }
}
