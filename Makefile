# Quick start: `make run` (the bot, or the REPL without TELEGRAM_BOT_TOKEN) and `make test`.
# Both create .venv and install what is missing; the stamp file is redone whenever
# pyproject.toml or requirements.txt change, so a stale venv repairs itself.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench eval clean

$(STAMP): pyproject.toml requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	@if [ -n "$$TELEGRAM_BOT_TOKEN" ]; then exec $(PY) -m bot run; else exec $(PY) -m bot repl; fi

test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy bot index
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy bot index

eval: $(STAMP)
	$(PY) -m bot eval

bench: $(STAMP)
	$(PY) benchmarks/startup.py
	$(PY) benchmarks/choose_bm25.py

clean:
	rm -rf $(VENV) build *.egg-info data/index-cache
