#!/usr/bin/env bash
# bench/check-counts.sh URL sqlite|postgres DB [email…] — checks a generated database against a running Okno:
# GET /api/v1/tickets/counts for each agent (default: the generated admin agent1 and the ordinary agent5) must equal
# COUNT(*) over Tickets with each view's meaning (InboxViews.Holds), and PriorityRank must match Priority on every row.
# DB is the SQLite file, or for PostgreSQL a database name (PGHOST/PGPORT/PGUSER/PGPASSWORD as for psql).
# Password: OKNO_BENCH_PASSWORD (default bench-password). Read-only; prints one line per view and exits 1 on a mismatch.
set -euo pipefail
url=${1:?url}; provider=${2:?sqlite|postgres}; db=${3:?database}; shift 3
emails=("$@"); [ ${#emails[@]} -gt 0 ] || emails=(agent1@bench.example agent5@bench.example)
password=${OKNO_BENCH_PASSWORD:-bench-password}
case "$url" in http://127.0.0.1:*|http://localhost:*) ;; *) echo "loopback URLs only" >&2; exit 2 ;; esac

sql() {
  if [ "$provider" = sqlite ]; then sqlite3 -readonly "$db" "$1"; else psql -Atq -v ON_ERROR_STOP=1 -d "$db" -c "$1"; fi
}

bad=0
rank="CASE \"Priority\" WHEN 'Low' THEN 0 WHEN 'Normal' THEN 1 WHEN 'High' THEN 2 WHEN 'Urgent' THEN 3 END"
wrong=$(sql "SELECT COUNT(*) FROM \"Tickets\" WHERE \"PriorityRank\" IS DISTINCT FROM $rank")
total=$(sql "SELECT COUNT(*) FROM \"Tickets\"")
echo "tickets: $total; PriorityRank different from Priority: $wrong"
[ "$wrong" = 0 ] || bad=1

open="\"Status\" IN ('New','Open','Pending','OnHold')"
for email in "${emails[@]}"; do
  answer=$(curl -sf -X POST "$url/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}")
  token=$(jq -r .token <<<"$answer")
  me=$(jq -r .agent.id <<<"$answer")
  role=$(jq -r .agent.role <<<"$answer")
  groups=$(jq -r '.agent.groupIds | map(tostring) | join(",")' <<<"$answer")
  in_groups="\"GroupId\" IN (${groups:-NULL})"
  if [ "$role" = admin ] || [ "$role" = supervisor ]; then visible="1=1"
  else visible="(\"GroupId\" IS NULL OR $in_groups OR \"AssigneeId\" = $me)"; fi
  counts=$(curl -sf "$url/api/v1/tickets/counts" -H "Authorization: Bearer $token")
  echo "$email ($role, id $me, groups [${groups}]): $counts"
  declare -A where=(
    [mine]="$open AND \"AssigneeId\" = $me"
    [unassigned]="$open AND \"AssigneeId\" IS NULL AND $visible"
    [my_groups]="$open AND $in_groups"
    [all_open]="$open AND $visible"
    [waiting]="\"Status\" = 'Pending' AND $visible"
    [closed]="\"Status\" IN ('Resolved','Closed') AND $visible"
  )
  for view in mine unassigned my_groups all_open waiting closed; do
    # The API may name keys snake_case or camelCase; accept either.
    camel=$(sed -E 's/_(.)/\U\1/g' <<<"$view")
    api=$(jq -r --arg a "$view" --arg b "$camel" '.[$a] // .[$b] // "missing"' <<<"$counts")
    db_count=$(sql "SELECT COUNT(*) FROM \"Tickets\" WHERE ${where[$view]}")
    mark=ok; [ "$api" = "$db_count" ] || { mark=MISMATCH; bad=1; }
    printf '  %-11s api %8s  sql %8s  %s\n' "$view" "$api" "$db_count" "$mark"
  done
  unset where
done
exit $bad
