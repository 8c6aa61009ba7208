#!/usr/bin/env bash
# Installs Debian's HAProxy when it is missing; make scaletest puts it in
# front of three service processes.
set -euo pipefail
if command -v haproxy >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "HAProxy is missing; install it as root: apt-get update && apt-get install -y haproxy" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
# The package's own service is not wanted: the test starts its own.
if command -v service >/dev/null 2>&1; then service haproxy stop >/dev/null 2>&1 || true; fi
command -v haproxy
