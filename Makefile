# `make` alone lists the targets. Quick start: `make run` (the bot, or the REPL without
# TELEGRAM_BOT_TOKEN) and `make test`. Each checks $(PYTHON) first (3.11 or newer, or one line
# and exit 2), makes .venv anew when it is missing or was made by another Python, and installs
# what is missing or older than its list: `run` only requirements.txt and the project, `test`
# also the pinned development tools of requirements-dev.txt.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --quiet --disable-pip-version-check
VERSION_OF = -c 'import sys; print("%d.%d" % sys.version_info[:2])'

.DEFAULT_GOAL := help
.PHONY: help run test soak lint eval bench clean FORCE

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z]+:.*## / {printf "  make %-6s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

run: $(VENV)/.installed-run ## the Telegram bot if TELEGRAM_BOT_TOKEN is set, else the REPL
	@if [ -n "$$TELEGRAM_BOT_TOKEN" ]; then exec $(PY) -m bot run; else exec $(PY) -m bot repl; fi

test: $(VENV)/.installed-dev ## ruff, mypy and the whole test suite (what CI runs)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy bot index
	$(PY) -m pytest -q

N ?= 20
soak: $(VENV)/.installed-dev ## the test suite N times in a row (N=20), stopping at the first failure
	@for i in $$(seq 1 $(N)); do \
	  echo "== run $$i of $(N)"; \
	  $(PY) -m pytest -q || { echo "soak: run $$i of $(N) failed" >&2; exit 1; }; \
	done; echo "soak: $(N) runs in a row passed"

lint: $(VENV)/.installed-dev ## ruff and mypy only
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy bot index

eval: $(VENV)/.installed-run ## score the answers on the corpus's evaluation questions
	$(PY) -m bot eval

bench: $(VENV)/.installed-run ## start-up time, time per question and memory (benchmarks/startup.py)
	$(PY) benchmarks/startup.py

clean: ## remove .venv, build files and the index cache
	rm -rf $(VENV) build *.egg-info data/index-cache

# Expanded only when a target needs the venv, so `make help` works with any Python.
FOUND = $(shell $(PYTHON) $(VERSION_OF) 2>/dev/null)
NEWER = $(shell $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && echo yes)

# Holds the venv's Python version; rewritten (so every install below is redone) only when
# the venv is made anew.
$(VENV)/.python: FORCE
	$(if $(NEWER),,$(error berita-bot needs Python 3.11 or newer, found \
	  $(or $(FOUND),none) at $(PYTHON): run `make $(or $(MAKECMDGOALS),run) PYTHON=python3.11` or put 3.11 first on PATH))
	@have=$$($(PY) $(VERSION_OF) 2>/dev/null); \
	if [ "$$have" != "$(FOUND)" ]; then \
	  if [ -n "$$have" ]; then echo "$(VENV) was made by Python $$have, not $(FOUND): making it anew" >&2; fi; \
	  rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); \
	fi; \
	[ "$$(cat $@ 2>/dev/null)" = "$(FOUND)" ] || echo "$(FOUND)" > $@

$(VENV)/.installed-run: $(VENV)/.python requirements.txt pyproject.toml
	@echo "installing requirements.txt and the project into $(VENV)" >&2
	@$(PIP) -r requirements.txt -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed-run requirements-dev.txt
	@echo "installing the development tools of requirements-dev.txt into $(VENV)" >&2
	@$(PIP) -r requirements-dev.txt
	@touch $@
