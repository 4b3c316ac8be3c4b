#!/usr/bin/env bash
# bench/answerbot.sh [--misses] — how well the answer bot (issue 18) finds the right article. Builds Okno and Okno.Bench in
# Release, starts Okno with the demo data (its knowledge base: Russian and English articles) on a fresh SQLite data folder
# on a free 127.0.0.1 port, with the bot's thresholds at 0 so every scored article comes back, runs `Okno.Bench answerbot`
# over bench/answerbot/questions.tsv (the thresholds of AnswerBotOptions are applied by the bench, plus a sweep), writes
# bench/results/<date>-answerbot.md, and stops and removes everything it started. --misses lists the questions it got wrong.
set -euo pipefail
cd "$(dirname "$0")/.."
misses=no
[ "${1:-}" = "--misses" ] && misses=yes
log() { echo "answerbot.sh: $*" >&2; }

log "building Okno and Okno.Bench (Release)"
dotnet build bench/Okno.Bench -c Release -v q -nologo >/dev/null || { log "the build failed:"; dotnet build bench/Okno.Bench -c Release -v q -nologo 2>&1 | grep -E "error|rror\(s\)" | sort -u >&2; exit 1; }
okno_dir=$(pwd)/src/Okno/bin/Release/net10.0
data=$(mktemp -d /tmp/okno-answerbot-XXXXXX)
email=answerbot-admin@bench.example
password=answerbot-bench-$RANDOM-password
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

(cd "$okno_dir" && exec env Okno__DataDirectory="$data" Okno__Admin__Email="$email" Okno__Admin__Password="$password" Okno__Demo=true \
  Okno__AnswerBot__Threshold=0 Okno__AnswerBot__RelativeThreshold=0 \
  ASPNETCORE_ENVIRONMENT=Production Urls=http://127.0.0.1:0 dotnet Okno.dll) >"$data/okno.log" 2>&1 &
okno_pid=$!
url=""
for _ in $(seq 1200); do
  kill -0 "$okno_pid" 2>/dev/null || { cat "$data/okno.log" >&2; log "Okno did not start"; exit 1; }
  url=$(sed -n 's/.*Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$data/okno.log" | head -1)
  [ -n "$url" ] && curl -sf "$url/health" >/dev/null 2>&1 && grep -q "Demo data" "$data/okno.log" && break
  sleep 0.1
done
[ -n "$url" ] || { log "Okno did not answer in time"; exit 1; }
log "Okno is up at $url (pid $okno_pid)"

mkdir -p bench/results
dotnet bench/Okno.Bench/bin/Release/net10.0/Okno.Bench.dll answerbot --url "$url" --email "$email" --password "$password" \
  --questions bench/answerbot/questions.tsv --misses "$misses" --out "bench/results/$(date -u +%Y-%m-%d)-answerbot.md"
