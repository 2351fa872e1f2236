"""A table's rows on their way from pages to the destination: raw values gathered per column,
then turned into typed, checked batches (keys usable, zone-less/offset pairs agreeing, cursors
not running into the future), numbered for the destination's dedupe, with what was learnt from
them (drift, distinct rows, the largest cursor)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from engine.errors import ApiError
from engine.load.sqlbuild import SEQ
from engine.load.state import as_utc_datetime, parse_iso
from engine.read.coerce import Coercer
from engine.read.drift import FieldTally
from engine.read.records import RowBuilder
from engine.read.split import ref_text
from engine.read.twins import TwinTally, check_twins, count_guesses
from engine.run.results import TableResult
from engine.spec import Spec, Stream

# A cursor value this far past the moment its read began is "in the future" (a contact with udate
# in 2999): beyond what a wrong zone (14 hours at most) or a server's clock explains. Such rows
# are loaded and counted in a warning. Whatever the rows say, the savepoint never passes the
# moment the read began: a later savepoint would put the next run's lower bound after changes
# that have not happened yet, and they would never be read.
FUTURE_SKEW = timedelta(days=1)
KEYS_KEPT = 100_000  # keys per table kept to count a key repeated across pages once


class StreamBuffer:
    """Rows of one stream waiting to be coerced and staged, and what was learnt from them."""

    def __init__(
        self,
        stream: Stream,
        tz: tzinfo,
        spec: Spec,
        keeps_parents: bool = False,
        referenced_columns: Sequence[int] = (),
    ) -> None:
        self.stream = stream
        self.keeps_parents = keeps_parents  # a {parent.*} endpoint iterates over its rows
        self.referenced_columns = list(referenced_columns)  # values another table keeps by
        self.columns: list[list[Any]] = [[] for _ in stream.columns]  # raw values, per column
        self.pending = 0  # rows in `columns`
        self.coercer = Coercer(stream.columns, tz)
        self.drift = FieldTally(stream, spec)
        self.twins = TwinTally()  # zone-less values against their offset twins
        self.cursor_name = (
            stream.column(stream.replication.cursor).name if stream.replication.cursor else None
        )
        self.max_cursor: datetime | None = None  # of the rows read, never past `ceiling`
        self.ceiling = datetime.now(timezone.utc)  # when the read began (see FUTURE_SKEW)
        self.future = 0  # rows whose cursor lies more than FUTURE_SKEW past `ceiling`
        self.staged = 0
        self.keys: list[pa.Table] = []  # key columns of staged batches, up to KEYS_KEPT rows
        self.counted = 0  # distinct rows of batches whose keys were let go
        self.seq = 0
        self.parents: list[dict[str, Any]] = []  # rows a {parent.*} endpoint will iterate over
        self.referenced: set[str] = set()  # values another table keeps its rows by
        self.failed: ApiError | None = None  # a fed table whose records stopped arriving
        self.before = 0  # distinct rows an interrupted run had read (engine/run/resume.py)

    def add(
        self,
        builder: RowBuilder,
        body: dict[str, Any],
        records: list[dict[str, Any]],
        parent: dict[str, Any] | None,
    ) -> None:
        """One page's records of this table, as raw values per column."""
        self.drift.observe(records)
        values = builder.columns(body, records, parent)
        for column, new in zip(self.columns, values, strict=True):
            column.extend(new)
        self.pending += len(records)
        if self.keeps_parents:
            self.parents.extend(builder.rows(body, records, parent))
        for index in self.referenced_columns:
            self.referenced.update(ref_text(v) for v in values[index] if v is not None)

    def take(
        self, zone: tzinfo, keep_from: datetime | None, url: str, tally: TableResult
    ) -> pa.Table | None:
        """The rows waiting, as a typed and checked batch numbered in `_acx_seq` order, ready to
        stage; None when none wait. `keep_from`: the lower bound to filter rows by on this side
        (an API without a server filter); `url`: where the rows came from, for messages."""
        if not self.pending:
            return None
        columns, self.columns, self.pending = self.columns, [[] for _ in self.columns], 0
        table = self.coercer.columns_to_arrow(columns)
        count_guesses(self.stream, table, columns, zone, self.twins)
        del columns
        tally.nulls.update(self.coercer.failures)
        self.coercer.failures.clear()
        for key, example in self.coercer.examples.items():
            tally.examples.setdefault(key, example)
        check_keys(self.stream, table, self.coercer.examples, url)
        table = check_twins(self.stream, table, zone, self.twins)
        if self.cursor_name is not None and table.num_rows:
            moment, future = cursor_top(table[self.cursor_name], self.ceiling)
            self.future += future
            if moment is not None and (self.max_cursor is None or moment > self.max_cursor):
                self.max_cursor = moment
            if keep_from is not None:
                table = keep_since(table, self.cursor_name, keep_from)
        seq = pa.array(range(self.seq, self.seq + table.num_rows), type=pa.int64())
        self.seq += table.num_rows
        self.staged += table.num_rows
        self.count_keys(table.select([self.stream.column(k).name for k in self.stream.primary_key]))
        return table.append_column(SEQ, seq)

    def restore(self, position: dict[str, Any]) -> None:
        """What an interrupted run had read of this table (its checkpoint's position)."""
        self.seq = int(position.get("seq") or 0)
        self.before = int(position.get("rows") or 0)
        self.future = int(position.get("future") or 0)
        self.max_cursor = parse_iso(position.get("max_cursor"))
        self.ceiling = parse_iso(position.get("ceiling")) or self.ceiling

    def count_keys(self, keys: pa.Table) -> None:
        """Remember a staged batch's keys, so that a key staged twice counts once. Past
        KEYS_KEPT rows (a large table, where memory matters more) each batch is counted on its
        own: a key repeated within a page still counts once, one repeated across pages of a
        large table twice (the table itself holds it once)."""
        if self.keys and sum(k.num_rows for k in self.keys) + keys.num_rows > KEYS_KEPT:
            self.counted += distinct_rows(self.keys)
            self.keys = []
        if keys.num_rows > KEYS_KEPT or self.counted:
            self.counted += distinct_rows([keys])
        else:
            self.keys.append(keys)

    def repeats(self, distinct: int) -> bool:
        """Whether the stage may hold a key twice, given `distinct` (this buffer's distinct
        rows): False only when every key this run staged was counted exactly and each once
        (no interrupted run's rows before them, no table too large to keep its keys)."""
        return bool(self.before or self.counted) or distinct != self.staged

    @property
    def distinct(self) -> int:
        """Distinct rows read, this run and the interrupted run it resumed."""
        return self.before + self.counted + distinct_rows(self.keys)


def check_keys(stream: Stream, table: pa.Table, examples: dict[str, str], url: str = "") -> None:
    """A row whose primary key is missing or could not be converted can be neither merged nor
    told apart: the table fails (keeping its last rows) rather than load it with a NULL key.
    `url`: where the rows came from, for the message."""
    for key in stream.primary_key:
        column = stream.column(key)
        missing = table[column.name].null_count
        if missing:
            sent = examples.get(key)
            why = f"the API sent {sent}, not {column.type}" if sent else "absent from the records"
            source = f"GET {url}: " if url else ""
            raise ApiError(
                f"table {stream.key}: {source}primary key {column.name} of {missing} row(s) is "
                f"unusable ({why})",
                "nothing of this table was loaded this run; check the key's field in the spec",
            )


def cursor_top(values: pa.ChunkedArray, ceiling: datetime) -> tuple[datetime | None, int]:
    """The largest cursor value of a batch, never past `ceiling`; and how many values lie more
    than FUTURE_SKEW past it. Compared in Arrow: a value past Python's year 9999 is fine."""
    top = pc.max(values)
    if not top.is_valid:
        return None, 0
    future = pc.sum(pc.greater(values, _cursor_scalar(values.type, ceiling + FUTURE_SKEW)))
    if pc.greater(top, _cursor_scalar(values.type, ceiling)).as_py():
        return ceiling, future.as_py() or 0
    return as_utc_datetime(top.as_py()), future.as_py() or 0


def _cursor_scalar(kind: pa.DataType, moment: datetime) -> pa.Scalar:
    """`moment` as a value of a cursor column's type (a UTC timestamp, aware or not, or a date)."""
    moment = moment.astimezone(timezone.utc)
    if pa.types.is_date32(kind):
        return pa.scalar(moment.date(), type=pa.date32())
    if kind.tz is None:  # a zone-less column holds UTC wall-clock time
        moment = moment.replace(tzinfo=None)
    return pa.scalar(moment, type=kind)


def distinct_rows(keys: list[pa.Table]) -> int:
    """Rows the destination holds of staged batches, which it dedupes on the primary key."""
    if not keys:
        return 0
    table = pa.concat_tables(keys)
    return table.group_by(table.column_names).aggregate([]).num_rows


def keep_since(table: pa.Table, column: str, since: datetime) -> pa.Table:
    """Client-side incremental filter: rows at or after `since`, and rows whose cursor is null."""
    values = table[column]
    moment = since.astimezone(timezone.utc)  # a UTC instant, as the column holds
    if pa.types.is_timestamp(values.type) and values.type.tz is None:
        moment = moment.replace(tzinfo=None)  # a zone-less column holds UTC wall-clock time
    bound = pa.scalar(moment, type=values.type if pa.types.is_timestamp(values.type) else None)
    if pa.types.is_date32(values.type):
        bound = pa.scalar(since.date(), type=pa.date32())
    mask = pc.or_kleene(pc.is_null(values), pc.greater_equal(values, bound))
    return table.filter(mask)
