"""Several accounts in one destination: where each account's tables go (the `layout` of acx.toml's
`[load]`, or `acx run --layout`).

- `schema`: each account into its own schema of the destination (a DuckDB schema in the same
  file, a Postgres or Snowflake schema, a subfolder of a Parquet/JSONL folder), named by
  `[accounts.NAME] schema` (default: the account's name).
- `shared`: one set of tables for every account, with an `_acx_account` column in every table and
  first in every primary key. The column is a pure transform of the spec's streams
  (`shared_spec`): a column whose field is the account's name as a JMESPath literal, so every row
  read carries it like any other field, and a merge matches on the key with the account in it. A
  destination told `Placement.share` keeps the rest apart: its replaces delete the account's rows
  only, its staging tables and its `_acx_state`/`_acx_runs` rows are the account's own
  (`state_key`: `ACCOUNT/TABLE`).

The default account (no `[accounts]` in acx.toml) of a destination named without `{account}`
loads the destination's own schema under `schema` (there is no other account to keep apart)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import jmespath
from sqlglot import exp

from engine.config.accounts import DEFAULT_LAYOUT, LAYOUTS, Account, Layout, layout_of
from engine.errors import ConfigError, LoadError
from engine.load import sqlbuild
from engine.spec import Column, Spec, Stream

ACCOUNT_COLUMN = "_acx_account"
ACCOUNT_PLACEHOLDER = "{account}"  # in a destination: the account's name
STATE_SEPARATOR = "/"  # `_acx_state.stream` of a shared table: ACCOUNT/TABLE

__all__ = [
    "ACCOUNT_COLUMN",
    "ACCOUNT_PLACEHOLDER",
    "DEFAULT_LAYOUT",
    "LAYOUTS",
    "Layout",
    "Placement",
    "destination_of",
    "layout_of",
    "placement_of",
    "shared_spec",
    "shared_stream",
]


@dataclass(frozen=True)
class Placement:
    """Where one account's tables go in a destination other accounts may load too."""

    account: str
    layout: Layout
    schema: str | None = None  # layout schema: the account's schema (None: the destination's)

    @property
    def share(self) -> str | None:
        """The account's name when its rows sit among other accounts' (layout shared)."""
        return self.account if self.layout == "shared" else None

    def spec(self, spec: Spec) -> Spec:
        """The spec as this account's run loads it: with the account column when shared."""
        return shared_spec(spec, self.account) if self.layout == "shared" else spec

    def describe(self) -> str:
        if self.layout == "shared":
            return f"shared tables, {ACCOUNT_COLUMN} = '{self.account}'"
        return f"schema {self.schema}" if self.schema else "the destination's schema"


def account_column(account: str) -> Column:
    """The `_acx_account` column of a shared table: every row of `account`'s run holds its name."""
    field = "'" + account.replace("\\", "\\\\").replace("'", "\\'") + "'"  # a JMESPath literal
    return Column(
        key=ACCOUNT_COLUMN,
        name=ACCOUNT_COLUMN,
        type="text",
        description="The account (`[accounts.NAME]` of acx.toml) the row was read from; first "
        "in the primary key, so accounts' rows never mix.",
        field=field,
        expr=jmespath.compile(field),
    )


def shared_stream(stream: Stream, account: str) -> Stream:
    """The stream as a shared table holds it: the account column first, and first in the key."""
    if any(c.key == ACCOUNT_COLUMN for c in stream.columns):
        return stream
    return replace(
        stream,
        columns=(account_column(account), *stream.columns),
        primary_key=(ACCOUNT_COLUMN, *stream.primary_key),
    )


def shared_spec(spec: Spec, account: str) -> Spec:
    """Every stream and template of the spec as shared tables hold them."""
    streams = tuple(shared_stream(s, account) for s in spec.streams)
    templates = tuple(replace(t, stream=shared_stream(t.stream, account)) for t in spec.templates)
    return replace(spec, streams=streams, templates=templates)


def mine(account: str | None, table: str | None = None) -> exp.Condition | None:
    """`_acx_account = 'NAME'`: the rows of a shared table that are the account's; None when the
    destination's tables are not shared."""
    if account is None:
        return None
    return exp.EQ(this=sqlbuild.col(ACCOUNT_COLUMN, table), expression=exp.Literal.string(account))


def state_key(account: str | None, key: str) -> str:
    """A table's key in `_acx_state`/`_acx_runs`: `ACCOUNT/TABLE` in shared tables."""
    return key if account is None else f"{account}{STATE_SEPARATOR}{key}"


def own_key(account: str | None, stored: str) -> str | None:
    """The table key of a stored state key when it is the account's (or unshared), else None."""
    if account is None:
        return stored
    prefix = account + STATE_SEPARATOR
    return stored[len(prefix) :] if stored.startswith(prefix) else None


def check_table(where: str, stream: Stream, existing: Iterable[str]) -> None:
    """A table holds one account's rows or shared rows, never both: a run of the other layout
    into it is refused before anything changes."""
    has = any(name.lower() == ACCOUNT_COLUMN for name in existing)
    shared = any(c.key == ACCOUNT_COLUMN for c in stream.columns)
    if has and not shared:
        raise LoadError(
            f"{where}: table {stream.name} holds several accounts' rows ({ACCOUNT_COLUMN}); "
            "only a run with layout shared loads it",
            'run with --layout shared ([load] layout = "shared" in acx.toml), or load another '
            "schema",
        )
    if shared and not has:
        raise LoadError(
            f"{where}: table {stream.name} holds one account's rows (no {ACCOUNT_COLUMN} "
            "column); layout shared cannot add accounts to it",
            "load the shared tables into another schema or database, or use layout schema",
        )


def stage_suffix(account: str | None) -> str:
    """Staging tables of shared tables are per account: two accounts stage `contacts` at once."""
    return "" if account is None else f"__{account}"


def placement_of(account: Account, dest: str | Mapping[str, str], layout: Layout) -> Placement:
    """Where `account`'s tables go in its destination: its own schema when accounts share it
    (the default account of a file without [accounts] keeps the destination's schema), or its
    rows in shared tables. A destination of its own (`{account}`, a mapping) keeps its schema."""
    own = isinstance(dest, Mapping) or ACCOUNT_PLACEHOLDER in dest
    schema = None if own or account.url_env is None else account.schema_name
    return Placement(account.name, layout, schema)


def destination_of(dest: str | Mapping[str, str], account: str, accounts: int = 1) -> str:
    """The destination of `account`: `dest` with `{account}` filled, or its entry in a
    mapping; else `dest` itself, which the accounts share by their layout."""
    if isinstance(dest, Mapping):
        if account not in dest:
            raise ConfigError(
                f"account '{account}' has no destination",
                f"add it to the dest mapping (given: {', '.join(dest) or 'none'})",
            )
        return dest[account]
    return dest.replace(ACCOUNT_PLACEHOLDER, account)
