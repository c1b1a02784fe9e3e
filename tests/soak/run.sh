#!/usr/bin/env bash
# Soak test, bounded and on loopback only: tests/soak/run.sh MINUTES (default 20).
# Two instances (A, B) on one throwaway PostgreSQL store and one (C) on SQLite, under mixed load for MINUTES: the query
# shapes of tests/load, CSV exports, mutations with an editor key, and imports in a loop on both stores; every
# KILL_EVERY seconds (default 120) an import on PostgreSQL is killed with SIGKILL once its run is recorded as RUNNING,
# together with instance A, which is restarted (and marks the killed run failed, as interrupted).
# At the end it prints requests served, non-2xx by status, p50/p99, imports succeeded/refused/interrupted, and checks
# integrity on both stores: establishment counts equal a recount of the files successfully imported, no orphaned
# memberships, the store stamp never went down, no run left RUNNING, and an audit entry for every mutation that
# returned success, and every killed run marked interrupted. Exits 1 when a check fails. An SSE subscriber (storeChanged) on B and C counts its events.
# Environment: PG_PORT (54350), PORT_A/B/C (5460-5462), WORKERS per instance (2), KILL_EVERY (120).
set -euo pipefail
for tool in dotnet curl jq psql sqlite3 python3; do
  command -v "$tool" >/dev/null || { echo "tests/soak/run.sh needs $tool on PATH (Debian: apt-get install curl jq postgresql postgresql-client sqlite3 python3)" >&2; exit 2; }
done
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
minutes="${1:-20}"
pg_port="${PG_PORT:-54350}"
declare -A PORT=([A]="${PORT_A:-5460}" [B]="${PORT_B:-5461}" [C]="${PORT_C:-5462}")
workers="${WORKERS:-2}"
kill_every="${KILL_EVERY:-120}"
work="$(mktemp -d /tmp/atlas-soak.XXXXXX)"
data="$root/../shared/data/real/gias-hants-surrey"
FILES=("$data/2021-05-07_850_936_gias.csv" "$data/2021_936_gias.csv" "$data/20220420_gias.csv")
source "$root/tests/load/queries.sh"
declare -A PID=()
cleanup() {
  for pid in $(jobs -p); do kill "$pid" 2>/dev/null || true; done
  for name in "${!PID[@]}"; do kill "${PID[$name]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [[ -n "${pg_cs:-}" ]] && { "$root/scripts/postgres" stop "$pg_port" >/dev/null 2>&1 || true; }
  [[ -n "${KEEP:-}" ]] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

echo "building (Release)..." >&2
dotnet build "$root/src/PartnershipAtlas" -c Release -p:SkipClientApp=true -v quiet -nologo >/dev/null
app=(dotnet "$root/src/PartnershipAtlas/bin/Release/net10.0/PartnershipAtlas.dll")
for port in "$pg_port" "${PORT[@]}"; do # a server already there would take the soak's requests (or its PostgreSQL be stopped by the cleanup)
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use: choose others with PG_PORT, PORT_A, PORT_B, PORT_C" >&2; exit 2; fi
done
pg_cs="$("$root/scripts/postgres" start "$pg_port")"
psql -q -h 127.0.0.1 -p "$pg_port" -U atlas -d postgres -c "DROP DATABASE IF EXISTS atlas_soak WITH (FORCE)" -c "CREATE DATABASE atlas_soak"
PG=(--Atlas:Provider=Postgres "--ConnectionStrings:Atlas=${pg_cs/Database=postgres/Database=atlas_soak}")
SQ=("--ConnectionStrings:Atlas=Data Source=$work/atlas.db")
declare -A STORE_OF=([A]=pg [B]=pg [C]=sq)
store_args() { if [[ "$1" == pg ]]; then printf '%s\n' "${PG[@]}"; else printf '%s\n' "${SQ[@]}"; fi; }
sql() { # store query
  if [[ "$1" == pg ]]; then psql -tA -h 127.0.0.1 -p "$pg_port" -U atlas -d atlas_soak -c "$2"; else sqlite3 -cmd ".timeout 60000" "$work/atlas.db" "$2"; fi
}
common=("--Atlas:ApiKeysFile=$work/keys.json" --Atlas:Limits:CostPerMinute=0 --Atlas:Schedules:Enabled=false --Atlas:LoadDefaultData=false --Logging:LogLevel:Default=Warning)

editor="$("${app[@]}" api-key add soak-editor editor "${common[@]}" | sed -n 's/^key: *//p')"
"${app[@]}" api-key add soak-admin admin "${common[@]}" >/dev/null
for store in pg sq; do mapfile -t args < <(store_args "$store"); "${app[@]}" migrate "${args[@]}" >/dev/null; done

start_instance() { # name
  local name="$1" args; mapfile -t args < <(store_args "${STORE_OF[$name]}")
  "${app[@]}" serve --urls "http://127.0.0.1:${PORT[$name]}" "${args[@]}" "${common[@]}" >>"$work/server-$name.log" 2>&1 &
  PID[$name]=$!
  for _ in $(seq 1 120); do
    # Its own process must be the one answering: another server already on the port would answer the health check.
    kill -0 "${PID[$name]}" 2>/dev/null || { echo "instance $name exited at start (port ${PORT[$name]} taken?): $work/server-$name.log" >&2; tail -5 "$work/server-$name.log" >&2; exit 1; }
    curl -sf "http://127.0.0.1:${PORT[$name]}/health/live" >/dev/null && return 0; sleep 0.5
  done
  echo "instance $name did not start" >&2; exit 1
}
for name in A B C; do start_instance "$name"; done
end=$(( $(date +%s) + minutes * 60 ))

query_worker() { # name worker
  local url="http://127.0.0.1:${PORT[$1]}" i=$2
  while (( $(date +%s) < end )); do
    local scenario="${ORDER[$(( i++ % ${#ORDER[@]} ))]}"
    curl -s -o /dev/null -m 30 -w "%{http_code} %{time_total}\n" "$url/graphql" -H 'Content-Type: application/json' \
      -H 'Accept: application/graphql-response+json' -d "${QUERIES[$scenario]}" >>"$work/requests-$1.log" || echo "000 0" >>"$work/requests-$1.log"
    if (( i % 25 == 0 )); then
      curl -s -o /dev/null -m 30 -w "%{http_code} %{time_total}\n" -G "$url/export/query.csv" \
        --data-urlencode 'query={ establishments(first: 50) { nodes { urn name laName } } }' >>"$work/requests-$1.log" || echo "000 0" >>"$work/requests-$1.log"
    fi
  done
}
mutation_worker() { # name
  # A success is HTTP 200 with the new network's id in data; each is logged with its id (the check then looks for the
  # row and its audit entry by name), and every other answer is kept whole in mutations-refused.log.
  local url="http://127.0.0.1:${PORT[$1]}" n=0
  while (( $(date +%s) < end )); do
    local name="soak-$1-$$-$(( n++ ))"
    local answer; answer="$(curl -s -m 30 -w '\n%{http_code}' "$url/graphql" -H 'Content-Type: application/json' -H "X-Api-Key: $editor" \
      -d "{\"query\":\"mutation { createPartnership(input: { kind: THEMATIC, name: \\\"$name\\\" }) { id } }\"}" || true)"
    local status="${answer##*$'\n'}" body="${answer%$'\n'*}" id
    id="$(jq -r '.data.createPartnership.id // empty' 2>/dev/null <<<"$body" || true)"
    if [[ "$status" == 200 && -n "$id" ]]; then echo "$name $id" >>"$work/mutations-${STORE_OF[$1]}.log"
    else echo "$(date +%T) $name $status $body" >>"$work/mutations-refused.log"; fi
    sleep 0.5
  done
}
subscriber() { # name: an SSE subscriber to storeChanged on the instance, for the whole run; counts its events
  curl -sN -m $(( minutes * 60 )) "http://127.0.0.1:${PORT[$1]}/graphql/stream" -H 'Accept: text/event-stream' \
    -H 'Content-Type: application/json' -d '{"query":"subscription { storeChanged { stamp at } }"}' >"$work/events-$1.log" 2>/dev/null || true
}
stamp_sampler() { # store
  while (( $(date +%s) < end )); do sql "$1" 'SELECT "Version" FROM "StoreStamp"' >>"$work/stamps-$1.log" 2>/dev/null || true; sleep 2; done
}
load_sampler() { # the machine's 1-minute load average every 10 s (the figures depend on what else runs)
  while (( $(date +%s) < end )); do cut -d' ' -f1 /proc/loadavg >>"$work/loadavg.log"; sleep 10; done
}
kill_mid_run() { # import-pid file-name: SIGKILLs the import once its run is recorded as RUNNING (polled in the store)
  local running=0
  for _ in $(seq 1 600); do
    kill -0 "$1" 2>/dev/null || return 1
    running="$(sql pg "SELECT COUNT(*) FROM \"ImportRuns\" WHERE \"FileName\" = '$2' AND \"Status\" = 'Running'" 2>/dev/null || echo 0)"
    [[ "$running" == 1 ]] && break
    sleep 0.1
  done
  [[ "$running" == 1 ]] && kill -9 "$1" 2>/dev/null || return 1
  echo "$(date +%T) killed the import of $2 while its run was RUNNING, and instance A" >>"$work/kills.log"
  echo "$2" >>"$work/killed-runs.log"
}
import_loop() { # store
  local store="$1" round=0 args; mapfile -t args < <(store_args "$store")
  local last_kill; last_kill=$(date +%s)
  while (( $(date +%s) < end )); do
    local source="${FILES[$(( round % ${#FILES[@]} ))]}" file="$work/imports-$store/edubasealldata$(date -d "2022-05-01 + $round days" +%Y%m%d).csv"
    mkdir -p "$work/imports-$store"
    head -n "-$(( round % 40 + 1 ))" "$source" >"$file"   # a different file each round: the last rows dropped
    (( round++ )) || true
    "${app[@]}" import gias-establishments "$file" "${args[@]}" "${common[@]}" >>"$work/imports-$store.log" 2>&1 &
    local import_pid=$!
    if [[ "$store" == pg ]] && (( $(date +%s) - last_kill >= kill_every )) && kill_mid_run "$import_pid" "$(basename "$file")"; then
      kill -9 "${PID[A]}" 2>/dev/null || true
      wait "${PID[A]}" 2>/dev/null || true
      start_instance A
      last_kill=$(date +%s)
    fi
    wait "$import_pid" 2>/dev/null || true
  done
}

load=()
for name in A B C; do
  for w in $(seq 1 "$workers"); do query_worker "$name" "$w" & load+=($!); done
  mutation_worker "$name" & load+=($!)
done
subscriber B & load+=($!)
subscriber C & load+=($!)
stamp_sampler pg & load+=($!)
stamp_sampler sq & load+=($!)
load_sampler & load+=($!)
import_loop sq & load+=($!)
import_loop pg   # runs in this shell: it restarts instance A, whose pid the cleanup needs
wait "${load[@]}" 2>/dev/null || true

# Restart A once more, so any run a kill left RUNNING is marked interrupted, then check.
kill -9 "${PID[A]}" 2>/dev/null || true; wait "${PID[A]}" 2>/dev/null || true; start_instance A
source "$here/report.sh"
