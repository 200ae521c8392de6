# The two commands a newcomer runs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE := examples/binhai-zuzhibu-2024.txt

.PHONY: demo test lint typecheck architecture unit postgres bench bench-review bench-store golden fixtures docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/jixiao import $(EXAMPLE)
	$(BIN)/jixiao ls

test: lint typecheck architecture unit

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: $(STAMP)
	$(BIN)/mypy

architecture: $(STAMP)
	$(BIN)/lint-imports

unit: $(STAMP) postgres
	$(BIN)/pytest

# The store tests run against a real PostgreSQL server too; start it if it is down.
postgres:
	scripts/ensure_postgres.sh

bench: $(STAMP)
	$(BIN)/python bench/bench_ingest_text.py
	$(BIN)/python bench/bench_readers.py
	$(BIN)/python bench/bench_corpus.py

bench-review: $(STAMP)
	$(BIN)/python bench/bench_review.py

# Imports 1,000,000 indicators into SQLite and PostgreSQL (minutes; not part of `make test`).
bench-store: $(STAMP) postgres
	$(BIN)/python bench/bench_store.py

golden: $(STAMP)
	$(BIN)/python scripts/update_golden.py

fixtures: $(STAMP)  # needs a CJK font for the PDF, e.g. apt-get install fonts-wqy-microhei
	$(BIN)/python scripts/make_fixtures.py

docs: $(STAMP)
	$(BIN)/python scripts/make_rules_doc.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
