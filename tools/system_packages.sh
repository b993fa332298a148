#!/usr/bin/env bash
# Installs the Debian packages the module needs, only those missing, and makes
# sure a PostgreSQL server answers on $DB_HOST:$DB_PORT.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# command-or-file  package
wanted=(
  "chromium chromium"
  "wkhtmltopdf wkhtmltopdf"
  "pg_config libpq-dev"
  "psql postgresql-client"
  "npm npm"
  "pdftoppm poppler-utils"
  "gcc build-essential"
  "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf fonts-noto-core"
)
missing=()
for pair in "${wanted[@]}"; do
  probe=${pair% *}; pkg=${pair#* }
  if [[ $probe == /* ]]; then [ -e "$probe" ] || missing+=("$pkg")
  else command -v "$probe" >/dev/null 2>&1 || missing+=("$pkg"); fi
done

pg_up() { pg_isready -q -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" 2>/dev/null; }
if ! command -v pg_isready >/dev/null 2>&1 || ! pg_up; then
  command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${missing[@]}" \
    || { echo "error: could not install ${missing[*]} (apt-get failed; install them by hand)" >&2; exit 1; }
fi

if ! pg_up; then
  echo "Starting PostgreSQL…"
  for version in $(ls /etc/postgresql 2>/dev/null); do
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
      || as_root pg_ctlcluster "$version" main start || true
  done
  for _ in $(seq 20); do pg_up && break; sleep 1; done
  pg_up || { echo "error: no PostgreSQL server answers on ${DB_HOST:-127.0.0.1}:${DB_PORT:-5432}" >&2; exit 1; }
fi
