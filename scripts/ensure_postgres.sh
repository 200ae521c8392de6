#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on 127.0.0.1:5432: the store tests need a real one.
# On this project's machines (Debian's postgresql-common) start the installed cluster if it is
# down; elsewhere say what is missing. Override the address with PGHOST/PGPORT.
set -euo pipefail

host="${PGHOST:-127.0.0.1}"
port="${PGPORT:-5432}"

ready() { pg_isready --quiet --host "$host" --port "$port" --timeout 2; }

if ! command -v pg_isready >/dev/null; then
    echo "ensure_postgres: pg_isready not found; install PostgreSQL (apt-get install postgresql)" >&2
    exit 1
fi
ready && exit 0

if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    for version in $(ls /etc/postgresql); do
        echo "ensure_postgres: starting PostgreSQL $version/main" >&2
        pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
fi
for _ in $(seq 1 40); do
    ready && exit 0
    sleep 0.25
done
echo "ensure_postgres: no PostgreSQL server on $host:$port and none could be started" >&2
exit 1
