#!/usr/bin/env bash
# bench/email.sh [sqlite|postgres|postgres-1m] [mails] [mailboxes] [replies] [only] — the email channel under load (issue 13).
# Starts the bench's own mail servers (Dovecot IMAP on 127.0.0.1:10243 and the SMTP sink on 127.0.0.1:10125, under
# /tmp/okno-bench-mail, with users bench1…benchN@example.test; scripts/test-deps with other ports and a run directory of
# its own, so the tests' servers are not disturbed), starts Okno (Release) on a free 127.0.0.1 port on
#   sqlite       a new SQLite file in a temporary folder;
#   postgres     a new database on the bench's durable PostgreSQL cluster (127.0.0.1:55440, see bench/README.md);
#   postgres-1m  a copy of okno_bench_1m_before (1M tickets; CREATE DATABASE … TEMPLATE, the original is never touched;
#                OKNO_BENCH_1M_TEMPLATE names another generated database, e.g. okno_bench_1000000 from bench/postgres.sh),
# runs `Okno.Bench email` (import from one mailbox, from [mailboxes] at once, sending, a 25 MB mail's memory) and
# appends the figures to bench/results/<date>-email.md. Okno and the database it made are removed afterwards.
# `only` is the scenario list (default warm,one,many,send,big; warm: an unmeasured-as-steady first import that
# compiles Okno's hot paths, reported on its own row). OKNO_BENCH_INBOX_EVERY_MS: the inbox reader's pace during the
# imports (default 100: ten reads a second, fifty agents refreshing every 5 s; 0: back to back, a stress of its own).
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
mails=${2:-5000}
boxes=${3:-20}
replies=${4:-1000}
only=${5:-warm,one,many,send,big}
log() { echo "[email] $*" >&2; }

# Two runs at once need mail servers of their own: OKNO_BENCH_MAIL_RUNDIR and the three ports.
mail_rundir=${OKNO_BENCH_MAIL_RUNDIR:-/tmp/okno-bench-mail}
imap_port=${OKNO_BENCH_IMAP_PORT:-10243}
smtp_port=${OKNO_BENCH_SMTP_PORT:-10125}
imap=127.0.0.1:$imap_port
smtp=127.0.0.1:$smtp_port
users=$(for i in $(seq 1 "$boxes"); do printf 'bench%d@example.test ' "$i"; done)
OKNO_TEST_RUNDIR=$mail_rundir OKNO_IMAP_PORT=$imap_port OKNO_IMAPS_PORT=${OKNO_BENCH_IMAPS_PORT:-11093} OKNO_SMTP_PORT=$smtp_port \
  OKNO_TEST_EXTRA_MAIL_USERS="$users" scripts/test-deps up mail >/dev/null

if [ "${OKNO_BENCH_NO_BUILD:-0}" != 1 ]; then   # 1: use the Release builds already there (a second run meanwhile)
  dotnet build src/Okno -c Release -v q -nologo >/dev/null
  dotnet build bench/Okno.Bench -c Release -v q -nologo >/dev/null
fi
okno_dir=src/Okno/bin/Release/net10.0
data=$(mktemp -d /tmp/okno-bench-email.XXXXXX)
admin=bench@email.example
password=bench-password-1
env_db=()
db_name=""
pg_base="Host=127.0.0.1;Port=55440;Username=okno;Password=okno${OKNO_BENCH_PG_EXTRA:-}"
psql_pg() { PGPASSWORD=okno psql -h 127.0.0.1 -p 55440 -U okno -d postgres -v ON_ERROR_STOP=1 -qAt -c "$1"; }
case "$provider" in
  sqlite)
    connection="Data Source=$data/okno.db"
    ;;
  postgres|postgres-1m)
    OKNO_TEST_RUNDIR=/tmp/okno-bench-pg OKNO_PG_PORT=55440 OKNO_PG_DURABLE=1 scripts/test-deps up postgres >/dev/null
    db_name=okno_bench_email_$(date -u +%H%M%S)
    if [ "$provider" = postgres-1m ]; then
      template=${OKNO_BENCH_1M_TEMPLATE:-okno_bench_1m_before}
      log "copying $template into $db_name…"
      psql_pg "CREATE DATABASE $db_name TEMPLATE $template"
      # Generated data has its own admin; the bench signs in as it.
      admin=agent1@bench.example
      password=bench-password
    fi
    connection="$pg_base;Database=$db_name"
    env_db=(Okno__Database__Provider=Postgres "ConnectionStrings__Okno=$connection")
    ;;
  *) echo "usage: $0 [sqlite|postgres|postgres-1m] [mails] [mailboxes] [replies] [only]" >&2; exit 2 ;;
esac
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  [ -n "$db_name" ] && psql_pg "DROP DATABASE IF EXISTS $db_name WITH (FORCE)" || true
}
trap cleanup EXIT

(cd "$okno_dir" && exec env Okno__DataDirectory="$data" Okno__Admin__Email="$admin" Okno__Admin__Password="$password" \
   "${env_db[@]}" Urls=http://127.0.0.1:0 dotnet Okno.dll) >"$data/okno.log" 2>&1 &
pid=$!
url=""
for _ in $(seq 3000); do
  kill -0 "$pid" 2>/dev/null || { cat "$data/okno.log" >&2; log "Okno did not start"; exit 1; }
  url=$(sed -n 's/.*Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$data/okno.log" | head -1)
  [ -n "$url" ] && curl -sf "$url/health" >/dev/null 2>&1 && break
  sleep 0.1
done
# The process started by `dotnet Okno.dll` (exec'd in the subshell) is Okno itself.
log "Okno at $url (pid $pid), $provider"
dotnet bench/Okno.Bench/bin/Release/net10.0/Okno.Bench.dll email --url "$url" --email "$admin" --password "$password" \
  --provider "${provider%-1m}" --connection "$connection" --pid "$pid" --imap "$imap" --smtp "$smtp" \
  --mails "$mails" --mailboxes "$boxes" --replies "$replies" --only "$only" --label "$provider" \
  --inbox-every-ms "${OKNO_BENCH_INBOX_EVERY_MS:-100}"
