#!/usr/bin/env bash
# bench/chat.sh [visitors=1000] [held=5000] [seconds=60] — the live chat (issue 17) under many open visitor connections.
# Builds Okno and Okno.Bench in Release, starts Okno as its own process on a fresh SQLite data folder on a free 127.0.0.1
# port (chat rate limits raised, new visitors per address too: every visitor of the bench comes from 127.0.0.1), runs `Okno.Bench chat` (a chat
# channel through the admin API; `visitors` sessions with their event streams open; the agent stream; warm-up, then
# 10 messages/s for `seconds`: visitor → agent latency; then `held` streams held for 30 s; Okno's memory throughout),
# measures widget.js gzipped, appends the figures to bench/results/<date>-sqlite.md, and stops and removes everything
# it started.
set -euo pipefail
cd "$(dirname "$0")/.."
visitors=${1:-1000}
held=${2:-5000}
seconds=${3:-60}
log() { echo "chat.sh: $*" >&2; }

# Each open stream is a socket on both ends: Okno and the bench each need about `held` descriptors plus their own.
# Raised here, so both processes (started from this shell) inherit it; the hard limit caps it.
want=$(( held + 2048 ))
hard=$(ulimit -Hn)
if [ "$hard" != unlimited ] && [ "$hard" -lt "$want" ]; then
  log "the hard limit on open files is $hard, below the $want that $held streams need; the run may fail to hold them"
  want=$hard
fi
[ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$want" ] && ulimit -n "$want"
log "ulimit -n $(ulimit -n)"

log "building Okno and Okno.Bench (Release)"
dotnet build bench/Okno.Bench -c Release -v q -nologo >/dev/null
okno_dir=$(pwd)/src/Okno/bin/Release/net10.0
data=$(mktemp -d /tmp/okno-chat-XXXXXX)
email=chat-admin@bench.example
password=chat-bench-$RANDOM-password
okno_pid=""
cleanup() {
  local rc=$?
  if [ -n "$okno_pid" ] && kill -0 "$okno_pid" 2>/dev/null; then kill "$okno_pid" 2>/dev/null || true; wait "$okno_pid" 2>/dev/null || true; fi
  if [ "$rc" != 0 ] && [ -f "$data/okno.log" ]; then log "Okno's log (last 40 lines):"; tail -40 "$data/okno.log" >&2; fi
  rm -rf "$data"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

(cd "$okno_dir" && exec env Okno__DataDirectory="$data" Okno__Admin__Email="$email" Okno__Admin__Password="$password" \
  Okno__Chat__VisitorMessagesPerMinute=100000 Okno__Chat__AddressRequestsPerMinute=1000000 Okno__Chat__NewVisitorsPerMinute=1000000 \
  ASPNETCORE_ENVIRONMENT=Production Urls=http://127.0.0.1:0 dotnet Okno.dll) >"$data/okno.log" 2>&1 &
okno_pid=$!
url=""
for _ in $(seq 600); do
  kill -0 "$okno_pid" 2>/dev/null || { cat "$data/okno.log" >&2; log "Okno did not start"; exit 1; }
  url=$(sed -n 's/.*Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$data/okno.log" | head -1)
  [ -n "$url" ] && curl -sf "$url/health" >/dev/null 2>&1 && break
  sleep 0.1
done
[ -n "$url" ] || { log "Okno did not answer in time"; exit 1; }
log "Okno is up at $url (pid $okno_pid)"

widget=()
if [ -f src/Okno/wwwroot/widget.js ]; then
  widget=(--widget-bytes "$(wc -c <src/Okno/wwwroot/widget.js)" --widget-gzip "$(gzip -9 -c src/Okno/wwwroot/widget.js | wc -c)")
else
  log "src/Okno/wwwroot/widget.js is not there yet: widget size skipped"
fi
rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src 2>/dev/null || rev="$rev+changes"
mkdir -p bench/results
rc=0
dotnet bench/Okno.Bench/bin/Release/net10.0/Okno.Bench.dll chat --url "$url" --email "$email" --password "$password" --pid "$okno_pid" \
  --visitors "$visitors" --held "$held" --seconds "$seconds" "${widget[@]}" \
  --label "Okno $rev, bench/chat.sh $visitors $held $seconds" --out "bench/results/$(date -u +%F)-sqlite.md" || rc=$?
# Okno's own complaints during the run (errors and warnings), for the report.
if grep -qE '^(fail|crit|warn):' "$data/okno.log"; then
  log "Okno logged $(grep -cE '^(fail|crit)' "$data/okno.log" || true) errors and $(grep -cE '^warn' "$data/okno.log" || true) warnings; the first ones:"
  grep -E -A2 '^(fail|crit|warn):' "$data/okno.log" | head -30 >&2
fi
exit "$rc"
