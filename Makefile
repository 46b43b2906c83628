# One entry for every routine task; README and CI call these same targets. `make help` lists them.
VENV   ?= .venv
PYTHON ?= python3
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help setup serve build validate lint test bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

setup: $(STAMP)  ## create .venv with the pinned dependencies

serve: setup  ## build the site and serve it on http://127.0.0.1:8000 with live reload
	$(VENV)/bin/mkdocs serve

build: setup  ## build the site strictly into site/
	$(VENV)/bin/mkdocs build --strict

validate: setup  ## validate the records (DIR=... for another folder)
	$(PY) scripts/validate.py $(DIR)

lint: setup  ## ruff and mypy
	$(VENV)/bin/ruff check macros scripts tests
	$(VENV)/bin/ruff format --check macros scripts tests
	$(VENV)/bin/mypy

test: setup  ## everything CI runs: validate, lint, all tests
	$(PY) scripts/validate.py
	$(MAKE) lint
	$(PY) -m pytest

clean:  ## remove build output and generated pages
	rm -rf site build bench-output
	$(PY) scripts/build_pages.py --clean 2>/dev/null || true
