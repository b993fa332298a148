#!/usr/bin/env bash
# Makes sure Odoo 19.0's source is at $1; clones the official branch there when
# it is missing and the network allows, and says clearly where it looked if not.
set -euo pipefail
src=$1 repo=$2 branch=$3

is_odoo_19() {
  [ -f "$src/odoo-bin" ] && [ -d "$src/addons/mail" ] \
    && grep -q "^version_info = (19, 0," "$src/odoo/release.py" 2>/dev/null
}

if is_odoo_19; then exit 0; fi
if [ -e "$src" ] && [ -n "$(ls -A "$src" 2>/dev/null)" ]; then
  echo "error: $src exists but is not an Odoo 19.0 source tree (no odoo-bin, addons/mail or 19.0 release.py)." >&2
  echo "       Point ODOO_SRC at an Odoo 19.0 Community checkout: make run ODOO_SRC=/path/to/odoo" >&2
  exit 1
fi
echo "Odoo 19.0 source not found at $src (ODOO_SRC); cloning $repo ($branch)…"
mkdir -p "$(dirname "$src")" 2>/dev/null || sudo mkdir -p "$(dirname "$src")"
if ! git clone --depth 1 --branch "$branch" "$repo" "$src"; then
  echo "error: the Odoo 19.0 source is missing: looked in $src (set ODOO_SRC to use another place)" >&2
  echo "       and could not clone $repo. Put an Odoo 19.0 Community checkout there and run make again." >&2
  exit 1
fi
