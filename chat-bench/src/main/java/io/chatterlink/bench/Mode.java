package io.chatterlink.bench;

/** How the senders pace their messages. */
enum Mode {
  /** Each sender keeps a fixed number of messages in flight: the next goes when one comes back. */
  CLOSED,
  /**
   * Each sender sends at a fixed rate on a schedule, whatever the server does; latency counts from
   * the intended send time, so a stalled generator cannot hide server latency.
   */
  OPEN,
  /** Connect and subscribe only, then hold: memory per idle connection. */
  IDLE
}
