#!/usr/bin/env bash
# make e2e: the web app's browser tests in Debian's Chromium against a fresh
# server. Installs Chromium (apt) when it is missing and the test tools
# from web/package-lock.json; SCREENSHOTS=1 also writes docs/screenshots/.
# E2E_ONLY, a regular expression, runs only the journeys whose names match.
# The browser signs in through a local OpenID Connect provider (mockoidc,
# internal/testissuer) that this script starts and the server trusts.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  apt-get update
  apt-get install -y chromium
fi
# node_modules/.recert-lock is the lockfile node_modules was installed from.
if ! cmp -s web/package-lock.json web/node_modules/.recert-lock; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.recert-lock)
fi

# A free loopback port for the page on another origin that the server allows.
port="$(scripts/free-port.sh)"
export E2E_ALLOWED_PORT="$port"
export CORS_ALLOWED_ORIGINS="http://127.0.0.1:$port"

# The test issuer, on a port of its own; it prints its URL once it answers.
go build -o bin/testissuer ./internal/testissuer/cmd/testissuer
issuer_out="$(mktemp)"
bin/testissuer -addr 127.0.0.1:0 >"$issuer_out" &
issuer_pid=$!
trap 'kill "$issuer_pid" 2>/dev/null || true; rm -f "$issuer_out"' EXIT
for _ in $(seq 1 100); do
  [ -s "$issuer_out" ] && break
  kill -0 "$issuer_pid" 2>/dev/null || { echo "the test issuer did not start" >&2; exit 1; }
  sleep 0.1
done
TEST_OIDC_ISSUER="$(head -n 1 "$issuer_out")"
[ -n "$TEST_OIDC_ISSUER" ] || { echo "the test issuer did not say its URL within 10 s" >&2; exit 1; }
export TEST_OIDC_ISSUER
scripts/start-test-server.sh bash -c 'cd web && node --test --test-concurrency=1 ${E2E_ONLY:+--test-name-pattern="$E2E_ONLY"} e2e/'
