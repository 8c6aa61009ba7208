#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL pointing at a PostgreSQL server the
# tests may create and drop databases on. In order of preference:
#   1. TEST_DATABASE_URL as already set;
#   2. the server on 127.0.0.1:5432 (user postgres, trust auth), as on the
#      project's machines;
#   3. a throwaway cluster started from the installed PostgreSQL binaries,
#      removed again when the command ends.
# Where none can be had it fails, naming what to install. It never lets the
# tests run without PostgreSQL.
set -euo pipefail

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  exec "$@"
fi

default_url="postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
if command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432 -U postgres; then
  export TEST_DATABASE_URL="$default_url"
  exec "$@"
fi
if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  export TEST_DATABASE_URL="$default_url"
  exec "$@"
fi

bindir=""
for d in /usr/lib/postgresql/*/bin /usr/local/pgsql/bin; do
  if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then bindir="$d"; fi
done
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1; then
  bindir="$(dirname "$(command -v initdb)")"
fi
if [ -z "$bindir" ]; then
  echo "make test needs PostgreSQL: set TEST_DATABASE_URL, run a server on 127.0.0.1:5432 (user postgres, trust auth)," >&2
  echo "or install the server binaries (Debian: apt-get install postgresql) so a throwaway cluster can be started." >&2
  exit 1
fi

dir="$(mktemp -d /tmp/recert-pg.XXXXXX)"
port="$("$(dirname "$0")/free-port.sh")"
as_pg=()
if [ "$(id -u)" = "0" ]; then
  # PostgreSQL refuses to run as root: run the cluster as the postgres user.
  chown postgres "$dir"
  as_pg=(runuser -u postgres --)
fi
cleanup() {
  "${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
"${as_pg[@]}" "$bindir/initdb" -D "$dir/data" -A trust -U postgres >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1" -l "$dir/server.log" -w start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
echo "using a throwaway PostgreSQL cluster on port $port" >&2
"$@"
