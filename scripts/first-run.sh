#!/usr/bin/env bash
# Measures a newcomer's first minutes: clones this repository's HEAD into a
# temporary folder, runs `make run` there with an empty Go build cache (a
# machine that has never built Go), and prints how many seconds pass until
# the server answers its first GraphQL query, and how large the development
# binary (bin/recert-dev) and the production one (make build) are.
#
#   scripts/first-run.sh            # empty build cache: the newcomer's case
#   WARM_STD=1 scripts/first-run.sh # standard library already compiled
#
# Go modules come from the machine's module cache (or the Go proxy). The
# clone, cache and data are removed afterwards.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill -- -"$server" 2>/dev/null || true; fi
  chmod -R u+w "$work" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

git clone --quiet "$repo" "$work/clone"
export GOCACHE="$work/gocache"
if [ "${WARM_STD:-0}" = 1 ]; then
  (cd "$work/clone" && go build std)
fi
port="$("$repo/scripts/free-port.sh")"
query='{"query":"{ certifications(first: 1) { totalCount } }"}'

start=$(date +%s.%N)
LISTEN_ADDR="127.0.0.1:$port" setsid make -C "$work/clone" run >"$work/run.log" 2>&1 &
server=$!
while :; do
  if ! kill -0 "$server" 2>/dev/null; then
    echo "make run stopped before answering:" >&2
    tail -20 "$work/run.log" >&2
    exit 1
  fi
  if curl -sf -H 'Content-Type: application/json' -d "$query" "http://127.0.0.1:$port/graphql" 2>/dev/null | grep -q '"totalCount"'; then
    break
  fi
  sleep 0.2
done
end=$(date +%s.%N)
load="$(cut -d' ' -f1-3 /proc/loadavg)"
kill -- -"$server" 2>/dev/null || true
server=""
make -s -C "$work/clone" build >/dev/null
printf 'first answer after %.1f s (load average %s); bin/recert-dev is %d bytes, bin/recert (make build) %d bytes\n' \
  "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" "$load" \
  "$(stat -c %s "$work/clone/bin/recert-dev")" "$(stat -c %s "$work/clone/bin/recert")"
