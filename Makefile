# Two commands for a fresh machine: `make demo` and `make test` (README.md).
VENV   ?= .venv
PYTHON ?= python3
BIN     = $(VENV)/bin

$(BIN)/sukien: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

.PHONY: demo test bench clean
demo: $(BIN)/sukien
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/sukien ingest examples --db demo.db
	$(BIN)/sukien docs --db demo.db
	$(BIN)/sukien events --db demo.db

test: $(BIN)/sukien
	$(BIN)/python -m pytest -q

bench: $(BIN)/sukien
	$(BIN)/python bench/extraction.py

clean:
	rm -rf $(VENV) demo.db* .pytest_cache
