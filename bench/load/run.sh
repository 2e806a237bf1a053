#!/usr/bin/env bash
# 100 users for 60 s on loopback against the demo data: fresh PostgreSQL database, gunicorn with
# 2 workers (DEBUG off), 1 db_worker, locust headless. Prints throughput, p50/p95 and errors.
#
#   bench/load/run.sh                  # USERS=100 DURATION=60 (seconds) by default
#   USERS=50 DURATION=30 bench/load/run.sh
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres) and the dev extras (locust); uses Redis on
# 127.0.0.1:6379 for cache and sessions when it answers.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python
USERS=${USERS:-100}
DURATION=${DURATION:-60}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER

db="daihoi_load_$(date +%s)_$$"
work=$(mktemp -d /tmp/daihoi-load.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  dropdb --if-exists "$db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

createdb "$db"
export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$db"
export DJANGO_SECRET_KEY="load-test-only-$(date +%s)-not-secret-0123456789abcdefghijklmnop"
export DJANGO_DEBUG=0 DJANGO_SECURE_COOKIES=0 DJANGO_LOG_LEVEL=ERROR
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export DAIHOI_VAR_DIR="$work/var" DAIHOI_UPLOAD_ROOT="$work/uploads"
if redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  export REDIS_URL=redis://127.0.0.1:6379/13 DAIHOI_CACHE_PREFIX="load-$db"
  cache="Redis"
else
  cache="local memory"
fi

echo "== Cơ sở dữ liệu $db: migrate + load_demo =="
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py load_demo >"$work/load_demo.log"
"$PY" manage.py collectstatic --noinput -v0

port=$("$PY" -c 'from daihoi.ops.servers import free_port; print(free_port())')
GUNICORN_BIND="127.0.0.1:$port" GUNICORN_WORKERS=2 GUNICORN_ACCESS_LOG="" \
  "$ROOT/.venv/bin/gunicorn" -c deploy/gunicorn.conf.py daihoi.wsgi >"$work/gunicorn.log" 2>&1 &
pids+=($!)
"$PY" manage.py db_worker --no-reload >"$work/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.3
done

echo "== locust: $USERS người dùng, ${DURATION} s, http://127.0.0.1:$port (gunicorn 2 workers, 1 db_worker, cache: $cache) =="
"$ROOT/.venv/bin/locust" -f bench/load/locustfile.py --headless --only-summary \
  -u "$USERS" -r 20 -t "${DURATION}s" --host "http://127.0.0.1:$port" \
  --csv "$work/load" --exit-code-on-error 0 >"$work/locust.log" 2>&1 || true

"$PY" - "$work/load_stats.csv" "$work/load_failures.csv" <<'PYEOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
print(f"{'request':<28}{'count':>8}{'fail':>6}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}")
for r in rows:
    print(f"{r['Name'][:27]:<28}{r['Request Count']:>8}{r['Failure Count']:>6}"
          f"{float(r['Requests/s']):>8.1f}{r['50%']:>8}{r['95%']:>8}")
total = next(r for r in rows if r["Name"] == "Aggregated")
print(f"\nTổng: {total['Request Count']} yêu cầu, {float(total['Requests/s']):.1f} req/s, "
      f"p50 {total['50%']} ms, p95 {total['95%']} ms, lỗi {total['Failure Count']}")
failures = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
for f in failures[:10]:
    print(f"  lỗi: {f['Method']} {f['Name']}: {f['Error'][:150]} ×{f['Occurrences']}")
PYEOF
exceptions=$(grep -c "^Traceback" "$work/locust.log" || true)
echo "Ngoại lệ trong mã người dùng ảo (locust): $exceptions"
if [ "$exceptions" != 0 ]; then grep -E -B2 -A12 "^Traceback" "$work/locust.log" | head -40; fi
jobs=$(psql -d "$db" -tAc "select status, count(*) from django_tasks_database_dbtaskresult group by 1 order by 1" | tr '\n' ' ')
echo "Hàng đợi sau khi chạy: ${jobs:-trống}"
