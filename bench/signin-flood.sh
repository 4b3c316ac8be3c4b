#!/usr/bin/env bash
# bench/signin-flood.sh [seconds] [addresses] — a sign-in flood against Okno, once per setting, in one run:
#   1. "limit off":  no bound on concurrent password checks, per-address limits raised out of the way (every guess is hashed)
#   2. "limit on":   the same flood with the default bound (Okno:SignIn:PasswordChecks = half the processors, queue 4)
#   3. "defaults":   every default (the per-address window and throttle as shipped), the same flood
# Each starts a fresh Okno (Release, SQLite in a temporary folder) on a free 127.0.0.1 port, runs `signin-flood` and
# appends the tables to bench/results/<date>-signin-flood.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
addresses=${2:-50}
log() { echo "[signin-flood] $*" >&2; }
dotnet build src/Okno -c Release -v q -nologo >/dev/null
dotnet build bench/Okno.Bench -c Release -v q -nologo >/dev/null
okno_dir=src/Okno/bin/Release/net10.0
out=bench/results/$(date -u +%F)-signin-flood.md
rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src 2>/dev/null || rev="$rev+changes"
{
  echo "## $(date -u '+%F %H:%M') UTC · Okno $rev · $(nproc) cores · ${seconds} s per phase · $addresses addresses"
  echo
} >>"$out"

raised=(Okno__Limits__SignInPermitLimit=1000000 Okno__SignIn__AddressFreeFailures=1000000)
run() {
  local label=$1; shift
  local data; data=$(mktemp -d /tmp/okno-signin-flood.XXXXXX)
  (cd "$okno_dir" && exec env Okno__DataDirectory="$data" Okno__Admin__Email=bench@flood.example Okno__Admin__Password=bench-password-1 \
     "$@" Urls=http://127.0.0.1:0 dotnet Okno.dll) >"$data/okno.log" 2>&1 &
  local pid=$! url=""
  for _ in $(seq 600); do
    kill -0 "$pid" 2>/dev/null || { cat "$data/okno.log" >&2; log "Okno did not start"; exit 1; }
    url=$(sed -n 's/.*Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$data/okno.log" | head -1)
    [ -n "$url" ] && curl -sf "$url/health" >/dev/null 2>&1 && break
    sleep 0.1
  done
  log "$label: Okno at $url (pid $pid) with: $*"
  dotnet bench/Okno.Bench/bin/Release/net10.0/Okno.Bench.dll signin-flood --url "$url" --email bench@flood.example \
    --password bench-password-1 --addresses "$addresses" --seconds "$seconds" --label "$label" --out "$out" | grep -v '^RESULT' || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}
run "limit off" "${raised[@]}" Okno__SignIn__PasswordChecks=-1
run "limit on (default bound)" "${raised[@]}"
run "defaults" Okno__SignIn__PasswordCheckQueue=16
log "results appended to $out"
