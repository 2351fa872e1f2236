"""``Sandbox``: the Python API for tests, the demo and benchmarks."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

from . import api
from .config import ALL_FAULTS, DataConfig, ServerConfig
from .custom_objects import change
from .faults import FaultPlan
from .mutate import Amount, mutate
from .ratelimit import RateLimiter
from .server import Runtime, SandboxServer
from .stats import Stats
from .world import World


class Sandbox:
    """A local ActiveCampaign-API-v3-compatible server with deterministic synthetic data.

    >>> with Sandbox(contacts=200, api_key="k", rate_limit=0) as sb:
    ...     sb.url  # "http://127.0.0.1:NNNN"; the API is under sb.url + "/api/3"
    """

    def __init__(
        self,
        contacts: int = 2000,
        api_key: str = "sandbox-key",
        rate_limit: float = 5.0,
        latency_ms: float = 0.0,
        fault_rate: float = 0.0,
        faults: Sequence[str] | str = ALL_FAULTS,
        seed: int = 42,
        port: int = 0,
        now: str = DataConfig.now,
        timezone: str = DataConfig.timezone,
        account: str = DataConfig.account,
        user_timezone: str = DataConfig.user_timezone,
        legacy_names: bool = False,
        ignore_include: bool = False,
    ) -> None:
        kinds = (
            tuple(k.strip() for k in faults.split(",") if k.strip())
            if isinstance(faults, str)
            else tuple(faults)
        )
        self.data_config = DataConfig(
            seed=seed,
            contacts=contacts,
            now=now,
            timezone=timezone,
            account=account,
            user_timezone=user_timezone,
            legacy_names=legacy_names,
        )
        self.server_config = ServerConfig(
            api_key=api_key,
            port=port,
            rate_limit=rate_limit,
            latency_ms=latency_ms,
            fault_rate=fault_rate,
            faults=kinds,
            ignore_include=ignore_include,
        )
        self.world = World(self.data_config)
        self.runtime = Runtime(
            world=self.world,
            config=self.server_config,
            limiter=RateLimiter(rate_limit),
            faults=FaultPlan(seed, fault_rate, kinds),
            stats=Stats(),
            ignore_include=ignore_include,
        )
        self._server: SandboxServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ------------------------------------------------------------------------------
    def bind(self) -> Sandbox:
        """Open the listening socket (so ``url`` is known) without serving yet."""
        if self._server is None:
            self._server = SandboxServer(self.runtime)
        return self

    def start(self) -> Sandbox:
        """Bind and serve in a background thread; returns self."""
        if self._thread is None:
            server = self.bind()._server
            assert server is not None
            self._thread = threading.Thread(
                target=server.serve_forever, args=(0.1,), name="acx-sandbox", daemon=True
            )
            self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Bind and serve in the calling thread (the CLI); returns after ``stop``/Ctrl-C."""
        server = self.bind()._server
        assert server is not None
        try:
            server.serve_forever()
        finally:
            server.server_close()
            self._server = None

    def stop(self) -> None:
        if self._thread is not None and self._server is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
        self._thread = None
        if self._server is not None:
            self._server.server_close()
            self._server = None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the sandbox is not started")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """Base URL without ``/api/3`` (as the user copies it from Settings > Developer)."""
        return f"http://{self.server_config.host}:{self.port}"

    @property
    def api_url(self) -> str:
        return self.url + api.API_PREFIX

    # -- helpers that need no HTTP --------------------------------------------------------------
    @property
    def clock(self) -> datetime:
        """The sandbox clock (UTC); mutations happen at this time."""
        return datetime.fromtimestamp(self.world.clock, timezone.utc)

    @property
    def now(self) -> datetime:
        """The fixed "now": generated data lies in [now - 730 days, now - 1 day)."""
        return datetime.fromtimestamp(self.world.now, timezone.utc)

    def mutate(
        self,
        table: str,
        update: Amount = 0,
        create: int = 0,
        delete: Amount = 0,
        restore: Sequence[int] = (),
    ) -> dict[str, Any]:
        """Update/create/delete/restore records; see ``mutate.mutate``."""
        return mutate(self.world, table, update, create, delete, restore)

    @property
    def custom_objects_enabled(self) -> bool:
        """False: the account's plan has no custom objects (their routes answer 403)."""
        return self.world.custom_objects.enabled

    @custom_objects_enabled.setter
    def custom_objects_enabled(self, value: bool) -> None:
        self.world.custom_objects.enabled = bool(value)

    def add_custom_field(self, schema: str, field_id: str, kind: str, label: str) -> None:
        """Add a field to a custom object schema (by slug); its records get values."""
        with self.world.lock:
            self.world.custom_objects.add_field(schema, field_id, kind, label)

    def add_custom_schema(
        self, slug: str, singular: str, plural: str, fields: Sequence[dict[str, str]] = ()
    ) -> None:
        """Define a custom object schema with `fields` ({"id", "type", "label"}) and 3 records."""
        body = {"add_schema": {"slug": slug, "singular": singular, "plural": plural}}
        body["add_schema"]["fields"] = list(fields)  # type: ignore[assignment]
        with self.world.lock:
            change(self.world.custom_objects, body)

    @property
    def ignore_include(self) -> bool:
        """Whether the server drops ``include=`` (a fault mode; settable while serving)."""
        return self.runtime.ignore_include

    @ignore_include.setter
    def ignore_include(self, value: bool) -> None:
        self.runtime.ignore_include = bool(value)

    def stats(self) -> dict[str, Any]:
        return self.runtime.stats.snapshot()

    def reset_stats(self) -> None:
        self.runtime.stats.reset()

    def expected(self, table: str, **params: str) -> list[dict[str, Any]]:
        """Every record of a collection as the API returns it (ascending id)."""
        with self.world.lock:
            return api.expected(self.world, table, params)

    @staticmethod
    def tables() -> list[str]:
        return api.expected_tables()
