#!/usr/bin/env bash
# Measures, on this machine, in one run, how long the importers take through the API (as the dev
# admin, every fact through commands), each against its own baseline measured in the same run:
#   1. the OSAI index's model files, then the same files again (nothing changes: the baseline is the
#      cost of reading, planning and checking every fact without writing);
#   2. the Model Openness Tool's release files, then again;
#   3. the OSAI index's whole git history (history.jsonl), every version dated by its commit, then again.
# Each step is a fresh `LedgerCli` JVM, as `./ledger import` runs it; a `--help` run gives the JVM's
# own start-up cost. Writes target/bench/imports.md. Needs a built platform and Keycloak with the
# openness realm on $LEDGER_KEYCLOAK_PORT (default 8180); `./ledger bench imports` provides both.
#
#   load-testing/imports.sh [datasets dir=../shared/datasets]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DATASETS="$(realpath -m "${1:-$ROOT/../shared/datasets}")"
KC_PORT="${LEDGER_KEYCLOAK_PORT:-8180}"
PORT="${LEDGER_BENCH_PORT:-18080}"
JAR=services/platform/target/openness-ledger-platform.jar
OUT=target/bench
mkdir -p "$OUT"
[[ -f "$JAR" ]] || { echo "imports: $JAR is missing; run mvn -B -DskipTests install first" >&2; exit 2; }
for f in osai-index/models mot/models osai-index/history.jsonl; do
  [[ -e "$DATASETS/$f" ]] || { echo "imports: $DATASETS/$f is missing" >&2; exit 2; }
done
curl -sf "http://127.0.0.1:$KC_PORT/realms/openness/.well-known/openid-configuration" >/dev/null \
  || { echo "imports: no Keycloak with realm openness on 127.0.0.1:$KC_PORT" >&2; exit 2; }

DATA="$(mktemp -d /tmp/ledger-bench-imports.XXXXXX)"
PID=""
cleanup() { if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; rm -rf "$DATA"; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
LEDGER_DATA_DIR="$DATA" LEDGER_HTTP_PORT="$PORT" LEDGER_KEYCLOAK_URL="http://127.0.0.1:$KC_PORT" \
  java -jar "$JAR" >"$OUT/imports-platform.log" 2>&1 &
PID=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
  kill -0 "$PID" 2>/dev/null || { echo "imports: the platform exited; see $OUT/imports-platform.log" >&2; exit 1; }
  sleep 0.1
done

cli() {
  java -cp "$JAR" org.opennessledger.platform.cli.LedgerCli "$@" --api "http://127.0.0.1:$PORT" \
    --keycloak "http://127.0.0.1:$KC_PORT"
}
# Runs one import, prints its milliseconds; its output (last line: the summary) goes to a log.
timed() {
  local name="$1" t0 rc
  shift
  t0=$(now_ms)
  set +e
  cli import "$@" >"$OUT/imports-$name.log" 2>&1
  rc=$?
  set -e
  # exit 1 = some files were reported (the datasets hold files the importers refuse on purpose)
  [[ $rc -le 1 ]] || { echo "imports: '$name' failed (exit $rc); see $OUT/imports-$name.log" >&2; exit 1; }
  echo $(( $(now_ms) - t0 ))
}
summary() { grep -E 'files imported|versions imported' "$OUT/imports-$1.log" | tail -1; }

t0=$(now_ms); java -cp "$JAR" org.opennessledger.platform.cli.LedgerCli --help >/dev/null; JVM=$(( $(now_ms) - t0 ))
echo "imports: OSAI index model files"
OSAI1=$(timed osai-1 osai "$DATASETS/osai-index/models"); OSAI2=$(timed osai-2 osai "$DATASETS/osai-index/models")
echo "imports: Model Openness Tool files"
MOT1=$(timed mot-1 mot "$DATASETS/mot/models"); MOT2=$(timed mot-2 mot "$DATASETS/mot/models")
echo "imports: OSAI index history"
HIST1=$(timed history-1 osai-history "$DATASETS/osai-index/history.jsonl")
HIST2=$(timed history-2 osai-history "$DATASETS/osai-index/history.jsonl")
VERSIONS=$(grep -c '' "$DATASETS/osai-index/history.jsonl")
CLAIMS=$(curl -s "http://127.0.0.1:$PORT/api/models" | grep -o '"claimCount":[0-9]*' | awk -F: '{s+=$2} END {print s+0}')
MODELS=$(curl -s "http://127.0.0.1:$PORT/api/models" | grep -o '"modelId"' | wc -l)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", (b>0 ? a/b : 0)}'; }
secs() { awk -v a="$1" 'BEGIN {printf "%.1f", a/1000}'; }
cat >"$OUT/imports.md" <<REPORT
# Import measurements — $(date -u +%FT%TZ)
Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1);
platform on its embedded defaults (H2 event store, mongo-java-server read models), a fresh data directory.
Every import goes through the API with a real admin token; every fact is a command.

| import | first run (s) | again, nothing changes (s) | first / again |
|---|---|---|---|
| OSAI index model files ($(summary osai-1)) | $(secs "$OSAI1") | $(secs "$OSAI2") | $(ratio "$OSAI1" "$OSAI2")× |
| Model Openness Tool files ($(summary mot-1)) | $(secs "$MOT1") | $(secs "$MOT2") | $(ratio "$MOT1" "$MOT2")× |
| OSAI index history, $VERSIONS file versions ($(summary history-1)) | $(secs "$HIST1") | $(secs "$HIST2") | $(ratio "$HIST1" "$HIST2")× |

History replay rate: $(awk -v n="$VERSIONS" -v t="$HIST1" 'BEGIN {printf "%.1f", (t>0 ? n*1000/t : 0)}') file versions/s.
Each row includes one command-line JVM start ($(secs "$JVM") s for \`LedgerCli --help\` in this run).
After the run the ledger holds $MODELS model families and $CLAIMS claims.
Logs: target/bench/imports-*.log.
REPORT
cat "$OUT/imports.md"
