#!/usr/bin/env bash
# Reproduces every table of docs/benchmarks.md: ChatterLink side by side with the Flask peer and the
# trivial Node `ws` broadcast server, on 127.0.0.1 only, each run against a fresh server (fresh
# DATA_DIR / SQLite file under $WORK), every run bounded in time.
#
#   bench/run.sh [results.jsonl] [set...]
#
# sets: ratio (A W=1, A W=16, B, B' as 3 interleaved pairs ChatterLink/peer, A/B once per pair on
#       the ws ceiling) | capacity (open-loop rate steps, ChatterLink and peer) | idle (1k/5k/10k
#       idle connections) | rooms (100 rooms x 10 clients) | storm (join storm with 50 messages of
#       history) | java (the same from the Java generator, chatterlink-bench.jar) | steady (A W=1 and B after 45 s
#       of warm-up, once the JIT has compiled the hot paths) | lowrate (B' from both generators,
#       ChatterLink, ws and the peer in turn; LOW_KINDS="cl java" for ChatterLink only) | many
#       (1k, 10k and as many idle connections as the open-file limit allows, up to 50,000) | all
#       (default: all of them, about 42 minutes)
#
# Needs: the server jar (chat-app/target/chatterlink.jar, or CL_JAR=...), for the java set and the
# idle set's full-GC runs the load generator's jar (chat-bench/target/chatterlink-bench.jar, or
# BENCH_JAR=...), Node 20 + npm (loadgen's
# dependencies are installed into a copy under $WORK), the Flask peer's Debian packages
# (../shared/peers/flask-chatterlink/install.sh). Env knobs: WORK, PEERS (default ../shared/peers
# beside the repository), DUR (measured seconds, default 10), PAIRS (default 3), CL_JVM.
#
# The server runs as the README says (`java -jar chatterlink.jar`, no JVM flags: it relaunches
# itself with its own small-server flags and class-data archive) unless CL_JVM gives flags, e.g.
# CL_JVM="-Xms64m -Xmx512m -XX:+UseG1GC" for the tuned, secondary tables. The README's command is
# the headline. With the launcher the server is two processes: the Java generator counts both (it
# sums the process tree), the Node generator reads one pid and gets the serving child's.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OUT="$(realpath -m "${1:-$HERE/results/$(date -u +%Y%m%dT%H%M%SZ).jsonl}")"
shift || true
SETS=("${@:-all}")
PEERS="${PEERS:-$ROOT/../shared/peers}"
WORK="${WORK:-/tmp/chatterlink-bench}"
CL_JAR="${CL_JAR:-$ROOT/chat-app/target/chatterlink.jar}"
BENCH_JAR="${BENCH_JAR:-$ROOT/chat-bench/target/chatterlink-bench.jar}"
DUR="${DUR:-10}"
PAIRS="${PAIRS:-3}"
# The README's command by default (no flags); CL_JVM="..." for a tuned run.
read -r -a JVM_FLAGS <<<"${CL_JVM:-}"
# The server's per-user request budget (10/s by default, an abuse limit) would cap every sender
# at 10 msg/s, and its connection caps (20 per user, 100 per address) would refuse the thousands of
# loopback clients that share 10 accounts; a benchmark server raises them.
CL_ENV=(WS_REQUESTS_PER_SECOND=100000 WS_REQUEST_BURST=100000
  WS_MAX_CONNECTIONS_PER_USER=10000 WS_MAX_CONNECTIONS_PER_ADDRESS=1000000)
PORT="${PORT:-18431}"
# Accounts per run, shared round-robin by the clients. ChatterLink accepts 10 registrations per
# client address per hour (chat-web's default), and every run starts a fresh server, so 10; the
# peer gets the same number so that presence fan-out is alike.
USERS=10
mkdir -p "$(dirname "$OUT")" "$WORK"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ -f "$CL_JAR" ] || { echo "no server jar at $CL_JAR: ./mvnw -pl chat-app -am package -DskipTests" >&2; exit 2; }
case " ${SETS[*]} " in
  *" all "*|*" java "*|*" idle "*)
    [ -f "$BENCH_JAR" ] || { echo "no load generator jar at $BENCH_JAR: ./mvnw -pl chat-bench -am package -DskipTests" >&2; exit 2; } ;;
esac

# A private copy of the shared load generator with our adapter beside its own (loadgen loads
# adapters from its adapters/ folder by name); its npm dependencies go into the copy, never into
# the shared folder.
LG="$WORK/loadgen"
if [ ! -d "$LG/node_modules/ws" ]; then
  rm -rf "$LG" && cp -r "$PEERS/loadgen" "$LG"
  (cd "$LG" && npm install --no-audit --no-fund >/dev/null)
fi
cp "$HERE/loadgen/chatterlink.js" "$LG/adapters/chatterlink.js"

SERVER_PID=""
start_server() { # kind -> SERVER_PID; appends a startup line to $OUT for chatterlink
  local kind="$1" t0 health
  if curl -s -m 1 -o /dev/null "http://127.0.0.1:$PORT/"; then
    echo "port $PORT is already serving: another server is running there" >&2; return 1
  fi
  t0=$(date +%s.%N)
  case "$kind" in
    cl)
      rm -rf "$WORK/cl-data" && mkdir -p "$WORK/cl-data"
      env "${CL_ENV[@]}" HOST=127.0.0.1 PORT=$PORT DATA_DIR="$WORK/cl-data" \
        java ${JVM_FLAGS[@]+"${JVM_FLAGS[@]}"} -jar "$CL_JAR" serve >"$WORK/server-cl.log" 2>&1 &
      health=/healthz ;;
    flask)
      rm -f "$WORK"/flask-chat.db*
      (cd "$PEERS/flask-chatterlink" && exec env CHAT_DB="$WORK/flask-chat.db" \
        CHAT_KEY_FILE="$WORK/flask-fernet.key" ./run.sh $PORT) >"$WORK/server-flask.log" 2>&1 &
      health=/health ;;
    ws)
      (cd "$LG" && exec node servers/ws-broadcast.js $PORT) >"$WORK/server-ws.log" 2>&1 &
      health=/health ;;
  esac
  SERVER_PID=$!
  local up=0
  for _ in $(seq 600); do
    curl -s -m 1 -o /dev/null "http://127.0.0.1:$PORT$health" && { up=1; break; }
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.05
  done
  STARTUP_S=$(echo "$(date +%s.%N) - $t0" | bc)
  # Started as the README says, the server is the launcher's child: one-pid readers measure it.
  SERVING_PID="$SERVER_PID"
  local child
  child=$(pgrep -P "$SERVER_PID" java 2>/dev/null | head -1 || true)
  [ -n "$child" ] && SERVING_PID="$child"
  [ "$up" = 1 ] || { echo "$kind server did not start; see $WORK/server-$kind.log" >&2; return 1; }
  sleep 1
}

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT

adapter_of() { case "$1" in cl) echo chatterlink ;; flask) echo socketio ;; ws) echo wsjson ;; esac; }

run() { # label kind [loadgen args...]: fresh server, one loadgen run
  local label="$1" kind="$2"; shift 2
  start_server "$kind" || { stop_server; return 0; }
  echo "== $label ($kind pid $SERVER_PID, up in ${STARTUP_S}s)" >&2
  timeout "${RUN_TIMEOUT:-600}" node "$LG/loadgen.js" --adapter "$(adapter_of "$kind")" --url "http://127.0.0.1:$PORT" \
    --server-pid "$SERVING_PID" --label "$label" --out "$OUT" --users "$USERS" "$@" >/dev/null \
    || echo "run $label failed" >&2
  # The launcher's own peak RSS (KiB; 0 without one), to add to the serving child's peak above.
  local launcher_kib=0
  if [ "$SERVING_PID" != "$SERVER_PID" ]; then
    launcher_kib=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0)
  fi
  [ "$kind" = cl ] && echo "{\"label\":\"startup:$label\",\"startup_s\":$STARTUP_S,\"launcher_peak_rss_kib\":${launcher_kib:-0},\"jvm_flags\":\"${CL_JVM:-}\"}" >>"$OUT"
  stop_server
}

A_W1=(--clients 50 --senders 5 --mode max --window 1 --duration "$DUR" --warmup 3)
A_W16=(--clients 50 --senders 5 --mode max --window 16 --duration "$DUR" --warmup 3)
B_50=(--clients 200 --senders 1 --mode rate --rate 50 --duration "$DUR" --warmup 3)
# B': half the peer's capacity (about 10k deliveries/s into a 50-member room, README of the
# peers): 5k deliveries/s, also the "p99 <= 10 ms at 5k deliveries/s" target.
B_HALF=(--clients 200 --senders 1 --mode rate --rate 25 --duration "$DUR" --warmup 3)

scenarios() { # label-prefix kind
  run "$1:A50x5:w1" "$2" "${A_W1[@]}"
  run "$1:A50x5:w16" "$2" "${A_W16[@]}"
  run "$1:B200x1@50" "$2" "${B_50[@]}"
  run "$1:B200x1@25" "$2" "${B_HALF[@]}"
}

set_ratio() { # ABBA pairs; the ws ceiling runs between them
  for rep in $(seq "$PAIRS"); do
    if [ $((rep % 2)) = 1 ]; then order="peer cl ws"; else order="ws cl peer"; fi
    for who in $order; do
      case "$who" in
        peer) scenarios "pair$rep:peer" flask ;;
        cl) scenarios "pair$rep:cl" cl ;;
        ws) scenarios "ceil$rep:ws" ws ;;
      esac
    done
  done
}

set_capacity() { # open loop, 50 clients / 5 senders; rate per sender
  for r in ${CL_RATES:-40 80 160 320 480 640 960}; do
    run "cap:cl:50x5@$r" cl --clients 50 --senders 5 --mode rate --rate "$r" --duration "$DUR" --warmup 3
  done
  for r in ${PEER_RATES:-20 30 40 50}; do
    run "cap:peer:50x5@$r" flask --clients 50 --senders 5 --mode rate --rate "$r" --duration "$DUR" --warmup 3
  done
}

set_idle() {
  for n in 1000 5000; do
    for k in cl flask ws; do
      RUN_TIMEOUT=240 run "idle:$k:$n" "$k" --clients "$n" --mode idle --hold 5 --connect-concurrency 50
    done
  done
  run "idle:cl:10000" cl --clients 10000 --mode idle --hold 5 --connect-concurrency 50
  # The Java generator also reads the RSS after the server's JVM ran a full GC with every client
  # still connected: what the connections keep, without the garbage of connecting them.
  for n in 1000 5000; do
    java_bench "idlegc:cl:$n" --users "$USERS" --clients "$n" --mode idle --connect-concurrency 50
  done
}

set_rooms() { # 100 rooms x 10 clients, one sender per room
  for k in cl flask; do
    run "rooms:$k:100x10:w16" "$k" --clients 1000 --rooms 100 --senders 100 --mode max --window 16 \
      --duration "$DUR" --warmup 3 --connect-concurrency 50
    run "rooms:$k:100x10@5" "$k" --clients 1000 --rooms 100 --senders 100 --mode rate --rate 5 \
      --duration "$DUR" --warmup 3 --connect-concurrency 50
  done
}

set_storm() { # 1000 clients connect, log in, subscribe and load 50 messages of history at once
  CL_PRELOAD=50 CL_HISTORY=50 run "storm:cl:1000" cl --clients 1000 --rooms 10 --mode idle --hold 1 \
    --connect-concurrency 200
  run "storm:peer:1000" flask --clients 1000 --rooms 10 --mode idle --hold 1 --connect-concurrency 200
}

set_steady() { # the JIT has compiled the hot paths: 45 s of warm-up instead of 3
  for k in cl flask ws; do
    run "steady:$k:A50x5:w1" "$k" "${A_W1[@]}" --warmup 45
    run "steady:$k:B200x1@50" "$k" "${B_50[@]}" --warmup 45
  done
}

java_bench() { # label [chatterlink-bench args...]: the Java generator against a fresh server
  local label="$1"; shift
  start_server cl || { stop_server; return 0; }
  echo "== $label (cl pid $SERVER_PID)" >&2
  java -Xmx"${BENCH_XMX:-1g}" -jar "$BENCH_JAR" --url "http://127.0.0.1:$PORT" --server-pid "$SERVER_PID" --out "$OUT" \
    --duration "$DUR" --warmup 3 --label "$label" "$@" >/dev/null || echo "run $label failed" >&2
  stop_server
}

set_java() { # the Java generator: the same scenarios from a multi-threaded client
  java_bench "java:cl:A50x5:w1" --users "$USERS" --clients 50 --senders 5 --mode closed --window 1
  java_bench "java:cl:A50x5:w16" --users "$USERS" --clients 50 --senders 5 --mode closed --window 16
  java_bench "java:cl:B200x1@25" --users "$USERS" --clients 200 --senders 1 --mode open --rate 25
  java_bench "java:cl:rooms100x10:w16" --users "$USERS" --clients 1000 --rooms 100 --senders 100 \
    --mode closed --window 16
  # Ingest: 100 rooms with one member each, who sends (its own push is the one delivery): messages
  # accepted, encrypted, committed and acknowledged per second across many rooms.
  java_bench "java:cl:rooms100x1:w16" --users "$USERS" --clients 100 --rooms 100 --senders 100 \
    --mode closed --window 16
}

set_many() { # as many idle connections as the open-file limit lets both processes hold, up to 50,000
  local hard n
  hard=$(ulimit -Hn)
  [ "$hard" = unlimited ] && hard=1048576
  n=$(( hard - 1000 < 50000 ? hard - 1000 : 50000 ))
  for c in 1000 10000 "$n"; do
    BENCH_XMX=4g java_bench "many:cl:$c" --users "$USERS" --clients "$c" --mode idle --connect-concurrency 100
  done
}

set_lowrate() { # B' (one sender, 25 msg/s into 200 sockets): both generators, interleaved with ws and the peer
  for rep in $(seq "$PAIRS"); do
    for k in ${LOW_KINDS:-cl java ws flask}; do
      case "$k" in
        java) java_bench "low$rep:java:cl:B200x1@25" --users "$USERS" --clients 200 --senders 1 \
          --mode open --rate 25 ;;
        *) run "low$rep:$k:B200x1@25" "$k" "${B_HALF[@]}" ;;
      esac
    done
  done
}

for s in "${SETS[@]}"; do
  case "$s" in
    all) set_ratio; set_capacity; set_idle; set_rooms; set_storm; set_java; set_steady ;;
    ratio|capacity|idle|rooms|storm|java|steady|lowrate|many) "set_$s" ;;
    *) echo "unknown set $s" >&2; exit 2 ;;
  esac
done
echo "results: $OUT" >&2
node "$HERE/summarize.js" "$OUT"
