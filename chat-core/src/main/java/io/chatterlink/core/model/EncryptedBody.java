package io.chatterlink.core.model;

import java.util.Objects;

/**
 * A message body as the {@link io.chatterlink.core.port.out.MessageCipher} produced it: the only
 * form in which a body reaches a {@link io.chatterlink.core.port.out.MessageStore}.
 *
 * @param token the cipher's text encoding (a Fernet token for the real cipher)
 */
public record EncryptedBody(String token) {
  public EncryptedBody {
    Objects.requireNonNull(token, "token");
  }
}
