.PHONY: help install test test-fast lint golden cassettes demo bench

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' Makefile | sed 's/:.*## /\t/'

install:  ## Install acx with its dev tools (editable)
	python -m pip install -e ".[dev]"

test: lint  ## Lint, then run the whole test suite, as CI does (see .ci/run for the database servers)
	python -m pytest

test-fast:  ## Run the tests not marked slow (no whole sandbox runs, crashes, hostile servers): < 1 min
	python -m pytest -m "not slow"

lint:  ## ruff lint + format check, mypy on engine/
	ruff check . && ruff format --check . && mypy

golden:  ## Rewrite golden files (DDL per dialect, data dictionary, rows per table); review the diff
	ACX_REFRESH_GOLDEN=1 python -m pytest tests/test_ddl.py tests/test_docsgen.py tests/test_run_cassette.py -k golden

cassettes:  ## Re-record the vcrpy cassettes from a fresh local sandbox
	ACX_RECORD_CASSETTES=1 python -m pytest tests -q -k cassette

demo:  ## Start the sandbox and load every table into acx.duckdb
	acx demo

bench:  ## Print the benchmark figures
	python bench/run.py
