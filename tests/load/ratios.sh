#!/usr/bin/env bash
# Issue 20's query-side ratios from one run, as a markdown table with each target: the thinnest GraphQL.NET server's
# `{ __typename }` (tests/PartnershipAtlas.Benchmarks.ThinServer), ours (response cache off, rate limit off) and its share
# of the thin one, then the computed 20-node nested connection, establishments → memberships → partnership and the
# filtered + ordered query as shares of our `{ __typename }`, and the nested connection on PostgreSQL (when
# ATLAS_TEST_POSTGRES is set or scripts/postgres can start a cluster; PG=off skips it). For scale, one row without a
# target: the nested connection's document answered by the thin server from objects in memory, as a share of its own
# `{ __typename }`: what GraphQL.NET's parsing, validation, execution and writing of that shape allow with no store at all.
# Usage: tests/load/run.sh ratios [seconds] [connections]   (defaults 10 and 32; `ratios 2` is a smoke run)
# Environment: PORT (5450; the thin server takes PORT+1), THREADS (2), ROUNDS (3: the figures are the medians of the
# rounds, each measuring every scenario in turn), PG (auto, on, off), PG_PORT (54341), ATLAS_DLL (another build of the
# server to measure, e.g. a copy of an earlier bin/Release/net10.0, for before-and-after figures; default: build this one).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
duration="${1:-10}"
connections="${2:-32}"
port="${PORT:-5450}"
thin_port=$((port + 1))
threads="${THREADS:-2}"
rounds="${ROUNDS:-3}"
work="$(mktemp -d /tmp/atlas-ratios.XXXXXX)"
source "$here/queries.sh"
source "$here/wrk.sh"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 2; }

pids=(); pg_started=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [[ -n "$pg_started" ]] && "$root/scripts/postgres" stop "$pg_started"
  rm -rf "$work"
}
trap cleanup EXIT

echo "building (Release)..." >&2
[[ -z "${ATLAS_DLL:-}" ]] && dotnet build "$root/src/PartnershipAtlas" -c Release -p:SkipClientApp=true -v quiet -nologo >/dev/null
dotnet build "$root/tests/PartnershipAtlas.Benchmarks.ThinServer" -c Release -v quiet -nologo >/dev/null
atlas=(dotnet "${ATLAS_DLL:-$root/src/PartnershipAtlas/bin/Release/net10.0/PartnershipAtlas.dll}" serve --Atlas:ResponseCache:Enabled=false
  --Atlas:Limits:CostPerMinute=0 --Atlas:Schedules:Enabled=false --Logging:LogLevel:Default=Warning)
thin=(dotnet "$root/tests/PartnershipAtlas.Benchmarks.ThinServer/bin/Release/net10.0/PartnershipAtlas.Benchmarks.ThinServer.dll")

start() { # name port command... : starts a server, waits until it answers with data, records its pid in pid_<name>
  local name="$1" at="$2"; shift 2
  "$@" --urls "http://127.0.0.1:$at" >>"$work/$name.log" 2>&1 &
  pids+=($!); printf -v "pid_$name" '%s' $!
  if [[ "$name" == thin ]]; then wait_for "$at" '{"query":"{ hello }"}' '"world"'; else wait_for "$at"; fi \
    || { echo "$name did not answer on port $at within 15 minutes; its log:" >&2; tail -20 "$work/$name.log" >&2; exit 1; }
}

cpu_of() { awk -v tick="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / tick }' "/proc/$1/stat"; }
allocated_at() { curl -s "http://127.0.0.1:$1/metrics" 2>/dev/null | awk '/^dotnet_gc_heap_total_allocated_bytes_total/ { print $2 }'; }

measure() { # key server-name port scenario -> appends "rps p99-ms cpu-ms/req KB/req failures" to $work/<key>.rounds
  local key="$1" name="$2" at="$3" scenario="$4" pid_var="pid_$2"
  local pid="${!pid_var}" body="$work/$4.json"
  printf '%s' "${QUERIES[$scenario]}" >"$body"
  local c0 a0 c1 a1
  c0=$(cpu_of "$pid"); a0=$(allocated_at "$at")
  wrk_post "http://127.0.0.1:$at/graphql" "$body" "$work/$key.out" "$duration" "$connections" "$threads"
  c1=$(cpu_of "$pid"); a1=$(allocated_at "$at")
  read -r rps _ p99 failures requests < <(wrk_figures "$work/$key.out")
  awk -v r="$rps" -v p="$(to_ms "$p99")" -v n="$requests" -v f="$failures" -v c0="$c0" -v c1="$c1" -v a0="${a0:-}" -v a1="${a1:-}" \
    'BEGIN { printf "%s %s %.3f %s %s\n", r, p, (c1 - c0) * 1000 / n, (a0 == "" ? "-" : sprintf("%.0f", (a1 - a0) / 1024 / n)), f }' >>"$work/$key.rounds"
}

warm_up() { # port scenario...: a few seconds each, so tiered JIT compilation does not count against the first round
  local at="$1"; shift
  for scenario in "$@"; do
    printf '%s' "${QUERIES[$scenario]}" >"$work/$scenario.json"
    BODY_FILE="$work/$scenario.json" wrk -t1 -c4 -d3s -s "$here/post.lua" "http://127.0.0.1:$at/graphql" >/dev/null
  done
}

median() { # key field-number: the median over the rounds
  awk -v k="$2" '{ print $k }' "$work/$1.rounds" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

row() { # label key base-key [target-percent [p99-target-ms]]: medians over the rounds; the ratio is the median of each round's ratio
  local rps p99 cpu kb failures share cpu_share met
  rps=$(median "$2" 1); p99=$(median "$2" 2); cpu=$(median "$2" 3); kb=$(median "$2" 4)
  failures=$(awk '{ s += $5 } END { print s }' "$work/$2.rounds")
  if [[ -z "$3" ]]; then share="100%"; cpu_share="100%"; met="";
  else
    paste -d' ' "$work/$2.rounds" "$work/$3.rounds" | awk '{ print 100 * $1 / $6, 100 * $8 / $3 }' >"$work/${2}_ratio.rounds"
    share=$(printf '%.1f%%' "$(median "${2}_ratio" 1)"); cpu_share=$(printf '%.1f%%' "$(median "${2}_ratio" 2)")
    met=""; [[ -n "$4" ]] && met=$(awk -v s="${share%\%}" -v t="$4" -v p="$p99" -v pt="${5:-}" 'BEGIN { print (s >= t && (pt == "" || p <= pt)) ? "yes" : "no" }')
  fi
  local target="${4:+≥ $4%}${5:+, p99 ≤ $5 ms}"
  printf '| %s | %.0f | %s ms | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$rps" "$p99" "$cpu" "$kb" "$share" "$cpu_share" "${target:--}" "${met:--}" "$failures"
}

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
started_at="$(date -u +%FT%TZ)"
echo "starting the thin server and ours (SQLite, default data; a first start loads it)..." >&2
start thin "$thin_port" "${thin[@]}"
start sqlite "$port" "${atlas[@]}" --ConnectionStrings:Atlas="Data Source=$work/atlas.db"
QUERIES[thin_typename]='{"query":"{ __typename }"}'
QUERIES[thin_nested]="${QUERIES[nested20_networks]}" # the same document, answered by the thin server from memory
sqlite_scenarios=(typename nested20_networks nested20_establishments filtered_ordered)
warm_up "$thin_port" thin_typename thin_nested
warm_up "$port" "${sqlite_scenarios[@]}"
for _ in $(seq 1 "$rounds"); do
  measure thin thin "$thin_port" thin_typename
  measure thin_nested thin "$thin_port" thin_nested
  for scenario in "${sqlite_scenarios[@]}"; do measure "sqlite_$scenario" sqlite "$port" "$scenario"; done
done

pg_cs=""
case "${PG:-auto}" in
  off) ;;
  on|auto)
    if [[ -n "${ATLAS_TEST_POSTGRES:-}" ]]; then pg_cs="$ATLAS_TEST_POSTGRES"
    elif ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || [[ "${PG:-auto}" == on ]]; then
      pg_started="${PG_PORT:-54341}"; pg_cs="$("$root/scripts/postgres" start "$pg_started")"
    fi ;;
esac
if [[ -n "$pg_cs" ]]; then
  pg_host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$pg_cs"); pg_port=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$pg_cs")
  pg_user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$pg_cs")
  PGPASSWORD=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$pg_cs") psql -q -h "$pg_host" -p "${pg_port:-5432}" -U "$pg_user" -d postgres \
    -c "DROP DATABASE IF EXISTS atlas_ratios WITH (FORCE)" -c "CREATE DATABASE atlas_ratios" >/dev/null
  kill "$pid_thin" "$pid_sqlite" 2>/dev/null || true
  echo "starting ours on PostgreSQL..." >&2
  start postgres "$port" "${atlas[@]}" --Atlas:Provider=Postgres --ConnectionStrings:Atlas="$(sed 's/Database=[^;]*/Database=atlas_ratios/' <<<"$pg_cs")"
  warm_up "$port" typename nested20_networks
  for _ in $(seq 1 "$rounds"); do
    for scenario in typename nested20_networks; do measure "postgres_$scenario" postgres "$port" "$scenario"; done
  done
fi

echo "# Issue 20 ratios, $started_at, ${ATLAS_DLL:-this checkout}, $(nproc) cores, ${duration}s each, $connections connections, $threads wrk threads, $rounds round(s)"
echo
echo "Load average at the start $load_start, at the end $(cut -d' ' -f1-3 /proc/loadavg). Response cache off, rate limit off."
echo "ratio: requests/s against the base (the thin server for ours, our \`{ __typename }\` for the others), the median of the"
echo "rounds' ratios; CPU ratio: the base's server CPU time per request over this one's, which other load on the machine moves less."
echo
echo "| measure | requests/s | p99 | CPU ms/req | KB/req | ratio | CPU ratio | target | met | failures |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |"
row "thinnest GraphQL.NET server \`{ __typename }\`" thin ""
row "ours \`{ __typename }\` (share of the thin server)" sqlite_typename thin 80
row "20-node nested connection, computed, SQLite" sqlite_nested20_networks sqlite_typename 25 25
row "establishments → memberships → partnership" sqlite_nested20_establishments sqlite_typename 15
row "filtered + ordered" sqlite_filtered_ordered sqlite_typename 15
row "for scale: the nested connection's document answered by the thin server from memory (share of its \`{ __typename }\`)" thin_nested thin ""
if [[ -n "$pg_cs" ]]; then
  row "ours \`{ __typename }\` on PostgreSQL" postgres_typename ""
  row "20-node nested connection, computed, PostgreSQL" postgres_nested20_networks postgres_typename 12
fi
