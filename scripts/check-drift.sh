#!/usr/bin/env bash
# Fails when a generated file no longer matches its source: the migrations (drizzle-kit from the
# *.tables.ts files), openapi.json (from the route schemas) and the web client's API types (from
# openapi.json). Fix by running the command named in the message and committing the result.
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
check() {
  local what=$1 fix=$2; shift 2
  if ! git diff --quiet -- "$@" || [ -n "$(git ls-files --others --exclude-standard -- "$@")" ]; then
    echo "drift: $what is out of date. Run '$fix' and commit the result:" >&2
    git status --short -- "$@" >&2
    status=1
  fi
}

npx drizzle-kit generate --name drift-check >/dev/null
check "the migrations" "npm run db:generate -- --name <what-changed>" migrations
npx tsx scripts/write-openapi.ts >/dev/null
check "openapi.json" "npm run openapi" openapi.json
npx openapi-typescript openapi.json -o src/platform/web/api/schema.d.ts >/dev/null 2>&1
check "the web API types" "npm run api:types" src/platform/web/api/schema.d.ts

[ "$status" -eq 0 ] && echo "no drift: migrations, openapi.json and the web API types match their sources"
exit "$status"
