"""Dagster assets for a spec: one asset per group of tables (the tables one request series
fills, engine/run/plan.py), partitioned by account (`[accounts.NAME]` in acx.toml, or one
"default" partition without them). Needs the `dagster` extra: `pip install acx[dagster]`.

    from dagster import Definitions
    from engine.integrations.dagster import acx_assets

    defs = Definitions(assets=acx_assets("specs/activecampaign.yaml",
                                         dest="duckdb:/data/ac_{account}.duckdb"))

The groups are one multi-asset that can be subset: materializing some assets of a partition is
one acx run of their tables for that account (groups concurrent behind the account's one rate
limiter), and each asset gets its own materialization with rows per table and in all, requests,
seconds and mode. A table that failed fails the run with acx's one-line error, after the groups
that loaded were materialized. See docs/orchestrate.md."""

# No `from __future__ import annotations`: Dagster reads the context's annotation at runtime.
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

try:
    import dagster as dg
    from dagster import AssetExecutionContext
except ImportError as err:  # an optional extra: say how to get it
    raise ImportError(
        'engine.integrations.dagster needs Dagster: pip install -e ".[dagster]"'
    ) from err

from engine.config.accounts import DEFAULT_ACCOUNT, read_accounts
from engine.orchestrate import AccountSync, TableSync, sync
from engine.run.plan import build_plan
from engine.spec import Spec, load_spec

__all__ = ["AssetGroup", "acx_assets", "asset_groups"]


@dataclass(frozen=True)
class AssetGroup:
    """One asset: a group of the spec's plan, named by its root table."""

    name: str  # the root table's key: the asset's name
    tables: tuple[str, ...]  # the tables it fills, root first; a template's as its shown name
    select: tuple[str, ...]  # what `acx run --tables` is given for it (a template by its key)
    needs: tuple[str, ...]  # the assets whose rows it reads (a per-parent endpoint's parent)
    mode: str  # the spec's mode for the root table
    endpoint: str | None

    def owns(self, table: TableSync) -> bool:
        """Whether a table of a run's result belongs to this asset."""
        return table.table in self.select or table.template in self.select


def asset_groups(spec: Spec) -> list[AssetGroup]:
    """The spec's groups in plan order; a template's tables join the group of the table they
    are found from (custom objects: custom_object_schemas)."""
    plan = build_plan(spec, None)
    owner = {key: g.root.key for g in plan.groups for key in g.keys}
    extra: dict[str, list[tuple[str, str]]] = {}
    for t in spec.templates:
        extra.setdefault(owner[t.per_row.of], []).append((t.key, t.shown_name))
    out = []
    for g in plan.groups:
        own = extra.get(g.root.key, [])
        out.append(
            AssetGroup(
                name=g.root.key,
                tables=(*g.keys, *(shown for _, shown in own)),
                select=(*g.keys, *(key for key, _ in own)),
                needs=tuple(dict.fromkeys(owner[s.key] for s in g.needs)),
                mode=g.mode,
                endpoint=g.root.endpoint,
            )
        )
    return out


def acx_assets(
    spec_path: str,
    *,
    dest: str | Mapping[str, str] = "duckdb:acx_{account}.duckdb",
    config_path: str | None = None,
    env: Mapping[str, str] | None = None,
    key_prefix: Sequence[str] = (),
    group_name: str = "activecampaign",
    name: str = "acx",
) -> list[dg.AssetsDefinition]:
    """The assets of `spec_path`, partitioned by the accounts of `config_path` (read now: the
    partitions are fixed when Dagster loads the definitions). `dest`: a destination per account,
    as engine.orchestrate.sync takes it (`{account}` is the partition's account); `env`: the
    environment runs read (default: the process's, when the run starts)."""
    spec = load_spec(spec_path)
    names = list(read_accounts(spec, config_path)) or [DEFAULT_ACCOUNT]
    groups = asset_groups(spec)
    prefix = list(key_prefix)
    key = {g.name: dg.AssetKey([*prefix, g.name]) for g in groups}
    specs = [
        dg.AssetSpec(
            key[g.name],
            deps=[key[n] for n in g.needs],
            description=f"GET {g.endpoint} ({g.mode}): fills {', '.join(g.tables)}",
            metadata={"acx/tables": list(g.tables), "acx/mode": g.mode},
            group_name=group_name,
            skippable=True,
        )
        for g in groups
    ]

    @dg.multi_asset(
        name=name,
        specs=specs,
        partitions_def=dg.StaticPartitionsDefinition(names),
        can_subset=True,
    )
    def _run(context: AssetExecutionContext) -> Iterator[dg.MaterializeResult]:
        chosen = [g for g in groups if key[g.name] in context.selected_asset_keys]
        account = context.partition_key
        result = sync(
            spec_path,
            dest=dest,
            tables=[t for g in chosen for t in g.select],
            accounts=[account],
            config_path=config_path,
            env=env,
        ).account(account)
        if result.error is not None:
            raise dg.Failure(description=f"account '{account}': {result.error}")
        failed = []
        for g in chosen:
            tables = [t for t in result.tables if g.owns(t)]
            broken = [t for t in tables if t.status != "ok"]
            if not tables:
                raise dg.Failure(description=f"account '{account}': acx ran no table of {g.name}")
            if broken:
                failed += broken
                continue
            yield dg.MaterializeResult(asset_key=key[g.name], metadata=_metadata(result, tables))
        if failed:
            lines = "; ".join(f"{t.table}: {t.status}: {t.error}" for t in failed)
            raise dg.Failure(description=f"account '{account}': {lines}")

    return [_run]


def _metadata(account: AccountSync, tables: list[TableSync]) -> dict[str, Any]:
    return {
        "account": account.name,
        "destination": account.dest,
        "rows": sum(t.rows for t in tables),
        "table_rows": dg.MetadataValue.json({t.table: t.rows for t in tables}),
        "requests": sum(t.requests for t in tables),
        "seconds": max((t.seconds for t in tables), default=0.0),
        "mode": tables[0].mode,  # the root table's, this run
        "run_id": account.run_id or "",
        "run_requests": account.requests,
    }
