#!/usr/bin/env bash
# Restores a backup made by tools/backup.sh into a new database and its
# filestore. Refuses to overwrite an existing database or filestore.
#
#   tools/restore.sh BACKUP DB DATA_DIR
#
# BACKUP is the directory tools/backup.sh printed. PGHOST, PGPORT, PGUSER,
# PGPASSWORD say where the database goes.
set -euo pipefail
backup=${1:?backup directory}
db=${2:?new database}
data_dir=${3:?Odoo data_dir}

(cd "$backup" && sha256sum --quiet -c SHA256SUMS) \
    || { echo "error: $backup is damaged (checksums differ)" >&2; exit 1; }
filestore="$data_dir/filestore/$db"
if [ -e "$filestore" ]; then
    echo "error: $filestore exists: restore into a new database" >&2
    exit 1
fi
createdb "$db" \
    || { echo "error: cannot create database $db (it may exist already)" >&2; exit 1; }
pg_restore --no-owner --no-acl --exit-on-error --jobs=2 --dbname="$db" "$backup/db.dump"
mkdir -p "$filestore"
tar -C "$filestore" -xzf "$backup/filestore.tar.gz"
echo "restored $backup into $db"
