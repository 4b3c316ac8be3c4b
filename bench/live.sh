#!/usr/bin/env bash
# bench/live.sh [samples] — time from a ticket created through the API to its row in an agent's open inbox.
# Builds Okno and Okno.Bench in Release, starts Okno on a fresh SQLite database on a free 127.0.0.1 port, runs
# `Okno.Bench live` (Debian's Chromium keeps /inbox open), appends the figures to bench/results/<date>-sqlite.md, and
# stops and removes everything it started. Set OKNO_BENCH_DATA to run on an existing data folder (kept).
set -euo pipefail
cd "$(dirname "$0")/.."
samples=${1:-30}
log() { echo "live.sh: $*" >&2; }
[ -x /usr/bin/chromium ] || { log "installing chromium"; apt-get install -y -q chromium >/dev/null; }

log "building Okno and Okno.Bench (Release)"
dotnet build bench/Okno.Bench -c Release -v q -nologo >/dev/null
okno_dir=$(pwd)/src/Okno/bin/Release/net10.0
data=${OKNO_BENCH_DATA:-}
created=0
if [ -z "$data" ]; then data=$(mktemp -d /tmp/okno-live-XXXXXX); created=1; fi
email=live-admin@bench.example
password=live-bench-password
okno_pid=""
cleanup() {
  [ -n "$okno_pid" ] && kill "$okno_pid" 2>/dev/null && wait "$okno_pid" 2>/dev/null || true
  [ "$created" = 1 ] && rm -rf "$data"
  return 0
}
trap cleanup EXIT

(cd "$okno_dir" && exec env Okno__DataDirectory="$data" Okno__Admin__Email="$email" Okno__Admin__Password="$password" \
  ASPNETCORE_ENVIRONMENT=Production Urls=http://127.0.0.1:0 dotnet Okno.dll) >"$data/okno.log" 2>&1 &
okno_pid=$!
url=""
for _ in $(seq 1 300); do
  url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$data/okno.log" | head -1 || true)
  [ -n "$url" ] && curl -sf "$url/health" >/dev/null 2>&1 && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$data/okno.log" >&2; log "Okno did not start"; exit 1; }
log "Okno at $url"
mkdir -p bench/results
dotnet bench/Okno.Bench/bin/Release/net10.0/Okno.Bench.dll live --url "$url" --email "$email" --password "$password" \
  --samples "$samples" --out "bench/results/$(date -u +%F)-sqlite.md"
