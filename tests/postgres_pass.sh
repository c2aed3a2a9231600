#!/usr/bin/env bash
# Run the test suite again on PostgreSQL: on TEST_DATABASE_URL's server when it is set, else on a
# throwaway cluster when PostgreSQL's server binaries are on this machine (a Unix socket in a
# temporary folder, removed afterwards); else say clearly that the PostgreSQL pass was skipped.
set -euo pipefail
pytest_cmd=(${PYTEST:-python -m pytest})

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "=== PostgreSQL pass on TEST_DATABASE_URL ==="
  exec "${pytest_cmd[@]}" "$@"
fi

bindir=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")"; do
  if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then bindir=$candidate; break; fi
done
if [ -z "$bindir" ]; then
  echo "=== PostgreSQL pass SKIPPED: no PostgreSQL server binaries (initdb) and no TEST_DATABASE_URL set ==="
  exit 0
fi

cluster=$(mktemp -d /tmp/newsevents-pg.XXXXXX)
run_as_owner=()
if [ "$(id -u)" = 0 ]; then  # initdb refuses to run as root
  chown postgres "$cluster"
  run_as_owner=(runuser -u postgres --)
fi
cleanup() {
  "${run_as_owner[@]}" "$bindir/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$cluster"
}
trap cleanup EXIT

"${run_as_owner[@]}" "$bindir/initdb" -D "$cluster/data" -U postgres --auth=trust -E UTF8 >/dev/null
"${run_as_owner[@]}" "$bindir/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w \
  -o "-c listen_addresses='' -k $cluster -c fsync=off -c max_connections=300" start >/dev/null
export TEST_DATABASE_URL="postgresql+psycopg://postgres@/postgres?host=$cluster"
echo "=== PostgreSQL pass on a throwaway cluster ($("$bindir/postgres" --version)) ==="
"${pytest_cmd[@]}" "$@"
