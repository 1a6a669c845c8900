# The two commands a new machine needs: `make serve` and `make test`. Each sets up what it needs.

# The interpreter .venv is made with: PYTHON if given (make PYTHON=python3.13), else the first of
# PYTHONS on the PATH that runs a Python the pins support (3.11, from Debian 12's 3.11.2, to 3.13).
# A name that runs no such Python (a pyenv shim of a version not installed, say) is passed over.
PYTHON ?=
PYTHONS := python3.11 python3.12 python3.13 python3
SUPPORTED := (3, 11) <= sys.version_info[:2] <= (3, 13)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build offline edition publishable test lint bench bench-hooks bench-links bench-site browser requirements clean

serve: $(STAMP)  ## Preview at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:8000 --livereload  # problems show in the page; make build stays strict

# The publishable site names its address in every canonical link and in the sitemap (which Material's
# instant navigation reads), so it is built for one: SITE_URL, never a default such as localhost.
build: $(STAMP)  ## Write the publishable site for SITE_URL to site/ (replaced only by a build that succeeds)
	@[ -n "$(SITE_URL)" ] || { echo "error: make build needs the address the site will be published at, for its canonical links and sitemap:" >&2; \
	  echo "  make build SITE_URL=https://example.org/edm/   (to preview: make serve; to read from disk: make offline)" >&2; exit 1; }
	rm -rf site.partial
	SITE_URL='$(SITE_URL)' $(BIN)/mkdocs build --strict --clean --site-dir site.partial || { rm -rf site.partial; exit 1; }
	rm -rf site && mv site.partial site

test: $(STAMP) browser  ## The whole test suite, browser tests included
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/ruff format --check hooks tests scripts
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/ruff format --check hooks tests scripts

offline: $(STAMP)  ## site-offline.zip: the site for reading from disk, with no network at all
	$(BIN)/python scripts/build_offline.py site-offline.zip

# Another article: make edition TEXT=article.txt THEMES=themes.yml (see README, "Another article").
edition: $(STAMP)  ## Write a new edition, for the article TEXT split into THEMES, into the working tree
	@[ -n "$(TEXT)" ] && [ -n "$(THEMES)" ] || { echo "error: make edition TEXT=<article.txt> THEMES=<themes.yml>" >&2; exit 1; }
	$(BIN)/python scripts/edition.py '$(TEXT)' '$(THEMES)'

publishable: $(STAMP)  ## Fail while the edition has placeholders or stubs (the publishing workflow runs it)
	$(BIN)/python scripts/work_left.py

bench: bench-hooks bench-links bench-site  ## Benchmarks: they print medians

bench-hooks: $(STAMP)  ## The hooks' cost against plain builds, at 1, 100 and 500 pages and on one page of 10k and 25k citations
	$(BIN)/python scripts/bench_hooks.py

bench-links: $(STAMP)  ## What MkDocs' link validation costs of rendering the links the hooks write
	$(BIN)/python scripts/bench_links.py

bench-site: $(STAMP) browser  ## Lighthouse CI (lighthouserc.json), bytes per page and reload time, against plain Material
	$(BIN)/python scripts/bench_site.py

browser:  ## Chromium for the browser tests (Debian's package; never a downloaded build)
	@scripts/ensure-chromium

# Sets python to the interpreter to use (see PYTHON above), or stops saying what it found and what to do.
FIND_PYTHON = python=; \
	for candidate in $(or $(PYTHON),$(PYTHONS)); do \
	  if "$$candidate" -c 'import sys; sys.exit(not ($(SUPPORTED)))' 2>/dev/null; then python=$$(command -v "$$candidate"); break; fi; \
	done; \
	if [ -z "$$python" ]; then \
	  echo "error: no Python from 3.11 to 3.13 to set up $(VENV) with. Tried:" >&2; \
	  for candidate in $(or $(PYTHON),$(PYTHONS)); do \
	    echo "  $$candidate: $$("$$candidate" -c 'import platform, sys; print("Python", platform.python_version(), "at", sys.executable)' 2>/dev/null || echo "not found, or does not run")" >&2; \
	  done; \
	  echo "Install one (Debian 12: apt-get install python3 python3-venv) or name it: make PYTHON=/path/to/python3.12" >&2; \
	  exit 1; \
	fi
VERSION_OF = -c 'import platform; print(platform.python_version())'

# Installed from the hashed file only (--require-hashes): every package is the exact file pinned.
# An existing .venv is kept unless PYTHON names a Python of another minor version.
$(STAMP): requirements-dev-hashed.txt
	@if [ -z "$(PYTHON)" ] && $(BIN)/python -c 'import sys; sys.exit(not ($(SUPPORTED)))' 2>/dev/null; then \
	  echo "Updating $(VENV) (Python $$($(BIN)/python $(VERSION_OF)))"; \
	else \
	  $(FIND_PYTHON); \
	  version=$$("$$python" $(VERSION_OF)); \
	  if [ -x $(BIN)/python ] && [ "$$($(BIN)/python $(VERSION_OF) | cut -d. -f1,2)" != "$$(echo $$version | cut -d. -f1,2)" ]; then \
	    echo "error: $(VENV) holds Python $$($(BIN)/python $(VERSION_OF)), not $$version ($$python): remove it (rm -rf $(VENV)) and run make again" >&2; exit 1; \
	  fi; \
	  echo "Setting up $(VENV) with $$python (Python $$version)"; \
	  "$$python" -m venv $(VENV) || exit 1; \
	fi
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev-hashed.txt
	touch $@

# The hashed files, from the exact pins of requirements*.txt: uv, in a throwaway environment, takes
# every file of each pinned release from PyPI and records its hash, for every Python from 3.11 up.
# Run after changing a pin; the pins themselves are edited by hand. --system-certs: uv trusts what
# the system trusts (a proxy's certificate, say), not only its own list.
UV := uv==0.13.9
requirements:  ## Refresh requirements*-hashed.txt from requirements*.txt (reaches PyPI)
	@$(FIND_PYTHON); \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	"$$python" -m venv "$$tmp/venv" && "$$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check $(UV) || exit 1; \
	for pins in requirements requirements-dev; do \
	  echo "$$pins.txt -> $$pins-hashed.txt"; \
	  "$$tmp/venv/bin/uv" pip compile --quiet --system-certs --universal --python-version 3.11 --generate-hashes \
	    --custom-compile-command "make requirements" --output-file $$pins-hashed.txt $$pins.txt || exit 1; \
	done

clean:
	rm -rf site site-offline site-offline.zip .pytest_cache .ruff_cache
