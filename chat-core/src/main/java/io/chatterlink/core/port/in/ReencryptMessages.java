package io.chatterlink.core.port.in;

import java.util.Optional;

/**
 * Key rotation: rewrites stored message bodies under the cipher's primary key, a batch at a time,
 * while the server keeps serving. Bodies already under the primary key are skipped, so an
 * interrupted run resumes by starting again (or from the last cursor, to save reading).
 */
public interface ReencryptMessages {
  /**
   * Re-encrypts the next batch of up to {@code batchSize} bodies after {@code cursor} (empty: from
   * the start).
   *
   * @param cursor the {@link Progress#cursor()} of the previous batch; empty to start
   * @param batchSize most bodies to read in this batch, 1 to 10,000
   * @return how far the run got, with the cursor for the next call
   * @throws io.chatterlink.core.error.InvalidInputException if batchSize is not 1 to 10,000
   * @throws io.chatterlink.core.error.UnavailableException if storage failed
   */
  Progress reencryptBatch(Optional<String> cursor, int batchSize);

  /**
   * How far a run got.
   *
   * @param cursor pass it to the next call
   * @param examined bodies read in this batch
   * @param rewritten bodies re-encrypted in this batch
   * @param done true when the batch reached the end of the store
   */
  record Progress(Optional<String> cursor, int examined, int rewritten, boolean done) {}
}
