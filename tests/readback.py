"""How the tests read a destination back: through the format's own library where it has one
(deltalake, pyiceberg scans, a plain glob of a table's folder), else through acx's own
destination."""

from __future__ import annotations

from typing import Any

from tests.delta_read import DeltaQuery


def reader_for(dest: str, settings: Any) -> Any:
    """What tests read a destination back with: deltalake for `delta:`, pyiceberg scans for
    `iceberg:`, a plain glob of each table's folder for `parquet:` and `jsonl:`, else acx's
    own."""
    if dest.startswith(("parquet:", "jsonl:")):
        from tests.files_read import FilesQuery

        return FilesQuery(dest)
    if dest.startswith("delta:"):
        return DeltaQuery(dest)
    if dest.startswith("iceberg:"):
        from tests.iceberg_reader import IcebergReader

        return IcebergReader(dest.partition(":")[2], settings)
    from engine.load import make_destination

    return make_destination(dest, settings)
