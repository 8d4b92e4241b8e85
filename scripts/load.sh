#!/usr/bin/env bash
# `make load`: gunicorn with several workers on a 100k-event corpus, 50 clients for 60 s,
# while an import writes. Prints wrk's summary and a JSON line; the error count must be 0.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DB=${LOAD_DB:-/tmp/timeline-load.sqlite3}
EVENTS=${LOAD_EVENTS:-100000}
DURATION=${LOAD_SECONDS:-60}
PORT=${LOAD_PORT:-8123}
export DATABASE_URL=${DATABASE_URL:-sqlite:///$DB} SECRET_KEY=${SECRET_KEY:-load-test-only}
export ALLOWED_HOSTS=127.0.0.1 DEBUG=0

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
$PY manage.py migrate --noinput -v0
have=$($PY manage.py shell -v 0 -c "from timeline.models import Event; print(Event.objects.count())")
if [ "$have" -lt "$EVENTS" ]; then
  $PY manage.py generate_corpus --events $((EVENTS - have))
fi
$PY manage.py collectstatic --noinput -v0

.venv/bin/gunicorn timeline.wsgi --bind 127.0.0.1:$PORT --workers 3 --log-level warning &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$reports"' EXIT
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.2; done

# An editor's import during the load: fresh report files, so every one is really written.
reports=$(mktemp -d)
$PY manage.py shell -v 0 -c "from timeline.benchmarks import synthetic_reports_write as w; w('$reports', 300)"
( sleep 5; $PY manage.py import_reports "$reports" > /tmp/timeline-load-import.log 2>&1 \
    && echo "import during load: $(tail -1 /tmp/timeline-load-import.log)" ) &

wrk --threads 2 --connections 50 --duration "${DURATION}s" --timeout 30s --latency \
  --script scripts/load.lua "http://127.0.0.1:$PORT"
wait %2 2>/dev/null || true
