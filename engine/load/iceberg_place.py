"""Where an Iceberg destination is: its catalog (a SQL catalog in a SQLite file or a PostgreSQL
database, or a REST catalog by URL), its warehouse location (a URI; data files go under it), its
namespace, and the folder its run lock lives in. From `--dest iceberg:PATH` or a
`[targets.NAME]` of `type = "iceberg"` in acx.toml (engine/config/settings.named_target).

`iceberg:./lake` is the SQL catalog `./lake/catalog.db` (SQLite) with the warehouse `./lake`;
a target name is a bare word (`iceberg:lake_prod`), a path has a `/` or a `.` in it.
`iceberg:s3://bucket/prefix` is the warehouse `s3://bucket/prefix` with the catalog that
ACX_ICEBERG_CATALOG_URI names (object storage holds no SQL catalog): a SQLite file kept
locally, PostgreSQL or REST. An S3 warehouse (this, or a target's `warehouse`) reads its
endpoint, region and keys from the environment (engine/load/objectstore.py); a target's
`properties` override them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from engine.config.settings import env_of, named_target
from engine.errors import ConfigError
from engine.load import objectstore

DEFAULT_NAMESPACE = "acx"
CATALOG_FILE = "catalog.db"
CATALOG_NAME = "acx"
CATALOG_ENV = "ACX_ICEBERG_CATALOG_URI"  # the catalog of `iceberg:s3://...`
# the catalog kinds by the scheme of catalog_uri: a SQL catalog through SQLAlchemy (psycopg 3
# for PostgreSQL, the driver acx's postgres destination uses too), or a REST catalog
SCHEMES: dict[str, str] = {
    "sqlite": "sql",
    "postgresql": "sql",
    "postgresql+psycopg": "sql",
    "http": "rest",
    "https": "rest",
}
_SECRET = re.compile(r"(://[^:/?#@\s]*):[^@\s]*@")  # scheme://user:PASSWORD@host
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def redact(uri: str) -> str:
    """A catalog URI without the password it may carry."""
    return _SECRET.sub(r"\1:***@", uri)


@dataclass(frozen=True)
class Place:
    """A catalog, its warehouse and namespace; `lock_dir`: where runs lock (local catalogs)."""

    catalog_uri: str
    warehouse: str | None  # a URI (file:///..., s3://...); None: the catalog's own
    namespace: str
    lock_dir: Path | None
    properties: Mapping[str, str] = field(default_factory=dict)  # passed to the catalog as is
    source: str = ""  # what configured it, for messages

    @property
    def kind(self) -> str:
        return SCHEMES[scheme_of(self.catalog_uri)]

    def describe(self) -> str:
        where = self.warehouse or redact(self.catalog_uri)
        return f"iceberg:{where.removeprefix('file://')}"

    def catalog_properties(self) -> dict[str, str]:
        """What pyiceberg's load_catalog takes: the type, the URI, the warehouse, the rest."""
        uri = self.catalog_uri
        if uri.startswith("postgresql://"):  # SQLAlchemy would look for psycopg2
            uri = "postgresql+psycopg://" + uri.removeprefix("postgresql://")
        props = {"type": self.kind, "uri": uri, **self.properties}
        if self.warehouse:
            props["warehouse"] = self.warehouse
        return props


def scheme_of(uri: str) -> str:
    return uri.partition("://")[0].lower() if "://" in uri else ""


def place_of(target: str | None, settings: Any) -> Place:
    """The Place `--dest iceberg[:TARGET]` names."""
    if not target:
        raise ConfigError(
            "destination iceberg needs a folder or a target",
            "e.g. --dest iceberg:./lake, or --dest iceberg:NAME with [targets.NAME] in acx.toml",
        )
    if _WORD.fullmatch(target):
        return _named(target, settings)
    if objectstore.is_s3(target):
        return _on_s3(target, settings)
    root = Path(target).expanduser().resolve()
    return Place(
        catalog_uri=f"sqlite:///{root / CATALOG_FILE}",
        warehouse=root.as_uri(),
        namespace=DEFAULT_NAMESPACE,
        lock_dir=root,
        source=f"--dest iceberg:{target}",
    )


def _named(name: str, settings: Any) -> Place:
    item = named_target(getattr(settings, "targets", None), name, "iceberg")
    where = f"[targets.{name}] in acx.toml"
    if "catalog_uri" in item and "catalog_uri_env" in item:
        raise ConfigError(f"{where}: give catalog_uri or catalog_uri_env, not both")
    warehouse = _warehouse(item.get("warehouse"), where)
    if "catalog_uri_env" in item:
        var = str(item["catalog_uri_env"])
        uri = env_of(settings).get(var, "").strip()
        if not uri:
            raise ConfigError(f"{where}: environment variable {var} is not set", "export it")
    elif "catalog_uri" in item:
        uri = str(item["catalog_uri"]).strip()
        if redact(uri) != uri:
            raise ConfigError(
                f"{where}: catalog_uri holds a password",
                "put the URI in catalog_uri_env's variable",
            )
    elif warehouse and warehouse.startswith("file://"):
        uri = f"sqlite:///{Path(urlsplit(warehouse).path) / CATALOG_FILE}"
    else:
        raise ConfigError(
            f"{where}: give catalog_uri (sqlite:///..., postgresql://..., https://...) or a "
            "local warehouse folder"
        )
    if scheme_of(uri) not in SCHEMES:
        raise ConfigError(
            f"{where}: catalog URI {redact(uri)!r} is not a catalog acx knows",
            "use sqlite:///PATH, postgresql://USER@HOST/DB or an http(s):// REST catalog URL",
        )
    props = item.get("properties") or {}
    if not isinstance(props, Mapping):
        raise ConfigError(f"{where}: properties must be a table of strings")
    if warehouse and objectstore.is_s3(warehouse):
        props = {**objectstore.S3.from_env(env_of(settings)).iceberg_properties(), **props}
    namespace = str(item.get("namespace") or DEFAULT_NAMESPACE)
    return Place(
        catalog_uri=uri,
        warehouse=warehouse,
        namespace=namespace,
        lock_dir=_lock_dir(uri, warehouse),
        properties={str(k): str(v) for k, v in props.items()},
        source=where,
    )


def _on_s3(target: str, settings: Any) -> Place:
    """`iceberg:s3://bucket/prefix`: the warehouse on S3, the catalog from CATALOG_ENV."""
    source = f"--dest iceberg:{target}"
    env = env_of(settings)
    uri = env.get(CATALOG_ENV, "").strip()
    if not uri:
        raise ConfigError(
            f"{source}: an s3:// warehouse needs a catalog outside it, and {CATALOG_ENV} is "
            "not set",
            f"export {CATALOG_ENV}=sqlite:///PATH/catalog.db (or postgresql://..., https://...),"
            " or use [targets.NAME] with warehouse and catalog_uri in acx.toml",
        )
    if scheme_of(uri) not in SCHEMES:
        raise ConfigError(
            f"{source}: {CATALOG_ENV} {redact(uri)!r} is not a catalog acx knows",
            "use sqlite:///PATH, postgresql://USER@HOST/DB or an http(s):// REST catalog URL",
        )
    warehouse = target.rstrip("/")
    return Place(
        catalog_uri=uri,
        warehouse=warehouse,
        namespace=DEFAULT_NAMESPACE,
        lock_dir=_lock_dir(uri, warehouse),
        properties=objectstore.S3.from_env(env).iceberg_properties(),
        source=source,
    )


def _warehouse(value: Any, where: str) -> str | None:
    """A warehouse location as a URI: a local path becomes file:///..."""
    if value in (None, ""):
        return None
    text = str(value)
    if "://" in text:
        return text
    if not text.strip():
        raise ConfigError(f"{where}: warehouse is empty")
    return Path(text).expanduser().resolve().as_uri()


def _lock_dir(uri: str, warehouse: str | None) -> Path | None:
    """Runs on a local catalog lock a file next to it; others rely on Iceberg's optimistic
    commits (a conflicting commit fails, naming the table)."""
    if scheme_of(uri) == "sqlite":
        path = uri.split(":///", 1)[1] if ":///" in uri else ""  # sqlite:////abs, sqlite:///rel
        return Path(path).resolve().parent if path and path != ":memory:" else None
    if warehouse and warehouse.startswith("file://"):
        return Path(urlsplit(warehouse).path)
    return None
