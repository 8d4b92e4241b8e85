# Two commands for a newcomer: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM := /usr/bin/chromium

.PHONY: run test serve seed lint format check audit deploy-check load clean

run: $(VENV)/.deps-run seed  ## install, migrate, import seeds/, serve on http://127.0.0.1:8000
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.deps-dev | $(CHROMIUM)  ## install, then run the whole test suite, browser tests too
	$(BIN)/python -m pytest

seed: $(VENV)/.deps-run  ## migrate and import seeds/ (idempotent)
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py import_reports seeds/

lint: $(VENV)/.deps-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.deps-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(VENV)/.deps-dev  ## what CI checks besides the tests
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(MAKE) lint

# Known vulnerabilities in the pinned runtime dependencies, from PyPI's advisory data
# (pip-audit resolves requirements.txt in a scratch environment). A known vulnerability
# fails it. A package PyPI's JSON API does not answer for is listed as "could not be
# audited" and passes, unless AUDIT_FLAGS=--strict.
AUDIT_FLAGS ?=
audit: $(VENV)/.deps-dev  ## known vulnerabilities in requirements.txt (needs PyPI)
	$(BIN)/pip-audit -r requirements.txt $(AUDIT_FLAGS)

# The production settings (DEBUG off, behind the TLS proxy) with a throw-away key: Django's
# deployment checklist must find nothing.
deploy-check: $(VENV)/.deps-run  ## `manage.py check --deploy` on production-like settings
	DEBUG=0 HTTPS=1 ALLOWED_HOSTS=timeline.example.org \
	  SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

# gunicorn with several workers on a 100k-event corpus under wrk (50 clients, 60 s) while
# an import runs; prints throughput, latency percentiles and errors. See BENCHMARKS.md.
load: $(VENV)/.deps-run  ## load test (needs Debian's wrk)
	scripts/load.sh

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.deps-run: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.deps-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.deps-run

# Debian's chromium for tests/browser/ (Playwright never downloads a browser here). Where it
# cannot be installed, the recipe only warns and those tests skip, saying why.
$(CHROMIUM):
	@SUDO=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
	if command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  $$SUDO apt-get update -qq \
	  && $$SUDO env DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	fi; \
	[ -x $@ ] || echo "warning: no $@, so the browser tests will be skipped" >&2

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .coverage htmlcov staticfiles test-results
