#!/usr/bin/env bash
# Cold start of the server jar as the README runs it, interleaved with other configurations: each
# start is timed from `java` to the first 200 on /healthz, on a fresh DATA_DIR and on an existing
# one, then stopped with SIGTERM. Prints one line per start, then the median [min-max] of each
# configuration and kind of data dir.
#
#   bench/startup.sh [ROUNDS]      (default 10; about 25 s a round)
#
# Configurations (each round runs them in turn, the order reversed every other round):
#   readme   java -jar chatterlink.jar: the launcher, its child JVM with -XX:+UseSerialGC -Xms32m
#            and the class-data archive beside the jar
#   off      JVM_DEFAULTS=off: one JVM with the JVM's own defaults (what the README's command ran
#            before issue #13)
# One untimed start of `readme` first writes the archive, as the first start of a new build does.
# Needs: chat-app/target/chatterlink.jar (or CL_JAR=...), curl. Env knobs: WORK, PORT.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CL_JAR="$(realpath "${CL_JAR:-$ROOT/chat-app/target/chatterlink.jar}")"
ROUNDS="${1:-10}"
WORK="${WORK:-/tmp/chatterlink-startup}"
PORT="${PORT:-18432}"
mkdir -p "$WORK"
RESULTS="$WORK/startup-$(date -u +%Y%m%dT%H%M%SZ).txt"

start_once() { # config fresh|existing -> prints startup_ms
  local config="$1" mode="$2" data="$WORK/data-$1" t0 t1 pid
  [ "$mode" = fresh ] && rm -rf "$data"
  local env=(DATA_DIR="$data" PORT="$PORT")
  [ "$config" = off ] && env+=(JVM_DEFAULTS=off)
  t0=$(date +%s%N)
  env "${env[@]}" java -jar "$CL_JAR" >>"$WORK/server-$config.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the $config server died; see $WORK/server-$config.log" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  kill "$pid"; wait "$pid" || true
  echo $(( (t1 - t0) / 1000000 ))
}

start_once readme fresh >/dev/null
for round in $(seq "$ROUNDS"); do
  order="readme off"; [ $((round % 2)) = 0 ] && order="off readme"
  for config in $order; do
    for mode in fresh existing; do
      ms=$(start_once "$config" "$mode")
      echo "round=$round config=$config data_dir=$mode startup_ms=$ms" | tee -a "$RESULTS"
    done
  done
done
for config in readme off; do
  for mode in fresh existing; do
    grep " config=$config data_dir=$mode " "$RESULTS" | sed 's/.*startup_ms=//' | sort -n |
      awk -v c="$config" -v m="$mode" '{v[NR]=$1} END {
        med = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2;
        printf "%-7s %-9s median %d ms [%d-%d] over %d starts\n", c, m, med, v[1], v[NR], NR }'
  done
done
