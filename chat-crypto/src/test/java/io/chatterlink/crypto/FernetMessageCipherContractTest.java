package io.chatterlink.crypto;

import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.testkit.contract.MessageCipherContract;

/** The production Fernet cipher, built from a FERNET_KEY setting, follows the core's contract. */
class FernetMessageCipherContractTest extends MessageCipherContract {
  @Override
  protected MessageCipher newCipher() {
    return ChatCrypto.cipherFromSetting(ChatCrypto.generateKey() + "," + ChatCrypto.generateKey());
  }
}
