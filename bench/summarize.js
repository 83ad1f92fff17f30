#!/usr/bin/env node
'use strict';
// Turns bench/run.sh's JSON lines into the markdown tables of docs/benchmarks.md.
//   node bench/summarize.js results.jsonl
// Labels: pair<N>:<cl|peer>:<scenario> and ceil<N>:ws:<scenario> (interleaved runs),
// cap:*, idle:*, rooms:*, storm:*, java*:*, steady:* (single runs), startup:* (server start times).
// Ratios are ChatterLink / other, per pair, then median [min-max] over the pairs. A pair is flagged
// when either run was disturbed: other_cores > 0.25 (someone else used the CPU) or a delivery
// ratio below 0.999; flagged pairs stay in the median (on a shared machine every pair may be
// flagged) and the count of flagged pairs is printed beside it.
const fs = require('fs');

const runs = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const get = (r, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), r);
const fmt = (v, d = 1) => (v == null || Number.isNaN(v) ? '-' : Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : v.toFixed(d));
const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const disturbed = (r) => (get(r, 'generator.other_cores') > 0.25)
  || (get(r, 'throughput.delivery_ratio') != null && get(r, 'throughput.delivery_ratio') < 0.999);
const genBound = (r) => get(r, 'generator.cpu_util') >= 0.9 || get(r, 'generator.saturated') === true;
const flags = (r) => [disturbed(r) ? 'disturbed' : '', genBound(r) ? 'gen-bound' : '',
  Object.entries(r.errors || {}).filter(([, v]) => v > 0).map(([k, v]) => `${k}=${v}`).join(' ')]
  .filter(Boolean).join(', ');

const COLS = [
  ['sent/s', 'throughput.sent_per_s', 1],
  ['deliveries/s', 'throughput.delivered_per_s', 0],
  ['delivered', 'throughput.delivery_ratio', 4],
  ['p50 ms', 'latency_ms.p50', 1],
  ['p99 ms', 'latency_ms.p99', 1],
  ['p99.9 ms', 'latency_ms.p99_9', 1],
  ['max ms', 'latency_ms.max', 0],
  ['server CPU', 'server.cpu_util', 2],
  ['deliveries/CPU-s', 'server.deliveries_per_cpu_s', 0],
  ['gen CPU', 'generator.cpu_util', 2],
  ['other cores', 'generator.other_cores', 2],
];

function table(title, rows) {
  if (!rows.length) return;
  console.log(`\n### ${title}\n`);
  console.log(`| run | ${COLS.map((c) => c[0]).join(' | ')} | flags |`);
  console.log(`|---|${COLS.map(() => '---:').join('|')}|---|`);
  for (const r of rows) {
    console.log(`| ${r.label} | ${COLS.map(([, p, d]) => fmt(get(r, p), d)).join(' | ')} | ${flags(r)} |`);
  }
}

// ---- interleaved pairs
const scen = new Map(); // scenario -> rep -> {cl, peer, ws}
for (const r of runs) {
  const m = /^(pair|ceil)(\d+):(cl|peer|ws):(.+)$/.exec(r.label || '');
  if (!m) continue;
  const [, , rep, who, s] = m;
  if (!scen.has(s)) scen.set(s, new Map());
  if (!scen.get(s).has(rep)) scen.get(s).set(rep, {});
  scen.get(s).get(rep)[who] = r;
}
const RATIO = [
  ['deliveries/s', 'throughput.delivered_per_s'],
  ['deliveries/CPU-s', 'server.deliveries_per_cpu_s'],
  ['p50', 'latency_ms.p50'],
  ['p99', 'latency_ms.p99'],
  ['peak RSS', 'server.rss_kib.peak'],
];
if (scen.size) {
  console.log('\n## Interleaved runs (ChatterLink, Flask peer, Node ws ceiling)');
  for (const [s, reps] of scen) {
    const all = [...reps.values()].flatMap((p) => ['cl', 'peer', 'ws'].filter((w) => p[w]).map((w) => p[w]));
    table(`${s}: every run`, all.sort((a, b) => a.label.localeCompare(b.label)));
    for (const other of ['peer', 'ws']) {
      const cols = RATIO.map(() => []);
      const lines = [];
      let disturbedPairs = 0;
      for (const [rep, p] of [...reps].sort()) {
        if (!p.cl || !p[other]) continue;
        const bad = disturbed(p.cl) || disturbed(p[other]);
        const cells = RATIO.map(([, path], k) => {
          const a = get(p.cl, path);
          const b = get(p[other], path);
          const v = a && b ? a / b : null;
          if (v !== null) cols[k].push(v);
          return v === null ? '-' : v.toFixed(2);
        });
        if (bad) disturbedPairs++;
        lines.push(`| ${rep} | ${cells.join(' | ')} | ${bad ? 'disturbed' : 'ok'} |`);
      }
      if (!lines.length) continue;
      console.log(`\n${s}: ChatterLink / ${other === 'peer' ? 'Flask peer' : 'Node ws'} (>1: ChatterLink higher)\n`);
      console.log(`| pair | ${RATIO.map((c) => c[0]).join(' | ')} | |`);
      console.log(`|---|${RATIO.map(() => '---:').join('|')}|---|`);
      lines.forEach((l) => console.log(l));
      const agg = cols.map((c) => (c.length ? `${median(c).toFixed(2)} [${Math.min(...c).toFixed(2)}–${Math.max(...c).toFixed(2)}]` : '-'));
      console.log(`| median [min–max] | ${agg.join(' | ')} | ${disturbedPairs} of ${lines.length} pairs disturbed |`);
    }
  }
}

// ---- single runs
const group = (prefix) => runs.filter((r) => (r.label || '').startsWith(prefix) && r.params);
table('Capacity steps (open loop, 50 clients, 5 senders; rate is per sender)', group('cap:'));
table('Many rooms (100 rooms x 10 clients, one sender per room)', group('rooms:'));
table('Java bench command', group('java'));
table('Warm servers (45 s of warm-up)', group('steady:'));

const idle = group('idle:').concat(group('storm:'));
if (idle.length) {
  console.log('\n### Idle connections and join storm\n');
  console.log('| run | connected | connect s | join s | connect p99 ms | RSS before MiB | RSS idle MiB | KiB per connection | flags |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of idle) {
    const rss = get(r, 'server.rss_kib') || {};
    console.log(`| ${r.label} | ${get(r, 'connect.connected')} | ${fmt(get(r, 'connect.seconds'), 2)} | ${fmt(get(r, 'connect.join_seconds'), 2)} | ${fmt(get(r, 'connect.latency_ms.p99'), 0)} | ${fmt(rss.before / 1024, 1)} | ${fmt(rss.idle / 1024, 1)} | ${fmt(get(r, 'server.rss_per_idle_conn_kib'), 1)} | ${flags(r)} |`);
  }
  // the slope between the two sizes cancels whatever the process allocated besides connections
  for (const k of ['cl', 'flask', 'ws']) {
    const by = (n) => idle.find((r) => r.label === `idle:${k}:${n}`);
    const a = by(1000);
    const b = by(5000) || by(10000);
    if (a && b && get(a, 'server.rss_kib.idle') && get(b, 'server.rss_kib.idle')) {
      const slope = (b.server.rss_kib.idle - a.server.rss_kib.idle) / (b.connect.connected - a.connect.connected);
      console.log(`\n${k}: marginal RSS per idle connection between ${a.connect.connected} and ${b.connect.connected} connections: ${slope.toFixed(1)} KiB`);
    }
  }
}

const starts = runs.filter((r) => (r.label || '').startsWith('startup:')).map((r) => r.startup_s);
if (starts.length) {
  console.log(`\nChatterLink cold start to a 200 on /healthz (process start included), over ${starts.length} starts: median ${median(starts).toFixed(2)} s, min ${Math.min(...starts).toFixed(2)} s, max ${Math.max(...starts).toFixed(2)} s`);
}
