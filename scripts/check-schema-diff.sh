#!/usr/bin/env bash
# Fails when schema.graphql makes a breaking change, against the previous
# committed schema, that CHANGELOG.md does not record (see CHANGELOG.md for
# the format). The previous schema is, in order:
#   1. SCHEMA_BASE as a git revision (such as origin/main or a merge base),
#      when set;
#   2. HEAD, when schema.graphql differs from it in the working tree (a
#      change not yet committed);
#   3. HEAD~1 otherwise (what the last commit changed).
# A revision without schema.graphql (the first one to have it, or a
# shallow clone) leaves nothing to compare against: the check passes and
# says so.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${SCHEMA_BASE:-}" ]; then
  base="$SCHEMA_BASE"
elif ! git diff --quiet HEAD -- schema.graphql 2>/dev/null || ! git ls-files --error-unmatch schema.graphql >/dev/null 2>&1; then
  base="HEAD"
else
  base="HEAD~1"
fi

old="$(mktemp)"
trap 'rm -f "$old"' EXIT
if ! git show "$base:schema.graphql" >"$old" 2>/dev/null; then
  echo "schema diff: $base has no schema.graphql; nothing to compare against"
  exit 0
fi
echo "schema diff: $base:schema.graphql -> schema.graphql"
node clients/schema-diff.mjs "$old" schema.graphql CHANGELOG.md
