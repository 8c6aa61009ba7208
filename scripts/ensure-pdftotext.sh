#!/usr/bin/env bash
# Installs Debian's poppler-utils when pdftotext is missing: the form-letter
# tests read the PDFs the service makes with it, and fail without it.
set -euo pipefail

if command -v pdftotext >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "pdftotext is missing and apt-get is not available: install poppler-utils" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  sudo="sudo"
fi
$sudo apt-get update
$sudo apt-get install -y poppler-utils
