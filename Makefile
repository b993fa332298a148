# comms_office — set up, run and test the module inside Odoo 19.0 Community.
#
#   make run    set everything up (once) and serve Odoo on http://localhost:8069
#   make test   set everything up (once), lint, install in a fresh database, run every test
#
# Everything below can be overridden on the command line, e.g. `make run ODOO_SRC=~/src/odoo`.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

ODOO_SRC ?= /opt/odoo-19.0
ODOO_GIT ?= https://github.com/odoo/odoo.git
ODOO_BRANCH ?= 19.0
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= $(CURDIR)/.venv
VAR ?= $(CURDIR)/var
DB_HOST ?= 127.0.0.1
DB_PORT ?= 5432
DB_USER ?= comms_office
DB_PASSWORD ?= comms_office
DB_NAME ?= comms_office
TEST_DB ?= comms_office_test
HTTP_PORT ?= 8069
# French is the database's default (the first loaded); the demo data adds
# Arabic as written in Algeria (ar_DZ, shipped by the module)
LANGS ?= fr_FR
# tests run in English, with Odoo's generic Arabic and French loaded
TEST_LANGS ?= en_US,ar_001,fr_FR

PY := $(VENV)/bin/python
ODOO := $(PY) $(ODOO_SRC)/odoo-bin -c $(VAR)/odoo.conf
export PIP_CONSTRAINT := $(CURDIR)/tools/pip-constraints.txt
export PIP_BUILD_CONSTRAINT := $(CURDIR)/tools/pip-constraints.txt
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Odoo builds right-to-left (Arabic) stylesheets with the rtlcss command and
# prints with the first wkhtmltopdf it finds: the venv's has patched Qt.
export PATH := $(VENV)/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export PGHOST := $(DB_HOST)
export PGPORT := $(DB_PORT)
export ODOO_SRC DB_HOST DB_PORT DB_USER DB_PASSWORD

.PHONY: help setup system odoo-src python pdf node config database run test lint test-install tests i18n clean serve-two run-db load-db load load-crash

help:
	@echo "make run    set up and serve comms_office on http://localhost:$(HTTP_PORT) (login admin / admin)"
	@echo "make test   set up, lint, install in a fresh database and run every test"
	@echo "make serve-two   serve the database from two Odoo servers in prefork mode (see docs/deployment.md)"
	@echo "make load         the public form under load, then nothing lost (make load-crash: with a crash)"
	@echo "Odoo source: ODOO_SRC=$(ODOO_SRC)"

## --- set-up, each step done once and remembered by a stamp -------------------

setup: system odoo-src python pdf node config

system:
	@bash tools/system_packages.sh

odoo-src:
	@bash tools/odoo_source.sh "$(ODOO_SRC)" "$(ODOO_GIT)" "$(ODOO_BRANCH)"

python: $(VENV)/.stamp-python

$(VENV)/.stamp-python: requirements.txt tools/pip-constraints.txt | odoo-src
	@$(PYTHON) -c 'import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 12))' 2>/dev/null \
	    || { echo "error: Odoo 19.0 needs Python 3.10 to 3.12 (3.11 recommended): install it or pass PYTHON=/path/to/python3.11" >&2; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip wheel "setuptools<70"
	@# python-ldap only serves auth_ldap and needs the LDAP headers: leave it out.
	grep -v '^python-ldap' $(ODOO_SRC)/requirements.txt > $(VENV)/odoo-requirements.txt
	$(PY) -m pip install -q -r $(VENV)/odoo-requirements.txt
	$(PY) -m pip install -q --no-deps -e $(ODOO_SRC)
	$(PY) -m pip install -q -r requirements.txt
	@touch $@

pdf: $(VENV)/bin/wkhtmltopdf

$(VENV)/bin/wkhtmltopdf: tools/wkhtmltopdf.sh | python
	bash tools/wkhtmltopdf.sh $(VENV)

config: $(VAR)/odoo.conf

$(VAR)/odoo.conf: tools/odoo.conf.in Makefile
	@mkdir -p $(VAR)/data
	sed -e 's|@ODOO_SRC@|$(ODOO_SRC)|g' -e 's|@ROOT@|$(CURDIR)|g' -e 's|@VAR@|$(VAR)|g' \
	    -e 's|@DB_HOST@|$(DB_HOST)|g' -e 's|@DB_PORT@|$(DB_PORT)|g' \
	    -e 's|@DB_USER@|$(DB_USER)|g' -e 's|@DB_PASSWORD@|$(DB_PASSWORD)|g' \
	    -e 's|@HTTP_PORT@|$(HTTP_PORT)|g' tools/odoo.conf.in > $@

database: setup
	@bash tools/database_role.sh

## --- the two commands ---------------------------------------------------------

run: database
	@if ! $(PY) tools/db_ready.py $(DB_NAME); then \
	    echo "Creating database $(DB_NAME) with comms_office, demo data, Arabic and French…"; \
	    $(ODOO) -d $(DB_NAME) -i comms_office --with-demo --load-language=$(LANGS) --stop-after-init; \
	fi
	@echo "Serving http://localhost:$(HTTP_PORT) — log in as admin / admin (see README for the role users)"
	$(ODOO) -d $(DB_NAME) --db-filter='^$(DB_NAME)$$' --http-port=$(HTTP_PORT)

test: database lint test-install tests

lint: node
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pylint --rcfile=.pylintrc-mandatory comms_office tests
	node_modules/.bin/prettier --check "comms_office/**/*.{xml,js}"

node: $(VENV)/.stamp-node

$(VENV)/.stamp-node: package.json | python
	@command -v npm >/dev/null || { echo "error: npm not found (install Debian's nodejs and npm)" >&2; exit 1; }
	npm install --silent --no-audit --no-fund --no-package-lock
	@touch $@

test-install:
	@# A fresh database each time: once with demo data (it must load), then the test
	@# database without it (tests build their own records).
	$(PY) tools/db_ready.py --drop $(TEST_DB)-demo
	$(ODOO) -d $(TEST_DB)-demo -i comms_office --with-demo --stop-after-init --log-level=warn 2>&1 | tee $(VAR)/install-demo.log
	@! grep -E " (ERROR|CRITICAL) " $(VAR)/install-demo.log || { echo "error: installing with demo data logged errors" >&2; exit 1; }
	$(PY) tools/db_ready.py --drop $(TEST_DB)-demo
	$(PY) tools/db_ready.py --drop $(TEST_DB)
	$(ODOO) -d $(TEST_DB) -i comms_office --load-language=$(TEST_LANGS) --stop-after-init --log-level=warn 2>&1 | tee $(VAR)/install.log
	@! grep -E " (ERROR|CRITICAL) " $(VAR)/install.log || { echo "error: installing logged errors" >&2; exit 1; }

tests:
	$(VENV)/bin/pytest --odoo-config=$(VAR)/odoo.conf --odoo-database=$(TEST_DB) comms_office/tests tests --ignore=tests/ops

i18n: database
	@# Refresh the .pot and the Arabic and French catalogues from the run database.
	$(ODOO) -d $(DB_NAME) -u comms_office --stop-after-init --log-level=warn
	$(PY) tools/i18n_update.py $(ODOO_SRC)/odoo-bin $(VAR)/odoo.conf $(DB_NAME)

## --- production serving and the load test (outside `make test`) -------------

# Two servers in prefork mode (4 workers, a cron worker and the gevent process
# each) on one database and one data directory, behind a reverse proxy:
# http://127.0.0.1:$(SERVE_PORT)+2 and +4 (gevent on the next port each). Ctrl-C
# stops both. SERVE_PROFILE=large for the limits of a larger machine.
SERVERS ?= 2
WORKERS ?= 4
SERVE_PORT ?= 8150
SERVE_PROFILE ?= small
LOAD_DB ?= comms_ops_load
LOAD_TEMPLATE ?= $(LOAD_DB)_tpl
LOAD_SUBMISSIONS ?= 2000
LOAD_ARGS ?=

serve-two: config
	@$(PY) tools/db_ready.py $(DB_NAME) || $(MAKE) -s run-db
	$(PY) tools/serve/servers.py run -d $(DB_NAME) --servers $(SERVERS) \
	    --profile $(SERVE_PROFILE) --base-port $(SERVE_PORT)

run-db:
	$(ODOO) -d $(DB_NAME) -i comms_office --with-demo --load-language=$(LANGS) --stop-after-init

# The database the load starts from, each run: the demo (its officers log in),
# made once.
load-db: config
	@$(PY) tools/db_ready.py $(LOAD_TEMPLATE) || \
	    $(ODOO) -d $(LOAD_TEMPLATE) -i comms_office --with-demo --load-language=$(LANGS) \
	        --stop-after-init --log-level=warn

# The public form under load on SERVERS x WORKERS, officers and the mail
# gateway at work, then the invariants checked; the figures go to docs/load/.
load: load-db
	$(PY) tools/load/load.py --database $(LOAD_DB) --template $(LOAD_TEMPLATE) \
	    --servers $(SERVERS) --workers $(WORKERS) --submissions $(LOAD_SUBMISSIONS) \
	    --base-port $(SERVE_PORT) --report docs/load/$(SERVERS)x$(WORKERS).md $(LOAD_ARGS)

# The same, with one worker and then a whole server killed (SIGKILL) mid-load.
load-crash: load-db
	$(PY) tools/load/load.py --database $(LOAD_DB) --template $(LOAD_TEMPLATE) \
	    --servers $(SERVERS) --workers $(WORKERS) --submissions $(LOAD_SUBMISSIONS) \
	    --base-port $(SERVE_PORT) --crash --report docs/load/$(SERVERS)x$(WORKERS)-crash.md \
	    $(LOAD_ARGS)

clean:
	rm -rf $(VAR)

## --- scale and operations ------------------------------------------------------

# make bench: a regional directorate's volume (SCALE=1: 1,000,000 complaints
# over 30 establishments, 100,000 inquiries, 20,000 media contacts, 2,000
# campaigns) in the database $(BENCH_DB), then every figure against its baseline.
SCALE ?= 0.01
BENCH_DB ?= $(DB_NAME)_bench

.PHONY: bench backup restore test-ops ops-tools
bench: database
	@if ! $(PY) tools/db_ready.py $(BENCH_DB); then \
	    $(ODOO) -d $(BENCH_DB) -i comms_office --with-demo --load-language=$(LANGS) --stop-after-init --log-level=warn; \
	fi
	$(PY) tools/bench.py -c $(VAR)/odoo.conf -d $(BENCH_DB) fill --scale $(SCALE)
	$(PY) tools/bench.py -c $(VAR)/odoo.conf -d $(BENCH_DB) measure --scale $(SCALE)

# make backup: the database $(DB_NAME) and its filestore, into
# $(BACKUP_DIR)/<db>-<date>/ (pg_dump custom format, filestore archive, checksums).
# make restore BACKUP=<that directory> DB_NAME=<new database>: the same office
# in a new database (never over an existing one).
BACKUP_DIR ?= $(VAR)/backups

backup: config
	@PGUSER=$(DB_USER) PGPASSWORD=$(DB_PASSWORD) bash tools/backup.sh $(DB_NAME) $(VAR)/data $(BACKUP_DIR)

restore: config
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=<backup directory> DB_NAME=<new database>" >&2; exit 1; }
	@PGUSER=$(DB_USER) PGPASSWORD=$(DB_PASSWORD) bash tools/restore.sh $(BACKUP) $(DB_NAME) $(VAR)/data

# make test-ops: upgrade from the previous release, backup and restore,
# uninstall, the wheel (CI runs it after make test).
ops-tools: $(VENV)/.stamp-ops

$(VENV)/.stamp-ops: tools/ops-requirements.txt | python
	$(PY) -m pip install -q -r tools/ops-requirements.txt
	@touch $@

test-ops: database ops-tools
	VAR=$(VAR) OPS_DB=$(TEST_DB)_ops $(VENV)/bin/pytest -p no:odoo -o addopts="-p no:cacheprovider" tests/ops
