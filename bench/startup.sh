#!/usr/bin/env bash
# bench/startup.sh [runs] — start-up time of the embedded default: from launching the built app on a fresh, empty
# data directory (schema migration and first admin included) until /health answers 200. Prints each run and the median.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=${OKNO_BENCH_PORT:-5181}
dotnet build src/Okno -c Release -v q -nologo >/dev/null
dll=src/Okno/bin/Release/net10.0/Okno.dll
times=()
for i in $(seq "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  # From its own folder, so it reads its appsettings.json (log levels) as an installed Okno would.
  (cd "$(dirname "$dll")" && exec env Okno__DataDirectory="$data" Urls="http://127.0.0.1:$port" dotnet Okno.dll) >"$data/log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/log"; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  times+=("$ms")
  echo "run $i: ${ms} ms to first healthy answer (fresh database)"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median start-up: ${sorted[$(( runs / 2 ))]} ms over $runs runs"
