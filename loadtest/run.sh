#!/usr/bin/env bash
# Bounded load test on localhost: gunicorn + PostgreSQL + Redis + 2 RQ workers, locust headless, figures printed.
#   ./loadtest/run.sh                      # 50 users, 90 s
#   USERS=20 DURATION=60s ./loadtest/run.sh
# Needs PostgreSQL and Redis on localhost (as CI has them) and requirements-load.txt installed.
# The database $LOADTEST_DB is dropped and recreated; Redis db $LOADTEST_REDIS_DB is flushed.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-50}
SPAWN_RATE=${SPAWN_RATE:-10}
DURATION=${DURATION:-90s}
PORT=${PORT:-8105}
WEB_WORKERS=${WEB_WORKERS:-3}
DB=${LOADTEST_DB:-netr_ops_load}
REDIS_DB=${LOADTEST_REDIS_DB:-5}
PGURL=${LOADTEST_PG:-postgres://postgres@127.0.0.1:5432}
OUT=${OUT:-var/loadtest}
PY=.venv/bin/python

mkdir -p "$OUT"
# TESTING=1 only so that session cookies travel over plain http on localhost (no TLS proxy in the loop);
# everything else is production configuration: DEBUG=0, PostgreSQL, Redis queues and cache. TRUSTED_PROXY_COUNT=1:
# locust plays the reverse proxy, each virtual user with its own client address (see locustfile.py).
export DEBUG=0 TESTING=1 SECRET_KEY=load-test-only ALLOWED_HOSTS=127.0.0.1,localhost TRUSTED_PROXY_COUNT=1
export DATABASE_URL="$PGURL/$DB" REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB" MEDIA_ROOT="$PWD/$OUT/media"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo ">> fresh database $DB, Redis db $REDIS_DB"
psql "$PGURL/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
redis-cli -n "$REDIS_DB" flushdb >/dev/null
rm -rf "$OUT/media"
$PY manage.py migrate -v0
REDIS_URL= $PY manage.py seed_demo >/dev/null          # demo data, its detection run inline (queue stays empty)
$PY manage.py benchmark_case_list --cases 5000 --runs 1 >/dev/null   # a list with some weight (COPY)
$PY manage.py shell -c "from loadtest.accounts import seed; seed()" >/dev/null

echo ">> gunicorn ($WEB_WORKERS workers) on 127.0.0.1:$PORT and 2 RQ workers"
.venv/bin/gunicorn netralitas_site.wsgi -w "$WEB_WORKERS" -b "127.0.0.1:$PORT" --log-level warning \
  >"$OUT/gunicorn.log" 2>&1 & pids+=($!)
for i in 1 2; do
  $PY manage.py rqworker detection pdf default >"$OUT/worker$i.log" 2>&1 & pids+=($!)
done
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/health/" >/dev/null && break; sleep 1; done

backlog() {  # jobs waiting in Redis, runs not finished in the database
  echo "$(redis-cli -n "$REDIS_DB" llen rq:queue:detection) $(psql "$DATABASE_URL" -tAc \
    "select count(*) from detection_detectionrun where status in ('queued','running')")"
}
( while true; do echo "$(date +%s) $(backlog)"; sleep 5; done ) >"$OUT/backlog.txt" & pids+=($!)

echo ">> locust: $USERS users, spawn $SPAWN_RATE/s, $DURATION"
start=$(date +%s)
LOADTEST_PAGES_JSON="$OUT/pages.json" .venv/bin/locust -f loadtest/locustfile.py --headless -u "$USERS" -r "$SPAWN_RATE" -t "$DURATION" \
  -H "http://127.0.0.1:$PORT" --csv "$OUT/locust" --only-summary >"$OUT/locust.log" 2>&1 || true
ended=$(date +%s)
read -r queued pending < <(backlog)
echo ">> detection backlog when the load stopped: $queued job(s) queued, $pending run(s) unfinished"
while [ "$pending" != "0" ]; do
  sleep 2; read -r queued pending < <(backlog)
  if [ $(( $(date +%s) - ended )) -gt 600 ]; then echo "backlog did not drain in 10 min"; break; fi
done
drained=$(date +%s)
done_runs=$(psql "$DATABASE_URL" -tAc "select count(*) from detection_detectionrun where status='done' and queued_at >= to_timestamp($start)")
failed_runs=$(psql "$DATABASE_URL" -tAc "select count(*) from detection_detectionrun where status='failed'")
peak=$(awk '{ if ($3 > m) m = $3 } END { print m + 0 }' "$OUT/backlog.txt")

$PY - "$OUT/locust_stats.csv" "$OUT/pages.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print(f"{'endpoint':42} {'reqs':>6} {'fail':>5} {'p50':>6} {'p95':>6} {'p99':>6}  (ms)")
for r in rows:
    print(f"{(r['Type'] + ' ' + r['Name'])[:42]:42} {r['Request Count']:>6} {r['Failure Count']:>5} "
          f"{r['50%']:>6} {r['95%']:>6} {r['99%']:>6}")
agg = rows[-1]
n, f = int(agg["Request Count"]), int(agg["Failure Count"])
print(f"TOTAL: {float(agg['Requests/s']):.1f} req/s, p50 {agg['50%']} ms, p95 {agg['95%']} ms, "
      f"p99 {agg['99%']} ms, errors {f}/{n} ({100 * f / max(n, 1):.2f} %)")
pages = json.load(open(sys.argv[2]))
print(f"PAGES (steady state, without the one-time logins): {pages['rps']:.1f} req/s, p50 {pages['p50']:.0f} ms, "
      f"p95 {pages['p95']:.0f} ms, p99 {pages['p99']:.0f} ms, errors {pages['errors']}/{pages['n']}")
PY
if [ -s "$OUT/locust_failures.csv" ] && [ "$(wc -l <"$OUT/locust_failures.csv")" -gt 1 ]; then
  echo ">> failures:"; head -n 10 "$OUT/locust_failures.csv"
fi
echo "DETECTION: peak $peak run(s) waiting; $done_runs upload(s) analysed; drained $(( drained - ended )) s after the load stopped; $failed_runs failed"
echo "MACHINE: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
