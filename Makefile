# Two commands for a newcomer: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test serve seed lint format check clean

run: $(VENV)/.deps-run seed  ## install, migrate, import seeds/, serve on http://127.0.0.1:8000
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.deps-dev  ## install, then run the whole test suite
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

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.deps-run: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.deps-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.deps-run

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .coverage htmlcov staticfiles
