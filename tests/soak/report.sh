# The soak test's figures and integrity checks (sourced by run.sh, which defines work, sql, PORT, FILES and the stores).
failed=0
check() { # description condition-result(0 ok)
  if [[ "$2" == 0 ]]; then echo "  ok    $1"; else echo "  FAIL  $1"; failed=1; fi
}
echo
echo "== soak: $minutes min, instances A+B on PostgreSQL, C on SQLite, $workers query workers each"
cat "$work"/requests-*.log >"$work/requests.log"
total=$(wc -l <"$work/requests.log")
echo "requests served: $total"
echo "non-2xx by status (000 = connection refused or reset, e.g. while A was killed):"
awk '$1 !~ /^2/ { n[$1]++ } END { for (s in n) printf "  %s: %d\n", s, n[s] }' "$work/requests.log"
awk '$1 ~ /^2/ { print $2 }' "$work/requests.log" | sort -n >"$work/times"
ok=$(wc -l <"$work/times")
if (( ok > 0 )); then
  echo "latency of 2xx answers: p50 $(sed -n "$(( (ok + 1) / 2 ))p" "$work/times") s, p99 $(sed -n "$(( (ok * 99 + 99) / 100 ))p" "$work/times") s"
fi
[[ -s "$work/loadavg.log" ]] && echo "load average (1 min) during the run: $(sort -n "$work/loadavg.log" | awk '{ v[NR] = $1 } END { printf "min %s, median %s, max %s", v[1], v[int((NR + 1) / 2)], v[NR] }')"
echo "instance kills: $(cat "$work/kills.log" 2>/dev/null | wc -l)"
fivexx=$(awk '$1 ~ /^5/' "$work/requests.log" | wc -l)
for name in B C; do
  events=$(grep -c '"storeChanged"' "$work/events-$name.log" 2>/dev/null || true)
  backwards=$(grep -oE '"stamp":[0-9]+' "$work/events-$name.log" 2>/dev/null | cut -d: -f2 | awk 'NR > 1 && $1 <= last { n++ } { last = $1 } END { print n + 0 }')
  echo "storeChanged events seen by the SSE subscriber on $name: ${events:-0} (stamps not rising: $backwards)"
done
echo "mutations refused or failed (kept in mutations-refused.log): $(cat "$work/mutations-refused.log" 2>/dev/null | wc -l)"

for store in pg sq; do
  echo "== store $store"
  # The soak's own imports (the reference lists every store gets are import runs too, of other datasets).
  gias="\"Dataset\" = 'gias-establishments'"
  runs="$(sql "$store" "SELECT \"Status\", COUNT(*) FROM \"ImportRuns\" WHERE $gias GROUP BY \"Status\" ORDER BY 1")"
  interrupted="$(sql "$store" "SELECT COUNT(*) FROM \"ImportRuns\" WHERE $gias AND \"Message\" LIKE 'Interrupted%'")"
  echo "imports by status: $(tr '\n' ' ' <<<"$runs")(interrupted: $interrupted; Skipped = same file again, Failed = refused or interrupted)"
  running="$(sql "$store" "SELECT COUNT(*) FROM \"ImportRuns\" WHERE \"Status\" = 'Running'")"
  check "no import run left RUNNING ($running)" "$([[ "$running" == 0 ]]; echo $?)"
  orphans="$(sql "$store" "SELECT COUNT(*) FROM \"Memberships\" m LEFT JOIN \"Partnerships\" p ON p.\"Id\" = m.\"PartnershipId\" LEFT JOIN \"Establishments\" e ON e.\"Urn\" = m.\"EstablishmentUrn\" WHERE p.\"Id\" IS NULL OR (m.\"EstablishmentUrn\" IS NOT NULL AND e.\"Urn\" IS NULL)")"
  check "no orphaned memberships ($orphans)" "$([[ "$orphans" == 0 ]]; echo $?)"
  down="$(awk 'NR > 1 && $1 < last { n++ } { last = $1 } END { print n + 0 }' "$work/stamps-$store.log")"
  check "the store stamp never went down ($(wc -l <"$work/stamps-$store.log") samples, last $(tail -1 "$work/stamps-$store.log"))" "$([[ "$down" == 0 ]]; echo $?)"
  if [[ "$store" == pg ]]; then
    killed=0 landed=0 after=0
    while read -r name; do
      (( killed++ )) || true
      status="$(sql pg "SELECT \"Status\" || ' ' || COALESCE(\"Message\", '') FROM \"ImportRuns\" WHERE \"FileName\" = '$name'")"
      if [[ "$status" == "Failed Interrupted"* ]]; then (( landed++ )) || true
      elif [[ "$status" == Succeeded* || "$status" == Skipped* ]]; then (( after++ )) || true   # the run ended between the poll and the kill
      else echo "  killed run $name: $status"; fi
    done < <(cat "$work/killed-runs.log" 2>/dev/null)
    check "every import killed while RUNNING ($killed) is marked interrupted ($landed; $after had finished before the kill landed)" "$([[ $(( landed + after )) == "$killed" ]]; echo $?)"
  fi
  mapfile -t imported < <(sql "$store" "SELECT \"FileName\" FROM \"ImportRuns\" WHERE $gias AND \"Status\" = 'Succeeded'")
  recount="$(cd "$work/imports-$store" && python3 -c 'import csv, sys
urns = set()
for name in sys.argv[1:]:
    with open(name, encoding="cp1252", newline="") as f:
        urns.update(row["URN"] for row in csv.DictReader(f))
print(len(urns))' "${imported[@]}")"
  count="$(sql "$store" "SELECT COUNT(*) FROM \"Establishments\"")"
  check "establishments ($count) equal a recount of the ${#imported[@]} files imported successfully ($recount)" "$([[ "$count" == "$recount" ]]; echo $?)"
  succeeded=$(cat "$work/mutations-$store.log" 2>/dev/null | wc -l)
  audited="$(sql "$store" "SELECT COUNT(*) FROM \"AuditEntries\" WHERE \"Operation\" = 'createPartnership'")"
  sql "$store" "SELECT \"After\" FROM \"AuditEntries\" WHERE \"Operation\" = 'createPartnership'" | grep -oE '"Name":"soak-[^"]+"' | cut -d'"' -f4 | sort -u >"$work/audited-$store"
  sql "$store" "SELECT \"Name\" FROM \"Partnerships\" WHERE \"Name\" LIKE 'soak-%'" | sort -u >"$work/rows-$store"
  cut -d' ' -f1 "$work/mutations-$store.log" 2>/dev/null | sort -u >"$work/succeeded-$store" || true
  missing=$(comm -23 "$work/succeeded-$store" "$work/audited-$store" | wc -l)
  absent=$(comm -23 "$work/succeeded-$store" "$work/rows-$store" | wc -l)
  check "every successful mutation ($succeeded) has its row ($absent missing) and its audit entry ($audited entries, $missing missing)" "$([[ "$missing" == 0 && "$absent" == 0 ]]; echo $?)"
done
check "no 5xx answers ($fivexx)" "$([[ "$fivexx" == 0 ]]; echo $?)"
exit "$failed"
