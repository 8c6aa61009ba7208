#!/usr/bin/env bash
# Prints a free loopback port, one nothing answers on, chosen at random
# from 20000-59999; fails, saying so, when fifty tries find none.
#
#   port="$(scripts/free-port.sh)"
set -euo pipefail

for _ in $(seq 1 50); do
  candidate=$(( 20000 + RANDOM % 40000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
    echo "$candidate"
    exit 0
  fi
done
echo "no free loopback port found" >&2
exit 1
