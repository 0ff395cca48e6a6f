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

# -- Shipping: the PyInstaller one-folder build and the wheel ------------------------------
# `make installer` builds dist/exponav/exponav from build_installer.spec in its own venv
# (build/venv: the project's dependencies, PyInstaller and PySide6-Addons, nothing else, so
# that no test or tool package ends up in the bundle). `make installer-test` runs the
# bundle's selftest with an empty environment and checks its size; `make wheel-test`
# installs the wheel into a fresh venv and runs its selftest. Reports: build/*-report.txt.
BUILD_VENV := build/venv
BUILD_STAMP := $(BUILD_VENV)/.installed

.PHONY: wheel-test

$(BUILD_STAMP): pyproject.toml
	$(PYTHON) -m venv $(BUILD_VENV)
	$(BUILD_VENV)/bin/python -m pip install -q --upgrade pip
	$(BUILD_VENV)/bin/python -m pip install -q -e '.[build]'
	touch $(BUILD_STAMP)

installer: $(BUILD_STAMP)
	$(BUILD_VENV)/bin/python -m PyInstaller --noconfirm --log-level WARN \
		--distpath dist --workpath build/pyinstaller build_installer.spec

installer-test: installer $(STAMP)
	EXPONAV_BUNDLE=dist/exponav $(BIN)/python -m pytest -q -m slow tests/test_packaging.py -k bundle
	@cat build/installer-report.txt

wheel-test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m slow tests/test_packaging.py -k wheel
	@cat build/wheel-report.txt
