package io.chatterlink.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The counters of one run, safe to update from every client thread. A message counts as
 * <em>measured</em> when its (intended) send time falls in the measured window; every delivery of a
 * measured message, whenever it arrives, goes into the latency histogram, so late deliveries
 * drained after the window still count against the percentiles. Each delivery is also counted as
 * same-target (its sender and its receiver on one server) or cross-target.
 */
final class Tally {
  /** Latencies above an hour are recorded as an hour. */
  static final long HIGHEST_LATENCY_MICROS = TimeUnit.HOURS.toMicros(1);

  /** Three significant digits: 0.1 % resolution at any latency. */
  private static final int SIGNIFICANT_DIGITS = 3;

  private final Recorder sameTargetMicros =
      new Recorder(HIGHEST_LATENCY_MICROS, SIGNIFICANT_DIGITS);
  private final Recorder crossTargetMicros =
      new Recorder(HIGHEST_LATENCY_MICROS, SIGNIFICANT_DIGITS);
  private final LongAdder sentMeasured = new LongAdder();
  private final LongAdder sentTotal = new LongAdder();
  private final LongAdder expectedMeasured = new LongAdder();
  private final LongAdder deliveredMeasured = new LongAdder();
  private final LongAdder deliveredInWindow = new LongAdder();
  private final LongAdder deliveredTotal = new LongAdder();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MAX_VALUE;

  /** Opens the measured window at {@code nanos}. */
  void openWindow(long nanos) {
    windowStart = nanos;
  }

  /** Closes the measured window at {@code nanos}. */
  void closeWindow(long nanos) {
    windowEnd = nanos;
  }

  boolean inWindow(long nanos) {
    return nanos >= windowStart && nanos < windowEnd;
  }

  /** A message was sent at {@code sentNanos} into a room of {@code members} members. */
  void sent(long sentNanos, int members) {
    sentTotal.increment();
    if (inWindow(sentNanos)) {
      sentMeasured.increment();
      expectedMeasured.add(members);
    }
  }

  /**
   * A message sent at {@code sentNanos} reached one client at {@code receivedNanos}; {@code
   * crossTarget} when that client is connected to another target than the sender.
   */
  void delivered(long sentNanos, long receivedNanos, boolean crossTarget) {
    deliveredTotal.increment();
    if (inWindow(receivedNanos)) {
      deliveredInWindow.increment();
    }
    if (inWindow(sentNanos)) {
      deliveredMeasured.increment();
      long micros = Math.max(0, (receivedNanos - sentNanos) / 1_000);
      (crossTarget ? crossTargetMicros : sameTargetMicros)
          .recordValue(Math.min(micros, HIGHEST_LATENCY_MICROS));
    }
  }

  /** A message the bench did not write arrived (another client's, or history replayed live). */
  void foreignDelivery() {
    deliveredTotal.increment();
  }

  void error(String kind) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /** Whether every delivery expected of the measured messages has arrived. */
  boolean allMeasuredDelivered() {
    return deliveredMeasured.sum() >= expectedMeasured.sum();
  }

  /**
   * The counts so far, and the latency histograms of the measured deliveries since the last call
   * (the run calls it once, at the end).
   */
  Counts counts() {
    Map<String, Long> errorCounts = new TreeMap<>();
    errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
    Histogram same = sameTargetMicros.getIntervalHistogram();
    Histogram cross = crossTargetMicros.getIntervalHistogram();
    Histogram all = same.copy();
    all.add(cross);
    return new Counts(
        sentMeasured.sum(),
        sentTotal.sum(),
        expectedMeasured.sum(),
        deliveredMeasured.sum(),
        deliveredInWindow.sum(),
        deliveredTotal.sum(),
        errorCounts,
        all,
        same,
        cross);
  }

  /**
   * A snapshot of the tally.
   *
   * @param latencyMicros every measured delivery
   * @param sameTargetLatencyMicros the measured deliveries to a client on the sender's target
   * @param crossTargetLatencyMicros the measured deliveries to a client on another target
   */
  record Counts(
      long sentMeasured,
      long sentTotal,
      long expectedMeasured,
      long deliveredMeasured,
      long deliveredInWindow,
      long deliveredTotal,
      Map<String, Long> errors,
      Histogram latencyMicros,
      Histogram sameTargetLatencyMicros,
      Histogram crossTargetLatencyMicros) {
    Counts {
      errors = Map.copyOf(errors);
    }
  }
}
