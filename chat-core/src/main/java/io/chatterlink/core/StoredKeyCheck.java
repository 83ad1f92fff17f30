package io.chatterlink.core;

import io.chatterlink.core.model.EncryptedBody;
import io.chatterlink.core.model.KeyFingerprint;
import io.chatterlink.core.port.out.MessageCipher;
import io.chatterlink.core.port.out.MessageStore;
import io.chatterlink.core.port.out.MessageStore.BodyRecord;
import io.chatterlink.core.port.out.MessageStore.BodyRewrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks, before a server serves a database, that its cipher holds the key of every stored body:
 * the check a server runs at start, public so that an embedder runs the same one. Each body is
 * stored with the {@link KeyFingerprint} of its key, so the check is one query for the distinct
 * fingerprints, compared with {@link MessageCipher#keyFingerprints()}. It fails exactly when some
 * body was written under a key the cipher lacks (say, the old key dropped after an interrupted
 * {@code rotate-keys}); one corrupt body does not fail it (that message is served as unreadable).
 *
 * <p>Bodies stored before fingerprints were recorded have none. The check identifies their keys
 * once, by verifying each token's authentication with the cipher's keys (no decryption), and
 * records the fingerprint, {@value #BATCH} bodies per transaction: the first start after an upgrade
 * reads every such body once, later starts find none. A body no key verifies keeps no fingerprint,
 * since it cannot tell a corrupt body from one under a lost key: up to {@value #MAX_UNIDENTIFIED}
 * of them are taken as corrupt, more fail the check as a missing key would.
 *
 * <p>An embedder calls {@link #requireReadable} once before serving: it throws when the server must
 * not start, and returns the result for logging otherwise.
 *
 * <p>Safe while other servers write the same database: recording a fingerprint compares and sets
 * the body's token, so a body edited meanwhile is left alone.
 */
public final class StoredKeyCheck {
  /** Bodies read and recorded per transaction while identifying unrecorded keys. */
  public static final int BATCH = 500;

  /** Most bodies without a fingerprint that no key verifies the check accepts as corrupt. */
  public static final int MAX_UNIDENTIFIED = 10;

  private static final System.Logger LOG = System.getLogger("io.chatterlink.core");

  private StoredKeyCheck() {}

  /**
   * Runs the check and refuses a store the cipher cannot read: the one call an embedder makes
   * before serving a store that may hold messages, with the cipher it will serve them with.
   *
   * <pre>{@code
   * MessageCipher cipher = ChatCrypto.cipherFromSetting(fernetKeys);
   * StoredKeyCheck.requireReadable(storage.messages(), cipher, "FERNET_KEY");
   * }</pre>
   *
   * @param messages the store to check; its unfingerprinted bodies get their fingerprint recorded
   * @param cipher the cipher the server will run with
   * @param keySource where the cipher's keys came from, as the operator knows it (a setting's name
   *     or a file's path), named in the refusal; never the keys themselves
   * @return what was found, when the store may be served; {@link Result#unidentified()} bodies (at
   *     most {@value #MAX_UNIDENTIFIED}) will be served as unreadable and are worth a warning
   * @throws UnreadableStoreException if some stored body is under a key the cipher lacks, or more
   *     than {@value #MAX_UNIDENTIFIED} bodies stored without a fingerprint are verified by no key;
   *     the message is {@link Result#problem(String)} for {@code keySource}
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read or written
   */
  public static Result requireReadable(
      MessageStore messages, MessageCipher cipher, String keySource) {
    Objects.requireNonNull(keySource, "keySource");
    Result result = run(messages, cipher);
    Optional<String> problem = result.problem(keySource);
    if (problem.isPresent()) {
      throw new UnreadableStoreException(problem.get(), result);
    }
    return result;
  }

  /**
   * Runs the check: records the fingerprints of bodies stored without one, then compares.
   *
   * @param messages the store to check; its unfingerprinted bodies get their fingerprint recorded
   * @param cipher the cipher the server will run with
   * @return what was found; {@link Result#problem()} says whether to refuse to start
   * @throws io.chatterlink.core.error.UnavailableException if the store cannot be read or written
   */
  public static Result run(MessageStore messages, MessageCipher cipher) {
    Objects.requireNonNull(messages, "messages");
    Objects.requireNonNull(cipher, "cipher");
    long identified = 0;
    long unidentified = 0;
    Optional<String> cursor = Optional.empty();
    List<BodyRecord> batch;
    do {
      batch = messages.unfingerprintedBodiesAfter(cursor, BATCH);
      List<BodyRewrite> records = new ArrayList<>();
      for (BodyRecord record : batch) {
        EncryptedBody body = record.body();
        Optional<KeyFingerprint> key = cipher.identifyKey(body);
        if (key.isPresent()) {
          records.add(new BodyRewrite(record.cursor(), body, body.withKey(key.get())));
        } else {
          unidentified++;
        }
      }
      if (!records.isEmpty()) {
        identified += messages.replaceBodies(records);
      }
      if (!batch.isEmpty()) {
        cursor = Optional.of(batch.get(batch.size() - 1).cursor());
      }
    } while (batch.size() == BATCH);
    TreeSet<String> missing = new TreeSet<>();
    for (KeyFingerprint stored : messages.bodyKeys()) {
      if (!cipher.keyFingerprints().contains(stored)) {
        missing.add(stored.value());
      }
    }
    Result result =
        new Result(
            missing.stream().map(KeyFingerprint::new).toList(),
            cipher.keyFingerprints(),
            identified,
            unidentified);
    if (identified > 0 || unidentified > 0) {
      LOG.log(
          System.Logger.Level.INFO,
          "recorded the key of {0} stored bodies; {1} bodies are verified by no key",
          identified,
          unidentified);
    }
    return result;
  }

  /**
   * What the check found.
   *
   * @param missing fingerprints of stored bodies' keys that the cipher does not hold, sorted
   * @param held the cipher's fingerprints, primary first
   * @param identified bodies without a fingerprint whose key was identified and recorded now
   * @param unidentified bodies without a fingerprint that no key of the cipher verifies (corrupt,
   *     or under a key it lacks)
   */
  public record Result(
      List<KeyFingerprint> missing, List<KeyFingerprint> held, long identified, long unidentified) {
    /**
     * Creates the result; the lists are copied.
     *
     * @param missing fingerprints the cipher lacks
     * @param held the cipher's fingerprints
     * @param identified bodies whose key was recorded now
     * @param unidentified bodies no key verifies
     */
    public Result {
      missing = List.copyOf(missing);
      held = List.copyOf(held);
    }

    /**
     * Why a server must not start on this database, naming the missing fingerprints and what to do;
     * empty when every stored body's key is held (a few unidentifiable bodies are served as
     * unreadable).
     *
     * @return the reason, naming {@code FERNET_KEY} as the setting to fix; empty when the server
     *     may start
     */
    public Optional<String> problem() {
      return problem("FERNET_KEY");
    }

    /**
     * {@link #problem()}, naming where the keys came from instead of the {@code FERNET_KEY}
     * setting.
     *
     * @param keysName the setting or file that holds the keys, as the operator knows it
     * @return the reason, naming {@code keysName}; empty when the server may start
     */
    public Optional<String> problem(String keysName) {
      if (!missing.isEmpty()) {
        return Optional.of(
            "the database holds messages encrypted under "
                + (missing.size() == 1 ? "a key" : missing.size() + " keys")
                + " not in "
                + keysName
                + " (missing key fingerprint "
                + join(missing)
                + "; "
                + keysName
                + " holds "
                + join(held)
                + "). Put the old key back in "
                + keysName
                + " after the new one (new,old), run rotate-keys to the end, and only then drop"
                + " the old key");
      }
      if (unidentified > MAX_UNIDENTIFIED) {
        return Optional.of(
            unidentified
                + " messages stored before key fingerprints were recorded are opened by no key in "
                + keysName
                + " (holding "
                + join(held)
                + "): they were written under a key it lacks. Put the old key back in "
                + keysName
                + " after the new one (new,old) and run rotate-keys to the end");
      }
      return Optional.empty();
    }

    private static String join(List<KeyFingerprint> fingerprints) {
      return String.join(", ", fingerprints.stream().map(KeyFingerprint::value).toList());
    }
  }
}
