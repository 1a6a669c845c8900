# The two commands a new machine needs: `make serve` and `make test`. Each sets up what it needs.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build offline test lint bench bench-hooks bench-links bench-site browser clean

serve: $(STAMP)  ## Preview at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)  ## Write the publishable site to site/ (replaced only by a build that succeeds)
	rm -rf site.partial
	$(BIN)/mkdocs build --strict --clean --site-dir site.partial || { rm -rf site.partial; exit 1; }
	rm -rf site && mv site.partial site

test: $(STAMP) browser  ## The whole test suite, browser tests included
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/ruff format --check hooks tests scripts

offline: $(STAMP)  ## site-offline.zip: the site for reading from disk, with no network at all
	$(BIN)/python scripts/build_offline.py site-offline.zip

bench: bench-hooks bench-links bench-site  ## Benchmarks: they print medians

bench-hooks: $(STAMP)
	$(BIN)/python scripts/bench_hooks.py

bench-links: $(STAMP)
	$(BIN)/python scripts/bench_links.py

bench-site: $(STAMP) browser
	$(BIN)/python scripts/bench_site.py

browser:  ## Chromium for the browser tests (Debian's package; never a downloaded build)
	@scripts/ensure-chromium

$(STAMP): requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found: install Python 3.11 or run make PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

clean:
	rm -rf site site-offline site-offline.zip .pytest_cache .ruff_cache
