#!/usr/bin/env bash
# Runs a command against a freshly started server:
#
#   scripts/start-test-server.sh node clients/audit.mjs
#
# Builds bin/recert-dev (the development binary, with the embedded SQLite),
# starts it in development mode on a free loopback port with a temporary
# SQLite file, temporary uploads and a fixed development
# secret, waits until it answers, runs the command with
#   RECERT_URL              the GraphQL endpoint, http://127.0.0.1:PORT/graphql
#   RECERT_STAFF_TOKEN      a STAFF token (subject ci-staff)
#   RECERT_CANDIDATE_TOKEN  a CANDIDATE token (subject and candidate ID C-9001)
# and stops the server and removes its files when the command ends, however
# it ends. The command's exit status is the script's. Extra environment for
# the server (limits, APP_ENV) may be given as usual: FOO=bar scripts/...
# With TEST_OIDC_ISSUER, the URL of a test issuer (internal/testissuer), the
# server also trusts that issuer's ID tokens and the web app signs in there.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -eq 0 ]; then
  echo "usage: $0 command [args...]" >&2
  exit 2
fi

go build -o bin/recert-dev .

dir="$(mktemp -d /tmp/recert-server.XXXXXX)"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

port="$(scripts/free-port.sh)"

export AUTH_DEV_SECRET="recert-ci-secret-for-client-tests"
unset DATABASE_URL AUTH_JWKS_URL AUTH_ISSUER AUTH_AUDIENCE AUTH_WEB_CLIENT_ID
if [ -n "${TEST_OIDC_ISSUER:-}" ]; then
  export AUTH_ISSUER="$TEST_OIDC_ISSUER"
  export AUTH_JWKS_URL="$TEST_OIDC_ISSUER/.well-known/jwks.json"
  export AUTH_AUDIENCE="recert-web" AUTH_WEB_CLIENT_ID="recert-web"
fi
export APP_ENV="${APP_ENV:-development}"
export LISTEN_ADDR="127.0.0.1:$port"
export SQLITE_PATH="$dir/recert.db"
export UPLOADS_URL="file://$dir/uploads"
export LOG_LEVEL="${LOG_LEVEL:-warn}"
mkdir -p "$dir/uploads"

bin/recert-dev serve >"$dir/server.log" 2>&1 &
pid=$!

url="http://127.0.0.1:$port/graphql"
ready=""
for _ in $(seq 1 300); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "the server stopped while starting:" >&2
    cat "$dir/server.log" >&2
    exit 1
  fi
  if curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{ catalogVersion }"}' "$url"; then
    ready=1
    break
  fi
  sleep 0.1
done
if [ -z "$ready" ]; then
  echo "the server did not answer at $url within 30 s:" >&2
  cat "$dir/server.log" >&2
  exit 1
fi

export RECERT_URL="$url"
RECERT_STAFF_TOKEN="$(bin/recert-dev token -role STAFF -subject ci-staff)"
RECERT_CANDIDATE_TOKEN="$(bin/recert-dev token -role CANDIDATE -subject C-9001 -candidate-id C-9001)"
export RECERT_STAFF_TOKEN RECERT_CANDIDATE_TOKEN

status=0
"$@" || status=$?
if [ "$status" -ne 0 ] && [ -s "$dir/server.log" ]; then
  echo "--- server log ---" >&2
  tail -n 50 "$dir/server.log" >&2
fi
exit "$status"
