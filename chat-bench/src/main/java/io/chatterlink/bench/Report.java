package io.chatterlink.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * A run's result as one JSON line, in the same shape as the shared Node load generator's (so the
 * same summarizing and ratio scripts read both), and as a table for people. With several targets
 * both also give each target's clients and senders, and the latency of same-target and of
 * cross-target deliveries apart.
 */
final class Report {
  private static final double[] PERCENTILES = {50, 90, 95, 99, 99.9};

  private final ObjectMapper json;

  Report(ObjectMapper json) {
    this.json = json;
  }

  /** The result as one line of JSON, without a line break. */
  String jsonLine(RunResult r, Instant at) {
    BenchSettings s = r.settings();
    ObjectNode root = json.createObjectNode();
    root.put("label", s.label())
        .put("date", at.toString())
        .put("adapter", "java-bench")
        .put("url", s.targets().first().toString());
    ArrayNode targets = root.putArray("targets");
    for (int t = 0; t < s.targets().size(); t++) {
      targets
          .addObject()
          .put("url", s.targets().servers().get(t).toString())
          .put("clients", s.clientsOn(t))
          .put("senders", s.sendersOn(t));
    }
    ObjectNode params = root.putObject("params");
    params
        .put("clients", s.clients())
        .put("senders", s.senders())
        .put("rooms", s.rooms())
        .put("mode", s.mode().name().toLowerCase(Locale.ROOT))
        .put("window", s.window())
        .put("duration_s", s.measured().toSeconds())
        .put("warmup_s", s.warmup().toSeconds())
        .put("size_bytes", s.messageBytes())
        .put("users", s.users())
        .put("history", s.historyOnJoin())
        .put("spread", s.targets().spread().optionValue());
    if (s.mode() == Mode.OPEN) {
      params.put("rate_per_sender", s.ratePerSender());
    }
    ObjectNode connect = root.putObject("connect");
    connect
        .put("connected", r.connected())
        .put("seconds", round(r.connectSeconds(), 3))
        .put("join_seconds", round(r.joinSeconds(), 3))
        .put("setup_seconds", round(r.setupSeconds(), 3));
    connect.set("latency_ms", millis(r.connectMicros()));
    connect.set("join_latency_ms", millis(r.joinMicros()));
    Tally.Counts c = r.counts();
    ObjectNode tp = root.putObject("throughput");
    tp.put("sent_per_s", round(r.sentPerSecond(), 1))
        .put("delivered_per_s", round(r.deliveredPerSecond(), 1))
        .put("expected_deliveries", c.expectedMeasured())
        .put("delivered_of_measured", c.deliveredMeasured());
    put(tp, "delivery_ratio", r.deliveryRatio(), 5);
    tp.put("sent_total", c.sentTotal()).put("delivered_total", c.deliveredTotal());
    root.set("latency_ms", millis(c.latencyMicros()));
    if (s.targets().size() > 1) {
      root.set("latency_ms_same_target", millis(c.sameTargetLatencyMicros()));
      root.set("latency_ms_cross_target", millis(c.crossTargetLatencyMicros()));
    }
    r.sendLagMicros().ifPresent(h -> root.set("send_lag_ms", millis(h)));
    ObjectNode errors = root.putObject("errors");
    c.errors().forEach(errors::put);
    ServerSample sv = r.server();
    if (sv.pid().isPresent()) {
      ObjectNode server = root.putObject("server");
      server.put("pid", sv.pid().getAsLong());
      ObjectNode rss = server.putObject("rss_kib");
      put(rss, "before", sv.rssBeforeKiB());
      put(rss, "idle", sv.rssIdleKiB());
      put(rss, "peak", sv.rssPeakKiB());
      put(rss, "end", sv.rssEndKiB());
      put(rss, "idle_after_gc", sv.rssAfterGcKiB());
      put(server, "rss_per_idle_conn_kib", sv.rssPerIdleConnectionKiB(r.connected()), 2);
      put(server, "cpu_seconds", sv.cpuSeconds(), 2);
      put(server, "cpu_util", perWindow(sv.cpuSeconds(), r.windowSeconds()), 3);
      put(server, "deliveries_per_cpu_s", r.deliveriesPerServerCpuSecond(), 1);
    }
    ObjectNode gen = root.putObject("generator");
    put(gen, "cpu_util", perWindow(r.generatorCpuSeconds(), r.windowSeconds()), 3);
    put(gen, "machine_busy", r.machineBusy(), 3);
    put(gen, "other_cores", r.otherCores(), 3);
    gen.put("saturated", r.generatorSaturated());
    return root.toString();
  }

  /** The result as a small table, one metric per line. */
  String table(RunResult r) {
    Tally.Counts c = r.counts();
    Histogram l = c.latencyMicros();
    StringBuilder t = new StringBuilder();
    BenchSettings s = r.settings();
    line(
        t,
        "run",
        String.format(
            Locale.ROOT,
            "%s: %d clients, %d senders, %d rooms, %s",
            s.label(),
            s.clients(),
            s.senders(),
            s.rooms(),
            describeMode(s)));
    if (s.targets().size() > 1) {
      for (int target = 0; target < s.targets().size(); target++) {
        line(
            t,
            target == 0 ? "targets (" + s.targets().spread().optionValue() + ")" : "",
            String.format(
                Locale.ROOT,
                "%s: %d clients, %d senders",
                s.targets().servers().get(target),
                s.clientsOn(target),
                s.sendersOn(target)));
      }
    }
    line(
        t,
        "connected",
        r.connected()
            + " in "
            + fmt(r.connectSeconds())
            + " s, subscribed in "
            + fmt(r.joinSeconds())
            + " s (setup "
            + fmt(r.setupSeconds())
            + " s)");
    line(t, "connect p50/p99 ms", ms(r.connectMicros(), 50) + " / " + ms(r.connectMicros(), 99));
    line(t, "join p50/p99 ms", ms(r.joinMicros(), 50) + " / " + ms(r.joinMicros(), 99));
    line(t, "sent/s", fmt(r.sentPerSecond()));
    line(t, "deliveries/s", fmt(r.deliveredPerSecond()));
    line(
        t,
        "delivery ratio",
        r.deliveryRatio().isPresent()
            ? String.format(Locale.ROOT, "%.5f", r.deliveryRatio().getAsDouble())
            : "-");
    line(t, "latency ms p50/p90/p99/p99.9/max", percentiles(l));
    if (s.targets().size() > 1) {
      line(
          t,
          "  same target (" + count(c.sameTargetLatencyMicros()) + ")",
          percentiles(c.sameTargetLatencyMicros()));
      line(
          t,
          "  cross target (" + count(c.crossTargetLatencyMicros()) + ")",
          percentiles(c.crossTargetLatencyMicros()));
    }
    line(t, "errors", c.errors().isEmpty() ? "none" : c.errors().toString());
    ServerSample sv = r.server();
    line(
        t,
        "server CPU s (cores)",
        opt(sv.cpuSeconds()) + " (" + opt(perWindow(sv.cpuSeconds(), r.windowSeconds())) + ")");
    line(t, "deliveries per server CPU-s", opt(r.deliveriesPerServerCpuSecond()));
    line(
        t,
        "server RSS KiB before/idle/peak",
        opt(sv.rssBeforeKiB()) + " / " + opt(sv.rssIdleKiB()) + " / " + opt(sv.rssPeakKiB()));
    line(t, "KiB per idle connection", opt(sv.rssPerIdleConnectionKiB(r.connected())));
    if (sv.rssAfterGcKiB().isPresent()) {
      line(t, "server RSS KiB idle after a full GC", opt(sv.rssAfterGcKiB()));
    }
    line(
        t,
        "generator CPU (cores), machine busy",
        opt(perWindow(r.generatorCpuSeconds(), r.windowSeconds()))
            + ", "
            + opt(r.machineBusy())
            + (r.generatorSaturated() ? "  GENERATOR SATURATED" : ""));
    return t.toString();
  }

  private static String percentiles(Histogram h) {
    return h.getTotalCount() == 0
        ? "-"
        : ms(h, 50)
            + " / "
            + ms(h, 90)
            + " / "
            + ms(h, 99)
            + " / "
            + ms(h, 99.9)
            + " / "
            + fmt(h.getMaxValue() / 1000.0);
  }

  private static String count(Histogram h) {
    return h.getTotalCount() + " deliveries";
  }

  private static String describeMode(BenchSettings s) {
    switch (s.mode()) {
      case CLOSED:
        return "closed loop, " + s.window() + " in flight per sender";
      case OPEN:
        return "open loop, " + fmt(s.ratePerSender()) + " msg/s per sender";
      case IDLE:
        return "idle";
      default:
        throw new AssertionError(s.mode());
    }
  }

  private ObjectNode millis(Histogram h) {
    ObjectNode n = json.createObjectNode();
    n.put("count", h.getTotalCount());
    if (h.getTotalCount() > 0) {
      n.put("min", round(h.getMinValue() / 1000.0, 2)).put("mean", round(h.getMean() / 1000.0, 2));
      for (double p : PERCENTILES) {
        n.put(
            "p"
                + (p == Math.rint(p)
                    ? String.valueOf((int) p)
                    : String.valueOf(p).replace('.', '_')),
            round(h.getValueAtPercentile(p) / 1000.0, 2));
      }
      n.put("max", round(h.getMaxValue() / 1000.0, 2));
    }
    return n;
  }

  private static OptionalDouble perWindow(OptionalDouble seconds, double window) {
    return seconds.isPresent() && window > 0
        ? OptionalDouble.of(seconds.getAsDouble() / window)
        : OptionalDouble.empty();
  }

  private static void put(ObjectNode n, String field, OptionalDouble v, int digits) {
    if (v.isPresent()) {
      n.put(field, round(v.getAsDouble(), digits));
    } else {
      n.putNull(field);
    }
  }

  private static void put(ObjectNode n, String field, OptionalLong v) {
    if (v.isPresent()) {
      n.put(field, v.getAsLong());
    } else {
      n.putNull(field);
    }
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  private static void line(StringBuilder t, String name, String value) {
    t.append(String.format(Locale.ROOT, "%-36s %s%n", name, value));
  }

  private static String ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? "-" : fmt(h.getValueAtPercentile(percentile) / 1000.0);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v);
  }

  private static String opt(OptionalDouble v) {
    return v.isPresent() ? fmt(v.getAsDouble()) : "-";
  }

  private static String opt(OptionalLong v) {
    return v.isPresent() ? String.valueOf(v.getAsLong()) : "-";
  }
}
