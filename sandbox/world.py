"""The synthetic account: generators and stores for every table, the clock and the lock."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from .config import DataConfig, Sizes
from .custom_objects import CustomObjects
from .encode import encode, encode_string
from .store import TableStore
from .timefmt import TimeFormat, parse_instant

if TYPE_CHECKING:
    from .gen.base import Gen

DAY = 86400
HISTORY_DAYS = 730
ZERO_DATES_UNTIL = 1609459200  # 2021-01-01T00:00:00Z: live records created before carry zero dates
CACHE_SIZE = 64
T = TypeVar("T")


class World:
    """All tables of one synthetic account.

    Generated records are created and updated in [now - 730 days, now - 1 day); mutations
    happen at the sandbox clock, which starts at ``now`` and advances on every mutation, so
    mutated records are always strictly newer (and on a later local date) than generated ones.
    """

    sizes: Sizes
    fmt: TimeFormat
    gens: dict[str, Gen]
    stores: dict[str, TableStore]

    def __init__(self, config: DataConfig) -> None:
        from .gen import GENERATORS

        self.config = config
        self.seed = config.seed
        self.sizes = Sizes.for_contacts(config.contacts)
        self.fmt = TimeFormat(config.timezone)
        self.now = parse_instant(config.now)
        self.start = self.now - HISTORY_DAYS * DAY
        self.end = self.now - DAY
        self.clock = self.now
        # Records created before this instant carry MySQL zero dates where newer ones carry
        # null (real-responses.md, "Time": "before about 2021"). When 2021 lies outside the
        # history, the first third of it stands in, so that both styles appear.
        inside = self.start < ZERO_DATES_UNTIL < self.end
        self.zero_dates_until = (
            ZERO_DATES_UNTIL if inside else self.start + (self.end - self.start) // 3
        )
        self.mutations = 0
        self.lock = threading.RLock()
        self._cache: OrderedDict[Any, Any] = OrderedDict()
        self.link_base = f"https://{config.account}.api-us1.com/api/3"
        self._link_templates: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        self.gens = {}
        for factory in GENERATORS:
            gen = factory(self)
            self.gens[gen.name] = gen
        self.stores = {name: TableStore(gen) for name, gen in self.gens.items()}
        self._custom_objects: CustomObjects | None = None

    @property
    def custom_objects(self) -> CustomObjects:
        """Made on first use, like the stores' rows (a large account starts at once)."""
        if self._custom_objects is None:
            self._custom_objects = CustomObjects(self.seed, self.config.contacts, self.now)
        return self._custom_objects

    def store(self, name: str) -> TableStore:
        return self.stores[name]

    def links(self, prefix: str, id_: int | str, names: tuple[str, ...]) -> dict[str, str]:
        """A record's ``links`` object: ``{name: https://<host>/api/3/<prefix>/<id>/<name>}``."""
        base = f"{self.link_base}/{prefix}/{id_}/"
        return {name: base + name for name in names}

    def links_template(self, prefix: str, names: tuple[str, ...]) -> list[str]:
        """The JSON text of a ``links`` object split where the record id goes: for an int id,
        ``str(id_).join(template)`` is ``encode(links(prefix, id_, names))``."""
        template = self._link_templates.get((prefix, names))
        if template is None:
            for code in range(32):  # a control character the account name does not hold
                marker = chr(code)
                base = f"{self.link_base}/{prefix}/{marker}/"
                text = encode({name: base + name for name in names})
                template = text.split(encode_string(marker)[1:-1])
                if len(template) == len(names) + 1:
                    break
            else:
                raise ValueError("the account name holds every control character")
            self._link_templates[(prefix, names)] = template
        return template

    def remember(self, key: Any, compute: Callable[[], T]) -> T:
        """A small LRU of derived results (filtered id sets, counts); keys embed versions."""
        cache = self._cache
        if key in cache:
            cache.move_to_end(key)
            return cast(T, cache[key])
        value = cache[key] = compute()
        if len(cache) > CACHE_SIZE:
            cache.popitem(last=False)
        return value
