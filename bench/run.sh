#!/usr/bin/env bash
# bench/run.sh [sqlite|postgres] [tickets] [seconds] [api|search|sla|triggers|timerules|webhooks|reports|b2b] — the whole benchmark on this machine, end to end:
# builds Okno and Okno.Bench in Release, generates a database (5 messages per ticket), measures the raw insert floor,
# starts Okno as a separate process on a free 127.0.0.1 port, runs the API benchmark against it, appends the results
# to bench/results/<date>-<provider>.md, and stops and removes everything it started.
# `search` instead: the same database, then 10,000 knowledge-base articles written through the API (OKNO_BENCH_ARTICLES)
# and the search benchmark (knowledge base, tickets, help center) instead of the floor and the API rows.
# Defaults: sqlite, 100000 tickets (a couple of minutes), 10 s per scenario, api.
# Environment: OKNO_BENCH_KEEP=1 keeps the database (a re-run then reuses it); OKNO_BENCH_SEARCH_INDEX=no skips indexing
# the generated tickets for search (much faster; search then finds only what is written through Okno); OKNO_BENCH_WORK (default
# /tmp/okno-bench-<provider>-<tickets>); OKNO_BENCH_EMAIL/OKNO_BENCH_PASSWORD (default the generated admin);
# PostgreSQL: OKNO_BENCH_PG_HOST/PORT/USER/PASSWORD (default: the benchmark's own durable cluster on 127.0.0.1:55440
# under /tmp/okno-bench-pg, started by scripts/test-deps if it is not running) and OKNO_BENCH_DB (default
# okno_bench_<tickets>).
# Only what this run created is removed at the end: a database or folder that was already there is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."

provider=${1:-sqlite}
tickets=${2:-100000}
seconds=${3:-10}
what=${4:-api}
usage() { echo "usage: $0 [sqlite|postgres] [tickets] [seconds] [api|search|sla|triggers|timerules|webhooks|reports|b2b]" >&2; exit 2; }
case "$provider" in sqlite|postgres) ;; *) usage ;; esac
case "$what" in api|search|sla|triggers|timerules|webhooks|reports|b2b) ;; *) usage ;; esac
# Reference data grows with the ticket count up to the generator's defaults (200,000 contacts, 5,000 companies).
contacts=$(( tickets / 5 )); (( contacts < 1000 )) && contacts=1000; (( contacts > 200000 )) && contacts=200000
companies=$(( contacts / 40 )); (( companies < 50 )) && companies=50
work=${OKNO_BENCH_WORK:-/tmp/okno-bench-$provider-$tickets}
email=${OKNO_BENCH_EMAIL:-agent1@bench.example}
password=${OKNO_BENCH_PASSWORD:-bench-password}
keep=${OKNO_BENCH_KEEP:-0}
log() { echo "run.sh: $*" >&2; }

okno_pid=""
pg_db=""
created_db=0
created_work=0
cleanup() {
  local rc=$?
  if [ -n "$okno_pid" ] && kill -0 "$okno_pid" 2>/dev/null; then
    log "stopping Okno (pid $okno_pid)"
    kill "$okno_pid" 2>/dev/null || true
    wait "$okno_pid" 2>/dev/null || true
  fi
  if [ "$keep" != 1 ] && [ "$created_db" = 1 ]; then
    log "dropping database $pg_db"
    psql -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS \"$pg_db\" WITH (FORCE)" >/dev/null 2>&1 || log "could not drop $pg_db"
  elif [ -n "$pg_db" ]; then
    log "kept database $pg_db"
  fi
  if [ "$keep" != 1 ] && [ "$created_work" = 1 ]; then
    rm -rf "$work"
  else
    log "kept $work"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# OKNO_BENCH_BUILD=no uses the Release build as it is (a second run.sh beside one still running: a build would replace
# the assemblies under the running Okno).
if [ "${OKNO_BENCH_BUILD:-yes}" != no ]; then
  log "building Okno and Okno.Bench (Release)"
  dotnet build bench/Okno.Bench -c Release -v q -nologo >/dev/null
fi
bench() { dotnet bench/Okno.Bench/bin/Release/net10.0/Okno.Bench.dll "$@"; }
okno_dir=src/Okno/bin/Release/net10.0

[ -e "$work" ] || created_work=1
mkdir -p "$work/data"
if [ "$provider" = sqlite ]; then
  connection="Data Source=$work/data/okno.db"
  okno_env=(Okno__DataDirectory="$work/data")
else
  if [ -z "${OKNO_BENCH_PG_HOST:-}" ]; then
    # A PostgreSQL 15 cluster of the benchmark's own, set up as production runs it (every commit flushed to disk), not
    # the test suite's throwaway one; idempotent, and it keeps running (with its databases) after the run:
    # `OKNO_TEST_RUNDIR=/tmp/okno-bench-pg scripts/test-deps down` removes it.
    OKNO_TEST_RUNDIR=/tmp/okno-bench-pg OKNO_PG_PORT=55440 OKNO_PG_DURABLE=1 scripts/test-deps up postgres >/dev/null
  fi
  export PGHOST=${OKNO_BENCH_PG_HOST:-127.0.0.1} PGPORT=${OKNO_BENCH_PG_PORT:-55440} PGUSER=${OKNO_BENCH_PG_USER:-okno} \
    PGPASSWORD=${OKNO_BENCH_PG_PASSWORD:-okno}
  pg_db=${OKNO_BENCH_DB:-okno_bench_$tickets}
  [ "$(psql -Atq -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$pg_db'")" = 1 ] || created_db=1
  connection="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$pg_db"
  okno_env=(Okno__DataDirectory="$work/data" Okno__Database__Provider=Postgres ConnectionStrings__Okno="$connection")
fi

log "generating $tickets tickets into $provider (creates the database with Okno's migrations; resumes if it is there)"
bench generate --provider "$provider" --connection "$connection" --tickets "$tickets" --contacts "$contacts" \
  --search-index "${OKNO_BENCH_SEARCH_INDEX:-yes}" --messages-per-ticket "${OKNO_BENCH_MESSAGES:-5}" \
  --companies "$companies" | tee "$work/generate.txt"

if [ "$what" = timerules ]; then
  # Before Okno starts: the time-rule columns the bulk load leaves at year 1 set as Okno's migration sets them, and
  # OKNO_BENCH_OPEN (default 100,000, at most every ticket) tickets open, the newest resolved/closed ones reopened by one UPDATE.
  log "preparing the desk for time rules (${OKNO_BENCH_OPEN:-100000} open tickets)"
  bench timerules-prepare --provider "$provider" --connection "$connection" --open "${OKNO_BENCH_OPEN:-100000}" | tee "$work/timerules-prepare.txt"
fi

floor1=""; floor32=""
if [ "$what" = api ]; then
log "raw insert floor"
bench floor --provider "$provider" --connection "$connection" --seconds "$seconds" | tee "$work/floor.txt"
floor1=$(sed -n 's/^RESULT floor clients=1 rows_per_s=//p' "$work/floor.txt")
floor32=$(sed -n 's/^RESULT floor clients=32 rows_per_s=//p' "$work/floor.txt")
fi

# /health's details (the provider, the outbox figures) are for admins or a monitoring token: give both sides one.
OKNO_HEALTH_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
export OKNO_HEALTH_TOKEN
okno_env+=(Okno__Health__Token="$OKNO_HEALTH_TOKEN")
# Starts Okno with okno_env plus the given settings (NAME=value …); sets okno_pid and url.
start_okno() {
  log "starting Okno on a free port${1:+ ($*)}"
  local log_from
  log_from=$(stat -c %s "$work/okno.log" 2>/dev/null || echo 0)
  # From its output folder, so it reads its own appsettings.json (log levels) as an installed Okno would.
  (cd "$okno_dir" && exec env "${okno_env[@]}" "$@" Urls=http://127.0.0.1:0 dotnet Okno.dll) >>"$work/okno.log" 2>&1 &
  okno_pid=$!
  url=""
  for _ in $(seq 600); do
    kill -0 "$okno_pid" 2>/dev/null || { cat "$work/okno.log" >&2; log "Okno did not start"; exit 1; }
    url=$(tail -c +"$((log_from + 1))" "$work/okno.log" | sed -n 's/.*Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' | head -1)
    [ -n "$url" ] && curl -sf "$url/health" >/dev/null 2>&1 && break
    sleep 0.1
  done
  [ -n "$url" ] || { log "Okno did not answer in time"; exit 1; }
  log "Okno is up at $url (pid $okno_pid)"
}
stop_okno() {
  log "stopping Okno (pid $okno_pid)"
  kill "$okno_pid" 2>/dev/null || true
  wait "$okno_pid" 2>/dev/null || true
  okno_pid=""
}
: >"$work/okno.log"
start_okno

out=bench/results/$(date -u +%F)-$provider.md
# Which Okno was measured: the commit, and "+changes" when src/ differs from it (others may be editing the tree).
rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src 2>/dev/null || rev="$rev+changes"

# The Okno process's memory after the measurements: peak and current resident set (the target is 400 MB).
memory() {
  local hwm rss
  hwm=$(awk '/^VmHWM/ {print int($2/1024)}' "/proc/$okno_pid/status" 2>/dev/null || echo "?")
  rss=$(awk '/^VmRSS/ {print int($2/1024)}' "/proc/$okno_pid/status" 2>/dev/null || echo "?")
  echo "Okno process memory after the run: peak resident ${hwm} MB (VmHWM), now ${rss} MB (VmRSS)."
}

# Appends a heading, the given step outputs (without their RESULT lines) and the memory line to the results file.
append_run_output() {
  {
    echo "$1"
    echo
    echo '```text'
    grep -hv "^RESULT" "${@:2}"
    echo '```'
    echo
    memory
    echo
  } >>"$out"
  memory >&2
  log "results appended to $out"
}

if [ "$what" = search ]; then
  log "knowledge base: ${OKNO_BENCH_ARTICLES:-10000} articles through the API (continues an earlier run's)"
  bench articles --url "$url" --email "$email" --password "$password" --count "${OKNO_BENCH_ARTICLES:-10000}" | tee "$work/articles.txt"
  bench search --url "$url" --email "$email" --password "$password" --seconds "$seconds" --out "$out" \
    --label "$tickets tickets, Okno $rev, bench/run.sh $provider $tickets $seconds search"
  append_run_output "Generation and articles for this run:" "$work/generate.txt" "$work/articles.txt"
  exit 0
fi

if [ "$what" = triggers ]; then
  # Ticket creation (1 and 32 clients, with the outbox's catch-up) without triggers, with 100 enabled ones, and without
  # again, in one sitting: the target is that the rate with them stays at 80 % or more of the rate without.
  create_args=(--url "$url" --email "$email" --password "$password" --seconds "$seconds" --out "$out" --only create)
  bench triggers --url "$url" --email "$email" --password "$password" --count 0
  bench api "${create_args[@]}" --label "$tickets tickets, Okno $rev, bench/run.sh $provider $tickets $seconds triggers: no triggers"
  bench triggers --url "$url" --email "$email" --password "$password" --count "${OKNO_BENCH_TRIGGERS:-100}" | tee "$work/triggers.txt"
  bench api "${create_args[@]}" --label "$tickets tickets, Okno $rev, bench/run.sh $provider $tickets $seconds triggers: ${OKNO_BENCH_TRIGGERS:-100} enabled triggers"
  bench triggers --url "$url" --email "$email" --password "$password" --count 0
  # Again without: the first run also warms Okno up (JIT, caches), so it alone would flatter the run with triggers.
  bench api "${create_args[@]}" --label "$tickets tickets, Okno $rev, bench/run.sh $provider $tickets $seconds triggers: no triggers again"
  append_run_output "Generation and triggers for this run:" "$work/generate.txt" "$work/triggers.txt"
  exit 0
fi

if [ "$what" = timerules ]; then
  # Two time rules made through the API; the first pass of Okno's own job over every due ticket, then idle passes.
  bench timerules --url "$url" --email "$email" --password "$password" --pid "$okno_pid" --provider "$provider" --connection "$connection" \
    --judge-rule "${OKNO_BENCH_JUDGE_RULE:-yes}" --out "$out" --label "$tickets tickets, Okno $rev, bench/run.sh $provider $tickets $seconds timerules" | tee "$work/timerules.txt"
  append_run_output "Generation and preparation for this run:" "$work/generate.txt" "$work/timerules-prepare.txt"
  exit 0
fi

if [ "$what" = webhooks ]; then
  # A receiver inside the bench, allow-listed and subscribed to ticket_created; tickets made through the API queue the deliveries.
  bench webhooks --url "$url" --email "$email" --password "$password" --provider "$provider" --connection "$connection" \
    --out "$out" --label "$tickets tickets, Okno $rev, bench/run.sh $provider $tickets $seconds webhooks" | tee "$work/webhooks.txt"
  append_run_output "Generation for this run:" "$work/generate.txt"
  exit 0
fi

if [ "$what" = reports ]; then
  # The KPI reports (issue 19): the rebuild of the aggregates from the generated history, every standard report for a year
  # (p50/p95/max), a ~100,000-ticket drill-down exported as xlsx and CSV with Okno's memory; then ticket creation with the
  # aggregates off and on (Okno:Reports:Maintain), interleaved on fresh Okno processes because the machine drifts.
  # OKNO_BENCH_REPORTS_PARTS (default rebuild,reports,export; a re-run on a kept database can skip the rebuild),
  # OKNO_BENCH_RUNS (20 per report), OKNO_BENCH_CREATE_ROUNDS (default "off on off on"; empty skips creation).
  bench reports --url "$url" --email "$email" --password "$password" --provider "$provider" --connection "$connection" \
    --pid "$okno_pid" --okno-log "$work/okno.log" --dir "$work" --runs "${OKNO_BENCH_RUNS:-20}" \
    --parts "${OKNO_BENCH_REPORTS_PARTS:-rebuild,reports,export}" ${OKNO_BENCH_REPORTS_ARGS:-} \
    --out "$out" --label "$tickets tickets, Okno $rev, bench/run.sh $provider $tickets $seconds reports" | tee "$work/reports.txt"
  rounds=${OKNO_BENCH_CREATE_ROUNDS-off on off on}
  if [ -n "$rounds" ]; then
    : >"$work/create.txt"
    for round in $rounds; do
      stop_okno
      # "on-noyield": aggregates on, and on SQLite the outbox's rounds do not let waiting requests go first.
      start_okno Okno__Reports__Maintain="$([ "$round" = off ] && echo false || echo true)" \
        Okno__Outbox__YieldToRequests="$([ "$round" = on-noyield ] && echo false || echo true)"
      bench reports-create --url "$url" --email "$email" --password "$password" --seconds "$seconds" --label "$round" | tee -a "$work/create.txt"
    done
    {
      echo "### Ticket creation with the report aggregates off and on ($tickets tickets, Okno $rev, bench/run.sh $provider $tickets $seconds reports)"
      echo
      echo "Okno restarted for each round with \`Okno__Reports__Maintain=false|true\`, rounds in the order: $rounds; each row ${seconds} s after a 5 s warm-up; POST /api/v1/tickets as in \`api\`. Load average now: $(cut -d' ' -f1-3 /proc/loadavg)."
      echo
      echo '```text'
      sed 's/^RESULT create //' "$work/create.txt"
      echo '```'
      echo
      for c in $(sed -n 's/.* clients=\([0-9]*\) .*/\1/p' "$work/create.txt" | sort -un); do
        awk -v c="$c" '$3 == "label=on-noyield" && $4 == "clients=" c {split($5, a, "="); ny += a[2]; n_ny++}
          $3 == "label=off" && $4 == "clients=" c {split($5, a, "="); off += a[2]; n_off++}
          END { if (n_ny && n_off) printf "- %d client(s): aggregates on without requests first %.1f tickets/s (mean of %d): %.1f %% of off.\n", c, ny / n_ny, n_ny, 100 * (ny / n_ny) / (off / n_off) }' "$work/create.txt"
        awk -v c="$c" '$3 == "label=on" && $4 == "clients=" c {split($5, a, "="); on += a[2]; n_on++}
          $3 == "label=off" && $4 == "clients=" c {split($5, a, "="); off += a[2]; n_off++}
          END { if (n_on && n_off) printf "- %d client(s): aggregates on %.1f tickets/s (mean of %d), off %.1f (mean of %d): on = %.1f %% of off (target ≥ 90 %%).\n", c, on / n_on, n_on, off / n_off, n_off, 100 * (on / n_on) / (off / n_off) }' "$work/create.txt"
      done
      echo
    } | tee -a "$out"
  fi
  append_run_output "Generation for this run:" "$work/generate.txt"
  exit 0
fi

if [ "$what" = b2b ]; then
  # B2B service at scale (issue 20): 20,000 companies, 100,000 service objects, 300,000 pieces of equipment beside the
  # tickets (made in SQL on the first run, kept with OKNO_BENCH_KEEP=1), then the equipment and object pages' API calls
  # and the serial search on random ids. PostgreSQL only. OKNO_BENCH_RUNS (default 50 per call).
  bench b2b --url "$url" --email "$email" --password "$password" --provider "$provider" --connection "$connection" \
    --runs "${OKNO_BENCH_RUNS:-50}" --out "$out" --label "$tickets tickets, Okno $rev, bench/run.sh $provider $tickets $seconds b2b" | tee "$work/b2b.txt"
  append_run_output "Generation for this run:" "$work/generate.txt"
  exit 0
fi

if [ "$what" = sla ]; then
  # The inbox as an admin by last activity and by SLA due time (and the at-risk list), before SLA is switched on and
  # after: the same rows, so the two runs compare the cost of the SLA columns in one sitting.
  inbox_args=(--url "$url" --email "$email" --password "$password" --seconds "$seconds" --out "$out" --only inbox --agent none
    --sorts updated,due)
  bench api "${inbox_args[@]}" --label "$tickets tickets, Okno $rev, bench/run.sh $provider $tickets $seconds sla: before SLA"
  bench sla --url "$url" --email "$email" --password "$password" --pid "$okno_pid" --provider "$provider" --connection "$connection" \
    --out "$out" --label "$tickets tickets, Okno $rev, bench/run.sh $provider $tickets $seconds sla" | tee "$work/sla.txt"
  bench api "${inbox_args[@]}" --label "$tickets tickets, Okno $rev, bench/run.sh $provider $tickets $seconds sla: SLA on (four policies)"
  append_run_output "Generation for this run:" "$work/generate.txt"
  exit 0
fi

log "checking the view counters and priority ranks against the tickets (bench/check-counts.sh)"
check_db=$([ "$provider" = sqlite ] && echo "$work/data/okno.db" || echo "$pg_db")
OKNO_BENCH_PASSWORD="$password" bench/check-counts.sh "$url" "$provider" "$check_db" | tee "$work/check.txt" \
  || log "WARNING: the counters do not match the tickets (see above); measuring anyway"

api_args=(--url "$url" --email "$email" --password "$password" --seconds "$seconds" --out "$out"
  --label "$tickets tickets, Okno $rev, bench/run.sh")
[ -n "$floor1" ] && api_args+=(--floor "$floor1")
[ -n "$floor32" ] && api_args+=(--floor32 "$floor32")
bench api "${api_args[@]}"

append_run_output "Generation, floor and counter check for this run (bench/run.sh $provider $tickets $seconds):" \
  "$work/generate.txt" "$work/floor.txt" "$work/check.txt"
