#!/usr/bin/env bash
# The load-test harness of `make bench` (bench/README.md says what it
# measures and how to read it):
#
#   1. builds bin/recert and the load generator (bench/loadgen) into a
#      scratch folder;
#   2. installs PostGraphile 4.14.1 and postgraphile-plugin-connection-filter
#      2.3.0 with `npm ci` from bench/postgraphile/package-lock.json into the
#      scratch folder;
#   3. creates a fresh benchmark database on the PostgreSQL that
#      scripts/with-postgres.sh finds (TEST_DATABASE_URL, else 127.0.0.1:5432,
#      else a throwaway cluster) and loads the seeded catalog (`recert seed`);
#   4. starts this service and then PostGraphile on that database, each on a
#      free loopback port, timing each from process start to its first
#      successful answer to the browse query;
#   5. runs the workloads in alternating rounds (bench/loadgen run), reads
#      each server's RSS after the load, then grows the catalog to 10x and
#      100x for the growth table;
#   6. stops both servers and drops the database, however it ends.
#
# It exits non-zero when a request failed (HTTP status other than 200, a
# GraphQL error, a user error in a write) or a write was lost or counted
# twice. Missed performance targets are printed as FAIL lines, not turned
# into an exit status. Settings: BENCH_DURATION (10s), BENCH_ROUNDS (3),
# BENCH_CONNECTIONS (16), BENCH_WARMUP (2s), BENCH_GROWTH_DURATION (5s),
# BENCH_GROWTH_ROUNDS (3), BENCH_GROWTH_FACTORS (1,10,100; empty to skip), BENCH_SETTLE (2s),
# BENCH_WORKLOADS (browse,browse-uncached,search,checkCredential,writes).
set -euo pipefail
cd "$(dirname "$0")/.."

# Run under with-postgres.sh, which sets TEST_DATABASE_URL to a server
# this script may create and drop a database on.
if [ -z "${RECERT_BENCH_UNDER_PG:-}" ]; then
  export RECERT_BENCH_UNDER_PG=1
  exec scripts/with-postgres.sh "$0" "$@"
fi

for tool in go node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "make bench needs $tool on PATH" >&2
    exit 1
  fi
done

dir="$(mktemp -d /tmp/recert-bench.XXXXXX)"
db_name="recert_bench_$$_$RANDOM"
recert_pid=""
pg_pid=""
db_created=""
stop_server() {
  local pid="$1"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}
cleanup() {
  stop_server "$recert_pid"
  stop_server "$pg_pid"
  if [ -n "$db_created" ]; then
    "$dir/loadgen" db drop -admin "$TEST_DATABASE_URL" -name "$db_name" >/dev/null 2>&1 ||
      echo "could not drop the benchmark database $db_name" >&2
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== building bin/recert and bench/loadgen"
go build -o "$dir/recert" .
# bench/loadgen is a module of its own (bench/loadgen/go.mod): see bench/README.md.
(cd bench/loadgen && go build -o "$dir/loadgen" .)

echo "== installing PostGraphile from bench/postgraphile/package-lock.json (npm ci)"
mkdir -p "$dir/postgraphile"
cp bench/postgraphile/package.json bench/postgraphile/package-lock.json "$dir/postgraphile/"
(cd "$dir/postgraphile" && npm ci --no-audit --no-fund --loglevel=error >"$dir/npm.log" 2>&1) ||
  { cat "$dir/npm.log" >&2; exit 1; }
pg_version="$(node -p 'require(process.argv[1]).version' "$dir/postgraphile/node_modules/postgraphile/package.json")"
filter_version="$(node -p 'require(process.argv[1]).version' "$dir/postgraphile/node_modules/postgraphile-plugin-connection-filter/package.json")"
echo "   postgraphile $pg_version, postgraphile-plugin-connection-filter $filter_version, node $(node --version)"

echo "== creating the benchmark database $db_name and loading the seeded catalog"
db_url="$("$dir/loadgen" db create -admin "$TEST_DATABASE_URL" -name "$db_name")"
db_created=1
export AUTH_DEV_SECRET="recert-bench-secret-for-development-tokens"
export APP_ENV=development
unset AUTH_JWKS_URL AUTH_ISSUER AUTH_AUDIENCE LISTEN_ADDR SQLITE_PATH UPLOADS_URL
DATABASE_URL="$db_url" LOG_LEVEL=warn "$dir/recert" seed

browse_query='{ certifications(first: 50) { nodes { displayName organization { name } recognitionBases } } }'
pg_browse_query='{ allCertifications(first: 50, orderBy: DISPLAY_NAME_ASC) { nodes { displayName organizationByOrganizationId { name } certificationRecognitionBasesByCertificationId { nodes { basis } } } } }'

echo "== starting this service"
recert_port="$(scripts/free-port.sh)"
mkdir -p "$dir/uploads"
# One client (127.0.0.1) sends every request: the per-client rate limit
# would measure itself, so its budget is set out of reach.
start_ns="$(date +%s%N)"
DATABASE_URL="$db_url" LISTEN_ADDR="127.0.0.1:$recert_port" UPLOADS_URL="file://$dir/uploads" LOG_LEVEL=warn \
  RATE_LIMIT_BUDGET=1000000000 RATE_LIMIT_RESTORE=1000000000 \
  "$dir/recert" serve >"$dir/recert.log" 2>&1 &
recert_pid=$!
recert_url="http://127.0.0.1:$recert_port/graphql"
recert_start_ms="$("$dir/loadgen" ready -url "$recert_url" -query "$browse_query" -since "$start_ns" -pid "$recert_pid")" ||
  { echo "this service did not start:" >&2; cat "$dir/recert.log" >&2; exit 1; }
echo "   pid $recert_pid on $recert_url, first answer after $recert_start_ms ms"

echo "== starting PostGraphile"
pg_port="$(scripts/free-port.sh)"
start_ns="$(date +%s%N)"
NODE_ENV=production node "$dir/postgraphile/node_modules/postgraphile/cli.js" \
  --connection "$db_url" --schema public \
  --append-plugins postgraphile-plugin-connection-filter \
  --simple-collections omit --disable-query-log \
  --host 127.0.0.1 --port "$pg_port" >"$dir/postgraphile.log" 2>&1 &
pg_pid=$!
pg_url="http://127.0.0.1:$pg_port/graphql"
pg_start_ms="$("$dir/loadgen" ready -url "$pg_url" -query "$pg_browse_query" -since "$start_ns" -pid "$pg_pid")" ||
  { echo "PostGraphile did not start:" >&2; cat "$dir/postgraphile.log" >&2; exit 1; }
echo "   pid $pg_pid on $pg_url, first answer after $pg_start_ms ms"
echo

status=0
"$dir/loadgen" run \
  -recert "$recert_url" -recert-pid "$recert_pid" -recert-start-ms "$recert_start_ms" \
  -postgraphile "$pg_url" -postgraphile-pid "$pg_pid" -postgraphile-start-ms "$pg_start_ms" \
  -db "$db_url" || status=$?
if ! kill -0 "$recert_pid" 2>/dev/null || ! kill -0 "$pg_pid" 2>/dev/null; then
  echo "a server stopped during the run" >&2
  status=1
fi
if [ "$status" -ne 0 ]; then
  echo "--- this service's log (last 30 lines) ---" >&2
  tail -n 30 "$dir/recert.log" >&2 || true
  echo "--- PostGraphile's log (last 30 lines) ---" >&2
  tail -n 30 "$dir/postgraphile.log" >&2 || true
fi
exit "$status"
