# Helpers shared by run.sh, ratios.sh and profile.sh (sourced): wrk runs and their figures, waiting for a server.

# wrk_post URL BODY_FILE OUT SECONDS CONNECTIONS THREADS: the run's report in OUT.
wrk_post() {
  BODY_FILE="$2" wrk -t"$6" -c"$5" -d"$4s" --latency -s "$here/post.lua" "$1" >"$3"
}

# wrk_figures OUT -> "requests/s p50 p99 failures requests"
wrk_figures() {
  awk '/Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 } /^FAILURES/ { f = $2 } /requests in/ { n = $1 }
    END { print rps, p50, p99, f, n }' "$1"
}

# to_ms LATENCY: wrk's 850.00us, 3.41ms or 1.02s in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; else if (v ~ /m$/) n *= 60000; printf "%.2f", n }'
}

# wait_for PORT [BODY PATTERN [SECONDS]]: until the server on PORT answers BODY with PATTERN (by default: until it holds an
# establishment, since a first start loads the default data); fails after SECONDS (900).
STORE_PROBE='{"query":"{ establishments(first: 1) { totalCount } }"}'
wait_for() {
  local body="${2:-$STORE_PROBE}" pattern="${3:-\"totalCount\":[1-9]}"
  for _ in $(seq 1 "${4:-900}"); do
    curl -sf "http://127.0.0.1:$1/graphql" -H 'Content-Type: application/json' -d "$body" 2>/dev/null | grep -q "$pattern" && return 0
    sleep 1
  done
  return 1
}
