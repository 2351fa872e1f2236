"""Golden files: a missing one fails its test (only `make golden` writes one), and a stored one is
the expectation, never overwritten by what the code makes now."""

from __future__ import annotations

import pytest

from tests.runhelp import golden, golden_text


def test_a_missing_golden_file_fails_and_is_not_written(tmp_path):
    path = tmp_path / "ddl" / "duckdb.sql"
    with pytest.raises(pytest.fail.Exception, match=r"duckdb\.sql is missing: run `make golden`"):
        golden_text(path, "CREATE TABLE t (id INT);\n", refresh=False)
    assert not path.exists()


def test_a_missing_golden_json_file_fails_and_is_not_written(tmp_path):
    path = tmp_path / "rows" / "contacts.json"
    with pytest.raises(pytest.fail.Exception, match="missing"):
        golden(path, [{"id": 1}], refresh=False)
    assert not path.exists()


def test_a_stored_golden_file_is_the_expectation_not_what_the_code_made(tmp_path):
    path = tmp_path / "duckdb.sql"
    path.write_text("CREATE TABLE t (id INT);\n")
    assert golden_text(path, "CREATE TABLE t (id TEXT);\n", refresh=False) == (
        "CREATE TABLE t (id INT);\n"
    )
    assert path.read_text() == "CREATE TABLE t (id INT);\n"


def test_refresh_writes_the_file_and_its_folder(tmp_path):
    path = tmp_path / "docs" / "dictionary.md"
    assert golden_text(path, "# tables\n", refresh=True) == "# tables\n"
    assert golden_text(path, "# changed\n", refresh=False) == "# tables\n"


def test_refresh_stores_json_sorted_and_reads_it_back(tmp_path):
    path = tmp_path / "contacts.json"
    value = [{"name": "Zoë", "id": 1}]
    assert golden(path, value, refresh=True) == value
    assert path.read_text() == '[\n {\n  "id": 1,\n  "name": "Zoë"\n }\n]\n'
    assert golden(path, [{"id": 2}], refresh=False) == value
