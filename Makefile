# One entry for every routine task; README and CI call these same targets. `make help` lists them.
VENV   ?= .venv
PYTHON ?= python3
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SERVE_STAMP := $(VENV)/.serve-installed
PORT   ?= 8000
# mkdocs or properdocs (the fork of MkDocs 1.6; installed by `make setup`): both build the same site.
BUILDER ?= mkdocs
# MkDocs 1.6 prints a notice about a future MkDocs 2 on every build; it says nothing about this site.
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help setup serve-setup serve build validate freshness lint zizmor pytest test bench profile clean browsers issue-form

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

# Serving needs only the site's own dependencies (requirements-serve.lock): less than half of what the
# test toolchain adds. `make test` installs the rest into the same .venv.
$(SERVE_STAMP): pyproject.toml requirements-serve.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-serve.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

setup: $(STAMP)  ## create .venv with every pinned dependency (site and tests)

serve-setup: $(SERVE_STAMP)  ## create .venv with the site's dependencies only (serve, build, validate, freshness)

serve: $(SERVE_STAMP)  ## serve the site with live reload on http://127.0.0.1:8000 (PORT=8001 for another port)
	$(VENV)/bin/$(BUILDER) serve -f mkdocs.yml -a 127.0.0.1:$(PORT)

build: setup  ## build the site strictly into site/, with its search index
	$(VENV)/bin/$(BUILDER) build --strict -f mkdocs.yml
	$(PY) scripts/search_index.py site

validate: setup  ## validate the records (DIR=... for another folder)
	$(PY) scripts/validate.py $(DIR)

freshness: $(SERVE_STAMP)  ## list what editors should check again: old confirmations, sources, contacts (DIR=...)
	$(PY) scripts/freshness.py $(DIR)

issue-form: setup  ## regenerate .github/ISSUE_TEMPLATE/nieuwe-praktijk.yml from the models and records
	$(PY) scripts/issue_form.py

lint: setup browsers  ## ruff, mypy, and the workflows: actionlint (with shellcheck) and zizmor
	$(VENV)/bin/ruff check macros scripts tests
	$(VENV)/bin/ruff format --check macros scripts tests
	$(VENV)/bin/mypy
	$(VENV)/bin/actionlint -shellcheck /usr/bin/shellcheck .github/workflows/*.yml
	$(MAKE) zizmor

zizmor: setup  ## audit the GitHub workflows for security problems (offline, reports nothing when clean)
	$(VENV)/bin/zizmor --offline .github/

# Debian's chromium drives the browser tests, and shellcheck lets actionlint check the shell of every
# workflow step; each is installed only when missing, as root or through sudo.
# APT_ARCHIVES=DIR keeps the downloaded .deb files in DIR, and installs from it what is already there
# (CI caches that folder between runs).
APT_ARCHIVES ?=
DEBIAN_TOOLS := /usr/bin/chromium:chromium /usr/bin/shellcheck:shellcheck
browsers:  ## install Debian's chromium (browser tests) and shellcheck (workflow lint) when missing (root or sudo)
	@MISSING=; for tool in $(DEBIAN_TOOLS); do [ -x "$${tool%%:*}" ] || MISSING="$$MISSING $${tool##*:}"; done; \
	if [ -z "$$MISSING" ]; then echo "chromium: $$(/usr/bin/chromium --version 2>/dev/null); $$(/usr/bin/shellcheck --version | sed -n 2p)"; else \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO="sudo -n"; fi; \
	  ARCHIVES=; if [ -n "$(APT_ARCHIVES)" ]; then mkdir -p "$(APT_ARCHIVES)/partial" && \
	    ARCHIVES="-o Dir::Cache::Archives=$(abspath $(APT_ARCHIVES))/"; fi; \
	  $$SUDO apt-get update && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$ARCHIVES $$MISSING; fi

# The browser tests fail (never skip) when chromium is missing, so `browsers` comes first.
test: setup browsers  ## everything CI runs: validate, lint, all tests (with the browser tests)
	$(MAKE) validate
	$(MAKE) lint
	$(MAKE) pytest

# KB_TEST_SITE=DIR: the tests check the site already built in DIR (`make build`) instead of building
# the shipped site once more; the pull-request workflow builds it in a step of its own.
# The tests run in two pytest-xdist workers, one per core, which share each built site (tests/conftest.py);
# WORKERS=0 runs them in one process (slower: README, "Tests"), WORKERS=4 in four.
WORKERS ?= 2
pytest: setup browsers  ## every test (unit, golden pages, site builds, link check, browser), no validate or lint
	$(PY) -m pytest -n $(WORKERS)

bench: setup browsers  ## benchmark 300, 1,000 and 3,000 demo practices against a bare Material site (~6-12 min)
	$(PY) scripts/bench.py

PRACTICES ?= 1000
profile: setup  ## where a whole mkdocs build spends its time, by stage (PRACTICES=3000 for another size)
	$(PY) scripts/profile_build.py --practices $(PRACTICES)

clean:  ## remove build output
	rm -rf site build bench-output
