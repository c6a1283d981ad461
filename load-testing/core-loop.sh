#!/usr/bin/env bash
# Measures, on this machine, in one run:
#   1. platform start to healthy (JVM start → GET /health answers 200), N times;
#   2. the latency of the core loop's writes (each answers after the read models caught up)
#      against a plain read of the same claim as the baseline measured in the same run.
# Writes target/load-testing/core-loop.md. Needs a built platform (mvn -DskipTests install)
# and Keycloak on $LEDGER_KEYCLOAK_PORT (default 8180), e.g. from a running `./ledger run`
# stopped after Keycloak came up, or: infra/keycloak/keycloak.sh start ... .
#
#   load-testing/core-loop.sh [starts=5] [reviews=60]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
STARTS="${1:-5}"
REVIEWS="${2:-60}"
KC_PORT="${LEDGER_KEYCLOAK_PORT:-8180}"
PORT="${LEDGER_BENCH_PORT:-18080}"
JAR=services/platform/target/openness-ledger-platform.jar
OUT=target/load-testing
mkdir -p "$OUT"
[[ -f "$JAR" ]] || { echo "core-loop: $JAR is missing; run mvn -B -DskipTests install first" >&2; exit 2; }
curl -sf "http://127.0.0.1:$KC_PORT/realms/openness/.well-known/openid-configuration" >/dev/null \
  || { echo "core-loop: no Keycloak with realm openness on 127.0.0.1:$KC_PORT" >&2; exit 2; }

DATA="$(mktemp -d /tmp/ledger-bench.XXXXXX)"
PID=""
cleanup() { [[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$DATA"; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
start_platform() {
  LEDGER_DATA_DIR="$DATA" LEDGER_HTTP_PORT="$PORT" LEDGER_KEYCLOAK_URL="http://127.0.0.1:$KC_PORT" \
    java -jar "$JAR" >"$OUT/platform.log" 2>&1 &
  PID=$!
  local t0; t0=$(now_ms)
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
    kill -0 "$PID" 2>/dev/null || { echo "core-loop: platform exited; see $OUT/platform.log" >&2; exit 1; }
    sleep 0.05
  done
  echo $(( $(now_ms) - t0 ))
}
stop_platform() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

stats() { sort -n | awk '{a[NR]=$1} END {p=int(NR*0.9+0.5); if (p<1) p=1; printf "%d | %d | %d | %d", a[1], a[int((NR+1)/2)], a[p], a[NR]}'; }

echo "core-loop: measuring start to healthy ($STARTS starts; the first creates the stores)"
: >"$OUT/starts.txt"
for _ in $(seq "$STARTS"); do start_platform >>"$OUT/starts.txt"; stop_platform; done

start_platform >/dev/null
token() { curl -s -d grant_type=password -d client_id=ledger-cli -d "username=$1" -d "password=$1-pass" \
  "http://127.0.0.1:$KC_PORT/realms/openness/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
declare -A TOK
for u in alice bob carol; do TOK[$u]=$(token $u); done
post() { curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer ${TOK[$1]}" \
  -H 'Content-Type: application/json' -X POST "http://127.0.0.1:$PORT$2" -d "$3"; }
get() { curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT$1"; }
ms() { awk '{printf "%d\n", $1*1000 + 0.5}'; }

post alice /api/models '{"modelId":"bench","name":"Bench","producer":"Bench Lab"}' >/dev/null
post alice /api/models/bench/releases '{"releaseId":"b-1","name":"B-1"}' >/dev/null
CLAIM=$(curl -s -H "Authorization: Bearer ${TOK[alice]}" -H 'Content-Type: application/json' -X POST \
  "http://127.0.0.1:$PORT/api/claims" -d '{"modelId":"bench","releaseId":"b-1","component":"model-card",
  "openness":"open","licence":"CC-BY-4.0","evidence":[{"url":"https://example.org/card","retrievedOn":"2026-11-01"}],
  "rationale":"bench"}' | sed 's/.*"claimId":"\([^"]*\)".*/\1/')

echo "core-loop: $REVIEWS reviews (write + read-your-writes) and $REVIEWS reads of the same claim, interleaved"
: >"$OUT/writes.txt"; : >"$OUT/reads.txt"
for i in $(seq "$REVIEWS"); do
  if (( i % 2 )); then body='{"verdict":"agree"}'; else body='{"verdict":"disagree","reason":"bench flip"}'; fi
  post bob "/api/claims/$CLAIM/reviews" "$body" | ms >>"$OUT/writes.txt"
  get "/api/claims/$CLAIM" | ms >>"$OUT/reads.txt"
done
stop_platform

W=$(stats <"$OUT/writes.txt"); R=$(stats <"$OUT/reads.txt"); S=$(stats <"$OUT/starts.txt")
WMED=$(echo "$W" | awk -F' \\| ' '{print $2}'); RMED=$(echo "$R" | awk -F' \\| ' '{print $2}')
cat >"$OUT/core-loop.md" <<REPORT
# Core loop measurements — $(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1)

| what (ms) | min | median | p90 | max |
|---|---|---|---|---|
| platform start → /health 200 ($STARTS starts) | $S |
| POST review, answered after read models caught up ($REVIEWS) | $W |
| GET claim, baseline in the same run ($REVIEWS) | $R |

Write/read median ratio: $(awk -v w="$WMED" -v r="$RMED" 'BEGIN {printf "%.1f", (r>0? w/r : 0)}')×
(embedded H2 event store and mongo-java-server; Keycloak token checks are local after the first JWKS fetch).
REPORT
cat "$OUT/core-loop.md"
