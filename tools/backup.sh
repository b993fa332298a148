#!/usr/bin/env bash
# Backs up an Odoo database and its filestore, consistently enough for a
# restore: the SQL dump (pg_dump's custom format, one snapshot) and the
# filestore archive, with their checksums.
#
#   tools/backup.sh DB DATA_DIR BACKUP_DIR
#
# writes BACKUP_DIR/DB-YYYYmmdd-HHMMSS/{db.dump,filestore.tar.gz,SHA256SUMS}
# and prints that directory. PGHOST, PGPORT, PGUSER, PGPASSWORD say where the
# database is. Odoo may keep running: attachments are never rewritten in
# place (a file is named after its content), so a file the dump refers to is
# in the archive when the archive is made after the dump.
set -euo pipefail
db=${1:?database}
data_dir=${2:?Odoo data_dir}
backup_dir=${3:?backup directory}

filestore="$data_dir/filestore/$db"
target="$backup_dir/$db-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$target"
pg_dump --format=custom --no-owner --no-acl --dbname="$db" --file="$target/db.dump"
if [ -d "$filestore" ]; then
    tar -C "$filestore" -czf "$target/filestore.tar.gz" .
else
    tar -czf "$target/filestore.tar.gz" -T /dev/null
fi
(cd "$target" && sha256sum db.dump filestore.tar.gz > SHA256SUMS)
echo "$target"
