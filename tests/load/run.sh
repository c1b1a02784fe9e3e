#!/usr/bin/env bash
# Load benchmark: requests/s and p50/p99 latency per scenario against the server on loopback, side by side, then the
# same while imports run in a loop. Needs wrk (apt-get install wrk). Usage: tests/load/run.sh [seconds] [connections]
# Environment: PORT (default 5450), THREADS (2), PROVIDER (Sqlite, or Postgres: a throwaway cluster from scripts/postgres
# on PG_PORT, default 54340, with a database of its own), CACHE (both: the server with its response cache and then
# without it; on; off).
# `tests/load/run.sh ratios [seconds] [connections]` prints issue 20's ratios from one run instead (ratios.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[[ "${1:-}" == ratios ]] && exec "$here/ratios.sh" "${@:2}"
root="$(cd "$here/../.." && pwd)"
duration="${1:-10}"
connections="${2:-16}"
port="${PORT:-5450}"
threads="${THREADS:-2}"
work="$(mktemp -d /tmp/atlas-load.XXXXXX)"
db="$work/atlas.db"
export_file="$root/../shared/data/real/gias-hants-surrey/20220420_gias.csv"
source "$here/queries.sh"
source "$here/wrk.sh"
store=(--ConnectionStrings:Atlas="Data Source=$db")
if [[ "${PROVIDER:-Sqlite}" == Postgres ]]; then
  pg_port="${PG_PORT:-54340}"
  server_cs="$("$root/scripts/postgres" start "$pg_port")"
  psql -q -h 127.0.0.1 -p "$pg_port" -U atlas -d postgres -c "DROP DATABASE IF EXISTS atlas_load WITH (FORCE)" -c "CREATE DATABASE atlas_load"
  store=(--Atlas:Provider=Postgres --ConnectionStrings:Atlas="${server_cs/Database=postgres/Database=atlas_load}")
fi
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 2; }

server_pid=""; import_pid=""
stop_server() { [[ -n "$server_pid" ]] && { kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; } || true; server_pid=""; }
cleanup() {
  [[ -n "$import_pid" ]] && { pkill -P "$import_pid" 2>/dev/null; kill "$import_pid" 2>/dev/null; } || true
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
  [[ -n "${pg_port:-}" ]] && "$root/scripts/postgres" stop "$pg_port"
  true
}
trap cleanup EXIT

echo "building (Release)..." >&2
dotnet build "$root/src/PartnershipAtlas" -c Release -p:SkipClientApp=true -v quiet -nologo >/dev/null
app=(dotnet "$root/src/PartnershipAtlas/bin/Release/net10.0/PartnershipAtlas.dll")

start_server() { # response cache on|off
  "${app[@]}" serve --urls "http://127.0.0.1:$port" "${store[@]}" --Atlas:ResponseCache:Enabled="$([[ "$1" == on ]] && echo true || echo false)" \
    --Atlas:Limits:CostPerMinute=0 --Logging:LogLevel:Default=Warning >>"$work/server.log" 2>&1 &
  server_pid=$!
  wait_for "$port" || { echo "the server did not start; its log:" >&2; tail -20 "$work/server.log" >&2; exit 1; }
}

# Import loop: each round imports the 2022 export with one unmapped cell changed, so the content hash differs and
# the import really reads, compares and writes every row.
import_loop() {
  local i=0
  while true; do
    i=$((i + 1))
    python3 - "$export_file" "$work/import-$i.csv" "$i" <<'PY'
import csv, sys
source, target, n = sys.argv[1], sys.argv[2], sys.argv[3]
with open(source, newline='', encoding='cp1252') as f, open(target, 'w', newline='', encoding='cp1252') as g:
    rows = csv.reader(f); out = csv.writer(g, quoting=csv.QUOTE_MINIMAL)
    header = next(rows); out.writerow(header); col = header.index('SchoolWebsite')
    for k, row in enumerate(rows):
        if k == 0: row[col] = f'https://example.org/run-{n}'
        out.writerow(row)
PY
    "${app[@]}" import gias-establishments "$work/import-$i.csv" "${store[@]}" >>"$work/import.log" 2>&1 || true
    rm -f "$work/import-$i.csv"
  done
}

# The server's CPU seconds (user + system) and the bytes it has allocated: per request, these vary far less than
# requests/s when other work shares the machine.
server_cpu() { awk -v tick="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / tick }' "/proc/$server_pid/stat"; }
server_allocated() { curl -s "http://127.0.0.1:$port/metrics" | awk '/^dotnet_gc_heap_total_allocated_bytes_total/ { print $2 }'; }

bench() { # scenario -> "rps p50 p99 failures cpu-ms-per-request KB-allocated-per-request"
  local body="$work/$1.json"
  printf '%s' "${QUERIES[$1]}" >"$body"
  local cpu_before allocated_before
  cpu_before=$(server_cpu); allocated_before=$(server_allocated)
  wrk_post "http://127.0.0.1:$port/graphql" "$body" "$work/$1.out" "$duration" "$connections" "$threads"
  local cpu_after allocated_after
  cpu_after=$(server_cpu); allocated_after=$(server_allocated)
  local rps p50 p99 failures requests
  read -r rps p50 p99 failures requests < <(wrk_figures "$work/$1.out")
  awk -v r="$rps" -v p50="$p50" -v p99="$p99" -v f="$failures" -v n="$requests" -v c0="$cpu_before" -v c1="$cpu_after" -v a0="$allocated_before" -v a1="$allocated_after" \
    'BEGIN { printf "%s %s %s %s %.3f %.0f\n", r, p50, p99, f, (c1 - c0) * 1000 / n, (a1 - a0) / 1024 / n }'
}

report() { # title
  echo
  echo "## $1 (${duration}s each, $connections connections, $threads threads)"
  printf '%-24s %12s %10s %10s %10s %9s %12s %12s\n' scenario "requests/s" p50 p99 "vs typename" failures "CPU ms/req" "KB/req"
  local base=""
  for name in "${ORDER[@]}"; do
    read -r rps p50 p99 failures cpu allocated < <(bench "$name")
    [[ -z "$base" ]] && base="$rps"
    printf '%-24s %12s %10s %10s %10s %9s %12s %12s\n' "$name" "$rps" "$p50" "$p99" "$(awk -v a="$rps" -v b="$base" 'BEGIN { printf "%.0f%%", 100 * a / b }')" "$failures" "$cpu" "$allocated"
  done
}

warm_up() { # each scenario for a few seconds first, so the JIT's tiered compilation does not count against the first runs
  for name in "${ORDER[@]}"; do
    printf '%s' "${QUERIES[$name]}" >"$work/$name.json"
    BODY_FILE="$work/$name.json" wrk -t1 -c2 -d3s -s "$here/post.lua" "http://127.0.0.1:$port/graphql" >/dev/null
  done
}

echo "# PartnershipAtlas load benchmark, $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
case "${CACHE:-both}" in both) modes=(on off) ;; on|off) modes=("$CACHE") ;; *) echo "CACHE must be both, on or off" >&2; exit 2 ;; esac
for mode in "${modes[@]}"; do
  start_server "$mode"
  warm_up
  report "Response cache $mode: idle store"
  import_loop &
  import_pid=$!
  sleep 3
  report "Response cache $mode: while imports run in a loop"
  pkill -P "$import_pid" 2>/dev/null || true
  kill "$import_pid" 2>/dev/null || true
  wait "$import_pid" 2>/dev/null || true
  import_pid=""
  echo
  echo "imports completed during the run: $(grep -c -i 'succeeded\|inserted\|updated' "$work/import.log" || true); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  : >"$work/import.log"
  stop_server
done
