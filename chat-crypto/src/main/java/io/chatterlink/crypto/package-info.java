/**
 * ChatterLink's cryptography adapter: Fernet encryption of message bodies at rest, with a key ring
 * for rotation, and Argon2id password hashing.
 *
 * <p>Everything is reached through {@link io.chatterlink.crypto.ChatCrypto}; the implementations
 * are package-private. Keys come from the {@code FERNET_KEY} setting: one URL-safe base64 Fernet
 * key, or a comma-separated list with the primary (encrypting) key first and older keys after it,
 * which still decrypt. Tokens are standard Fernet and interoperate with Python's {@code
 * cryptography.fernet}.
 */
package io.chatterlink.crypto;
