#!/usr/bin/env bash
# bench/hostile.sh [sqlite|postgres] [seconds] [clients] — the `hostile` benchmark end to end: the gate's timings on
# pathological Markdown and HTML at the size limit (in process), then concurrent ticket creation through the API of a
# fresh Okno (a separate process on a free 127.0.0.1 port, an empty database) alone and while a client keeps posting
# hostile bodies. Appends to bench/results/<date>-hostile.md; deletes the database it created.
set -euo pipefail
cd "$(dirname "$0")/.."

provider=${1:-sqlite}
seconds=${2:-10}
clients=${3:-4}
case "$provider" in sqlite|postgres) ;; *) echo "usage: $0 [sqlite|postgres] [seconds] [clients]" >&2; exit 2 ;; esac
log() { echo "hostile.sh: $*" >&2; }
work=$(mktemp -d /tmp/okno-hostile-XXXXXX)
email=bench-admin@okno.local
password=hostile-bench-$RANDOM-password
okno_pid=""
pg_db=""
cleanup() {
  local rc=$?
  if [ -n "$okno_pid" ] && kill -0 "$okno_pid" 2>/dev/null; then kill "$okno_pid" 2>/dev/null || true; wait "$okno_pid" 2>/dev/null || true; fi
  if [ -n "$pg_db" ]; then
    psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$pg_db\" WITH (FORCE)" >/dev/null 2>&1 || log "could not drop $pg_db"
  fi
  rm -rf "$work"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "building Okno and Okno.Bench (Release)"
dotnet build bench/Okno.Bench -c Release -v q -nologo >/dev/null
okno_env=(Okno__DataDirectory="$work/data" Okno__Admin__Email="$email" Okno__Admin__Password="$password")
if [ "$provider" = postgres ]; then
  [ -n "${OKNO_BENCH_PG_HOST:-}" ] || OKNO_TEST_RUNDIR=/tmp/okno-bench-pg OKNO_PG_PORT=55440 OKNO_PG_DURABLE=1 scripts/test-deps up postgres >/dev/null
  export PGHOST=${OKNO_BENCH_PG_HOST:-127.0.0.1} PGPORT=${OKNO_BENCH_PG_PORT:-55440} PGUSER=${OKNO_BENCH_PG_USER:-okno} \
    PGPASSWORD=${OKNO_BENCH_PG_PASSWORD:-okno}
  pg_db=okno_hostile_$$
  psql -q -d postgres -c "CREATE DATABASE \"$pg_db\"" >/dev/null
  okno_env+=(Okno__Database__Provider=Postgres ConnectionStrings__Okno="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$pg_db")
fi
mkdir -p "$work/data"
(cd src/Okno/bin/Release/net10.0 && exec env "${okno_env[@]}" Urls=http://127.0.0.1:0 dotnet Okno.dll) >"$work/okno.log" 2>&1 &
okno_pid=$!
url=""
for _ in $(seq 600); do
  kill -0 "$okno_pid" 2>/dev/null || { cat "$work/okno.log" >&2; log "Okno did not start"; exit 1; }
  url=$(sed -n 's/.*Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/okno.log" | head -1)
  [ -n "$url" ] && curl -sf "$url/health" >/dev/null 2>&1 && break
  sleep 0.1
done
[ -n "$url" ] || { log "Okno did not answer in time"; exit 1; }
log "Okno is up at $url (pid $okno_pid)"
rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src 2>/dev/null || rev="$rev+changes"
dotnet bench/Okno.Bench/bin/Release/net10.0/Okno.Bench.dll hostile --url "$url" --email "$email" --password "$password" \
  --seconds "$seconds" --clients "$clients" --label "$provider, $rev"
