#!/usr/bin/env bash
# Creates the PostgreSQL role Odoo connects with (Odoo refuses to run as
# "postgres"), first trying a trusted connection, then the local superuser.
set -euo pipefail
user=${DB_USER:-comms_office} password=${DB_PASSWORD:-comms_office}
export PGHOST=${DB_HOST:-127.0.0.1} PGPORT=${DB_PORT:-5432}

if PGPASSWORD=$password psql -U "$user" -d postgres -tAc 'select 1' >/dev/null 2>&1; then exit 0; fi
sql="DO \$\$BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$user') THEN
    CREATE ROLE \"$user\" LOGIN CREATEDB PASSWORD '$password';
  END IF; END\$\$;"
if psql -U postgres -d postgres -qc "$sql" 2>/dev/null; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null; then
  runuser -u postgres -- psql -d postgres -qc "$sql" && exit 0
elif command -v sudo >/dev/null; then
  sudo -u postgres psql -d postgres -qc "$sql" && exit 0
fi
echo "error: could not create the PostgreSQL role $user on $PGHOST:$PGPORT; create it by hand:" >&2
echo "       CREATE ROLE $user LOGIN CREATEDB PASSWORD '$password';" >&2
exit 1
