#!/usr/bin/env bash
# Where one query's time goes: starts the server (Release, SQLite, default data, response cache and rate limit off),
# loads it with wrk (32 connections) while dotnet-trace samples it, then prints the busy time by component (SQLite,
# EF Core, GraphQL.NET, JSON, HTTP, GC, our code) and the busiest frames. Needs wrk and dotnet-trace (`dotnet tool restore`).
# Usage: tests/load/profile.sh [scenario of queries.sh, default nested20_networks] [seconds, default 15]
# Environment: PORT (5452), FRAMES (0: how many of the busiest frames to list too), ATLAS_DLL (another build to profile),
# CALLERS (comma-separated frame names, e.g. Monitor.Enter_Slowpath: the chains of our, EF Core's and GraphQL.NET's frames that lead to each).
# INCLUSIVE (N: the N frames of ours, EF Core's and GraphQL.NET's with the most time on the stack), KEEP (a file to keep the speedscope trace in).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scenario="${1:-nested20_networks}"
duration="${2:-15}"
port="${PORT:-5452}"
work="$(mktemp -d /tmp/atlas-profile.XXXXXX)"
source "$here/queries.sh"
source "$here/wrk.sh"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 2; }
(cd "$root" && dotnet tool restore >/dev/null)
server_pid=""
trap '[[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

[[ -z "${ATLAS_DLL:-}" ]] && dotnet build "$root/src/PartnershipAtlas" -c Release -p:SkipClientApp=true -v quiet -nologo >/dev/null
dotnet "${ATLAS_DLL:-$root/src/PartnershipAtlas/bin/Release/net10.0/PartnershipAtlas.dll}" serve --urls "http://127.0.0.1:$port" \
  --ConnectionStrings:Atlas="Data Source=$work/atlas.db" --Atlas:ResponseCache:Enabled=false --Atlas:Limits:CostPerMinute=0 \
  --Atlas:Schedules:Enabled=false --Logging:LogLevel:Default=Warning >"$work/server.log" 2>&1 &
server_pid=$!
wait_for "$port" || { echo "the server did not start; its log:" >&2; tail -20 "$work/server.log" >&2; exit 1; }
printf '%s' "${QUERIES[$scenario]}" >"$work/body.json"
BODY_FILE="$work/body.json" wrk -t1 -c4 -d5s -s "$here/post.lua" "http://127.0.0.1:$port/graphql" >/dev/null
(cd "$root" && dotnet tool run dotnet-trace collect -p "$server_pid" --profile dotnet-sampled-thread-time \
  --duration "00:00:00:$((duration + 2))" -o "$work/trace.nettrace" >"$work/trace.log" 2>&1) &
tracer=$!
sleep 1
BODY_FILE="$work/body.json" wrk -t2 -c32 -d"${duration}s" --latency -s "$here/post.lua" "http://127.0.0.1:$port/graphql" | grep -E 'Requests/sec|99%'
wait "$tracer"
(cd "$root" && dotnet tool run dotnet-trace convert "$work/trace.nettrace" --format speedscope -o "$work/trace" >/dev/null)
echo "# $scenario, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$here/profile-categories.py" "$work/trace.speedscope.json" "${FRAMES:-0}" "${CALLERS:-}"
if [[ -n "${KEEP:-}" ]]; then cp "$work/trace.speedscope.json" "$KEEP"; fi
