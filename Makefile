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
	$(BIN)/modellaw fmt --check provisions/
	$(BIN)/modellaw coverage --instrument tip
	$(BIN)/modellaw render --format html -o reports/model-law.html
	$(BIN)/modellaw render --format docx -o reports/model-law.docx
	$(BIN)/modellaw gap national_laws/ --format md --format html --format docx --format json -o reports/
	$(BIN)/modellaw matrix national_laws/ -o reports/
	$(BIN)/modellaw eval --corpus national_laws/
	@echo "Reports are in reports/: open reports/matrix.html or reports/<statute>.html"

test: $(STAMP)
	$(BIN)/ruff check modellaw tests benchmarks
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_gap.py

clean:
	rm -rf $(VENV)
