"""`acx check`: before a first run, can this key read every table, and does the destination take
a connection? Asks the spec's check endpoint, connects to the destination and closes it, then
reads one row (limit=1, offset 0, the stream's own params) of every request series; a per-parent
endpoint is tried with the first row of its parent. One line per subject; nothing is loaded.

Requests go through the Client and rate limiter of a run: 4xx answers fail at once (no retry),
429 waits as the server says, connection failures get a few quick retries only."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

import jmespath
import requests

from engine.config.settings import Settings, load_settings, warning_lines
from engine.errors import AcxError, ApiError
from engine.http.client import Ask, Client, redact
from engine.http.ratelimit import RateLimiter
from engine.load import Destination, make_destination
from engine.read.account_zone import DEFAULT, decide, zone_name
from engine.read.paginators import make_paginator
from engine.read.records import RowBuilder
from engine.read.split import PageSplit
from engine.read.zone import Evidence
from engine.run.plan import Group, Plan, build_plan
from engine.spec import Spec, Stream, load_spec
from engine.spec.types import ZONED_TYPES

Echo = Callable[[str], None]
WORKERS = 4  # requests in flight; the rate limiter decides when each starts


@dataclass(frozen=True)
class Finding:
    subject: str  # "api", "destination" or a table key
    ok: bool | None  # None: not checked (nothing to try it with)
    text: str

    @property
    def line(self) -> str:
        return f"{self.subject}: {self.text}"


@dataclass
class Probe:
    """The one-row answer of a request series (or why there is none)."""

    body: dict[str, Any] | None = None
    records: list[dict[str, Any]] | None = None
    parent: dict[str, Any] | None = None  # the parent row a per-parent endpoint was tried with


def check_spec(
    spec_path: str,
    dest: str = "duckdb",
    config_path: str | None = None,
    tables: Iterable[str] = (),
    out: Echo = print,
    env: dict[str, str] | None = None,
    session: requests.Session | None = None,
    timezone: str | None = None,
    echo: Echo = print,
) -> int:
    """Print one line per check; 0 when all passed, 1 when any failed. Spec, config and
    destination settings are read first: their errors raise (exit 2) before any request.
    `timezone`: the --timezone flag; `echo` gets the settings' warnings."""
    spec = load_spec(spec_path)
    settings = load_settings(spec, config_path, env, timezone)
    for line in warning_lines(settings):
        echo(line)
    plan = build_plan(spec, settings, tables)
    destination = make_destination(dest, settings)
    client = check_client(spec, settings, session)
    failed = False
    for finding in run_checks(spec, plan, client, destination, settings):
        out(finding.line)
        failed = failed or finding.ok is False
    return 1 if failed else 0


def check_client(spec: Spec, settings: Settings, session: requests.Session | None = None) -> Client:
    """A run's Client and rate limiter, with quick retries: a check should answer in seconds."""
    quick = replace(spec.source.retry, max_attempts=3, backoff_seconds=0.5, max_backoff_seconds=4)
    source = replace(spec.source, retry=quick)
    limiter = RateLimiter(settings.requests_per_second, spec.source.burst)
    return Client(source, settings, limiter, session=session)


def run_checks(
    spec: Spec,
    plan: Plan,
    client: Client,
    destination: Destination,
    settings: Settings | None = None,
) -> Iterator[Finding]:
    api = check_api(spec, client)
    yield api
    yield check_destination(destination)
    if api.ok is not False:  # a refused key or an unreachable URL: every table would fail alike
        probes: dict[str, Probe | None] = {}
        yield from check_tables(spec, plan, client, probes)
        yield check_zone(spec, plan, client, probes, settings)


def check_api(spec: Spec, client: Client) -> Finding:
    endpoint = spec.source.check_endpoint
    if not endpoint:
        return Finding("api", None, "not checked (the spec has no source.check_endpoint)")
    url = redact(client.base + endpoint)
    try:
        client.get(endpoint, [], Ask("api"))
    except ApiError as err:
        return Finding("api", False, _api_problem(spec, err, url))
    return Finding("api", True, f"ok (GET {url})")


def check_destination(destination: Destination) -> Finding:
    try:
        destination.connect()
    except AcxError as err:
        return Finding("destination", False, str(err))
    destination.close()  # only a destination whose connect() returned is closed
    return Finding("destination", True, f"ok ({destination.describe()})")


def check_tables(
    spec: Spec, plan: Plan, client: Client, probes: dict[str, Probe | None]
) -> Iterator[Finding]:
    """One finding per request series, in plan order (a parent before its per-parent child);
    `probes` receives each root's answer (None when it failed)."""
    with ThreadPoolExecutor(WORKERS, thread_name_prefix="acx-check") as pool:
        futures: dict[str, Future[Probe]] = {
            g.root.key: pool.submit(_probe, client, g.root, g.root.endpoint or "", None)
            for g in plan.groups
            if g.fan_out is None
        }
        for group in plan.groups:
            if group.fan_out is None:
                finding, probes[group.root.key] = _settle(group, futures[group.root.key])
            else:
                finding, probes[group.root.key] = _per_parent(spec, plan, group, client, probes)
            yield finding


def check_zone(
    spec: Spec,
    plan: Plan,
    client: Client,
    probes: dict[str, Probe | None],
    settings: Settings | None,
) -> Finding:
    """The zone a run would read zone-less timestamps in, from the offsets in the rows read."""
    evidence = Evidence()
    for group in plan.groups:
        probe = probes.get(group.root.key)
        if probe is None or probe.body is None:
            continue
        for s in group.members:
            columns = [c.key for c in s.columns if c.type in ZONED_TYPES]
            for row in _rows_of(group, probe, s.key) if columns else []:
                evidence.add(s.key, [row.get(c) for c in columns])
    explicit = settings.timezone if settings else None
    origin = settings.timezone_origin if settings else None
    hint = spec.source.zone_hint

    def lookup() -> str | None:
        if hint is None:
            return None
        try:
            return zone_name(jmespath.search(hint.field, client.get(hint.endpoint, [], Ask("tz"))))
        except AcxError:
            return None

    _, report = decide(explicit, origin, evidence, None, lookup)
    text = report.line().removeprefix("time zone: ")
    if report.alternatives:
        text += f"; fits as well: {', '.join(report.alternatives)}"
    warnings = [w for w in report.warnings if "previous run" not in w]
    ok = None if report.origin == DEFAULT else not warnings
    return Finding("timezone", ok, "; ".join([text, *(f"warning: {w}" for w in warnings)]))


def _settle(group: Group, future: Future[Probe]) -> tuple[Finding, Probe | None]:
    try:
        probe = future.result()
    except AcxError as err:
        return _failed(group, err), None
    return Finding(group.root.key, True, "ok" + _also(group)), probe


def _per_parent(
    spec: Spec, plan: Plan, group: Group, client: Client, probes: dict[str, Probe | None]
) -> tuple[Finding, Probe | None]:
    assert group.fan_out is not None
    parent_key = group.fan_out.key
    feeder = next(g for g in plan.groups if parent_key in g.keys)
    probe = probes.get(feeder.root.key)
    if probe is None:
        reason = f"its parent table {parent_key} could not be read"
        return Finding(group.root.key, None, f"not checked ({reason})"), None
    rows = _rows_of(feeder, probe, parent_key)
    if not rows:
        reason = f"{parent_key} has no rows to read it through"
        return Finding(group.root.key, None, f"not checked ({reason})"), None
    path = group.root.path_for(rows[0])
    if path is None:
        reason = f"the first {parent_key} row lacks a value {group.root.endpoint} needs"
        return Finding(group.root.key, None, f"not checked ({reason})"), None
    try:
        found = _probe(client, group.root, path, rows[0])
    except AcxError as err:
        return _failed(group, err), None
    return Finding(group.root.key, True, f"ok (GET {path}){_also(group)}"), found


def _probe(client: Client, root: Stream, path: str, parent: dict[str, Any] | None) -> Probe:
    pager = make_paginator(root.paging, f"table {root.key}")
    params = [*root.params, *pager.probe_params()]  # the first page, one row long
    body = client.get(path, params, Ask(root.key, root.permission))
    records = RowBuilder(root).records(body, f"table {root.key}")
    return Probe(body, records, parent)


def _rows_of(group: Group, probe: Probe, key: str) -> list[dict[str, Any]]:
    """Rows of `key` (the root or a table it feeds) in the probe's response, as a run sees them."""
    assert probe.body is not None and probe.records is not None
    split = PageSplit(group.members)
    kept = split.split(probe.body, probe.records)
    parent = probe.parent if key == group.root.key else None
    return split.builders[key].rows(probe.body, kept.get(key, []), parent)


def _failed(group: Group, err: AcxError) -> Finding:
    root = group.root
    status = http_status(err)
    if status == 403:
        text = (
            f"403: the user's group lacks the '{root.permission}' permission"
            if root.permission
            else f"403: the key's user may not read {root.endpoint}"
        )
    elif status == 401:
        text = "401: the API key was refused"
    elif status == 404:
        text = f"404: {root.endpoint} not found (check the endpoint in the spec)"
    elif status is not None:
        text = f"{status}: {err.message}"
    else:
        text = err.message  # the hint of a failed run ("nothing was committed") does not fit
    return Finding(root.key, False, text + _also(group))


def _api_problem(spec: Spec, err: ApiError, url: str) -> str:
    status = http_status(err)
    key_env, url_env = spec.source.auth_env, spec.source.base_url_env
    if status in (401, 403):
        return f"{status}: the API key was refused ({url}): check {key_env}"
    if status == 404:
        return f"404: no API at {url}: check {url_env}"
    if status is not None:
        return f"{status}: {err.message}"
    reason = err.message.split("; last: ", 1)[-1]  # not the run's hint: nothing was loaded
    verb = "cannot reach" if err.unreachable else "cannot use"
    return f"{verb} {url}: {reason}: check {url_env}"


def http_status(err: AcxError) -> int | None:
    """The status of a request the API refused (a 4xx other than 429): not worth a retry."""
    return err.status if isinstance(err, ApiError) else None


def _also(group: Group) -> str:
    fed = group.keys[1:]
    return f" (also {', '.join(fed)})" if fed else ""
