# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint data bench installer installer-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/exponav gui

test: $(STAMP)
	$(BIN)/ruff check app tests tools
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

data: $(STAMP)
	$(BIN)/exponav build-data

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/exponav bench

clean:
	rm -rf build dist $(VENV)
