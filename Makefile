# The two commands a newcomer runs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE := examples/binhai-zuzhibu-2024.txt

VENDOR := src/jixiao/web/static/vendor
ASSETS := $(VENDOR)/VERSIONS

.PHONY: assets wheel clean-mypyc demo test lint typecheck architecture unit postgres chromium libreoffice tesseract bench bench-review bench-scan bench-store bench-web golden fixtures docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,cluster]'
	touch $(STAMP)

# The web app's htmx and ECharts, from the npm registry (not committed, not fetched at run time).
$(ASSETS): scripts/vendor_assets.sh
	scripts/vendor_assets.sh

assets: $(ASSETS)

# A wheel with the vendored front-end files inside (pyproject.toml names them as artifacts).
wheel: $(STAMP) $(ASSETS)
	$(BIN)/pip wheel --quiet --no-deps -w dist .

# An earlier version compiled the review rules with mypyc beside their sources; such a build
# would shadow the sources, so it is removed (tests/review/test_sources.py checks).
clean-mypyc:
	rm -f src/*__mypyc.*.so src/jixiao/review/*.so src/jixiao/review/rules/*.so
	rm -f src/jixiao/review/_compiled.json

# Imports the example, prints its review, creates an admin and serves http://127.0.0.1:8000.
demo: $(STAMP) $(ASSETS) clean-mypyc
	$(BIN)/python scripts/demo.py

test: lint typecheck architecture unit

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: $(STAMP)
	$(BIN)/mypy

architecture: $(STAMP)
	$(BIN)/lint-imports

# one worker per core (pytest-xdist), an idle worker taking tests queued for the other (the
# synthetic shapes take minutes each); each test still sees its own databases and ports
unit: $(STAMP) $(ASSETS) clean-mypyc postgres chromium libreoffice
	$(BIN)/pytest -n auto --dist worksteal

# The browser tests drive Debian's chromium; install it in CI or as root when it is missing.
chromium:
	@if [ ! -x /usr/bin/chromium ] && { [ "$${CI:-}" = true ] || [ "$$(id -u)" = 0 ]; }; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	fi

# Debian's Tesseract with its simplified-Chinese model, only for bench-scan's comparison of OCR
# engines (jixiao reads scans with PP-OCRv4 from the rapidocr-onnxruntime wheel, a PyPI pin).
tesseract:
	@if ! command -v tesseract >/dev/null && { [ "$${CI:-}" = true ] || [ "$$(id -u)" = 0 ]; }; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y tesseract-ocr tesseract-ocr-chi-sim; \
	fi

# The .doc reader converts with LibreOffice (headless, Writer only); install it in CI or as root
# when missing. Users without it get a message saying to install it or to save as .docx.
libreoffice:
	@if ! command -v soffice >/dev/null && { [ "$${CI:-}" = true ] || [ "$$(id -u)" = 0 ]; }; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
			libreoffice-writer-nogui; \
	fi

# The store tests run against a real PostgreSQL server too; start it if it is down.
postgres:
	scripts/ensure_postgres.sh

bench: $(STAMP)
	$(BIN)/python bench/bench_ingest_text.py
	$(BIN)/python bench/bench_readers.py
	$(BIN)/python bench/bench_pdf.py
	$(BIN)/python bench/bench_corpus.py
	$(BIN)/python bench/bench_fuzz.py

# Scan reading: pages per second against the OCR engine's raw run, accuracy, and Tesseract.
bench-scan: $(STAMP) tesseract
	$(BIN)/python bench/bench_scan.py --tesseract

bench-review: $(STAMP) clean-mypyc
	$(BIN)/python bench/bench_review.py

# Imports 1,000,000 indicators into SQLite and PostgreSQL (minutes; not part of `make test`).
bench-store: $(STAMP) postgres
	$(BIN)/python bench/bench_store.py

# Latency and throughput of the table and search pages under 20 concurrent clients.
bench-web: $(STAMP) $(ASSETS)
	$(BIN)/python bench/bench_web.py

golden: $(STAMP)
	$(BIN)/python scripts/update_golden.py

fixtures: $(STAMP) libreoffice  # needs a CJK font for the PDF, e.g. apt-get install fonts-wqy-microhei
	$(BIN)/python scripts/make_fixtures.py

docs: $(STAMP)
	$(BIN)/python scripts/make_rules_doc.py

clean: clean-mypyc
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache .hypothesis
