# Two commands do everything: `make book` builds the course, `make test` runs every test.
# `make check` is the quick loop while editing: lint, format, types, layers and the fast unit tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
# npm tools the tests use (package.json): a SCORM runtime, the ADL schemas, JupyterHub's proxy.
NODE_STAMP := node_modules/.installed-$(shell cat package.json package-lock.json | cksum | cut -d' ' -f1)
# What `make check` leaves to `make test`: the built book, browsers, notebooks and slow tests.
FAST_TESTS := -m "not browser and not book and not notebook and not slow"

.PHONY: book downloads check test lab bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lab]'
	rm -f $(VENV)/.installed-*
	touch $@

book: $(STAMP)  ## Build the book into _build/html (notebooks run with an empty, temporary journal)
	@journal=$$(mktemp -d) && \
	VALUED_CONTRIBUTORS_DATA=$$journal $(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going; \
	status=$$?; rm -rf $$journal; exit $$status
	@echo "The book is ready: open file://$(CURDIR)/_build/html/index.html in a web browser."

downloads: book  ## Build the course's downloads into _build/downloads (see the README)
	$(BIN)/python -m valued_contributors.downloads

$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && \
	  rm -f node_modules/.installed-* && touch $@; \
	else echo "npm is not installed: the SCORM and JupyterHub tests will be skipped."; fi

check: $(STAMP)  ## Lint, format, types, layers and the fast unit tests (no browser or book)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m pytest tests $(FAST_TESTS) -q

test: $(STAMP) $(NODE_STAMP)  ## Run every test (browser tests need Debian's chromium)
	@if command -v npx >/dev/null 2>&1; then npx --no-install biome ci; else echo "npm is not installed: the browser scripts are not linted."; fi
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lab: $(STAMP)  ## Open the course in JupyterLab at notebooks/00_start_here.ipynb (outputs never saved)
	PATH="$(CURDIR)/$(BIN):$$PATH" \
	JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}" \
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" notebooks/00_start_here.ipynb

bench: $(STAMP)  ## Measure speed and memory beside peers; prints a table (see benchmarks/README.md)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf _build .jupyter_cache
