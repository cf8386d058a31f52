# Two commands set everything up: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/modellaw check provisions/
	$(BIN)/modellaw coverage
	$(BIN)/modellaw gap national_laws/ --format md --format html --format docx --format json -o reports/
	$(BIN)/modellaw matrix national_laws/ -o reports/

test: $(STAMP)
	$(BIN)/ruff check modellaw tests benchmarks
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_gap.py

clean:
	rm -rf $(VENV)
