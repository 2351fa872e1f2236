"""S3 (and S3-compatible stores: MinIO, moto, R2, ...) for destinations whose location is a URI.

How a destination uses it: when its location `is_s3(uri)`, it calls `S3.from_env(env)` once
(env: the settings' environment, engine/config/settings.env_of) and hands the result to its
library in that library's words:

- `delta_options()`: deltalake's `storage_options` (engine/load/delta.py),
- `iceberg_properties()`: pyiceberg's FileIO properties (engine/load/iceberg_place.py),
- `arrow_filesystem()`: a `pyarrow.fs.S3FileSystem` (for Parquet/JSONL folders).

Settings come from the environment only (the variables every AWS tool reads):
`AWS_ENDPOINT_URL` (or `AWS_ENDPOINT_URL_S3`), `AWS_REGION` (or `AWS_DEFAULT_REGION`),
`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`. Without keys, each library
looks for credentials itself (profile, instance or container role). An endpoint (a local or
S3-compatible store) means path-style requests (`http://host/bucket/key`) unless
`AWS_VIRTUAL_HOSTED_STYLE_REQUEST=true`, plain HTTP when it starts with `http://`, and region
us-east-1 when none is set. The secret key and the session token are registered with
engine/redact.py as soon as they are read: no error line can show them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from engine import redact

SCHEMES = ("s3://", "s3a://")
DEFAULT_REGION = "us-east-1"  # what S3-compatible stores accept, and AWS's global endpoint
TRUE = {"1", "true", "yes", "on"}


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_XML = re.compile(r"<\?xml.*?</Error>", re.S)
_CODE = re.compile(r"<Code>(.*?)</Code>.*?<Message>(.*?)</Message>", re.S)


def reason(exc: BaseException) -> str:
    """An object store error as text for one line: no colour codes (delta-rs), and an S3 XML
    error body as its code and message."""
    text = _ANSI.sub("", str(exc))

    def short(m: re.Match[str]) -> str:
        code = _CODE.search(m.group(0))
        return f"{code.group(1)}: {code.group(2)}" if code else "(an S3 error body)"

    return _XML.sub(short, text)


def is_s3(uri: str) -> bool:
    return uri.lower().startswith(SCHEMES)


def _flag(env: Mapping[str, str], name: str) -> bool | None:
    value = env.get(name, "").strip().lower()
    return None if not value else value in TRUE


@dataclass(frozen=True)
class S3:
    """Where S3 is and who acts there; None: the library's own default."""

    endpoint: str | None = None
    region: str | None = None
    access_key_id: str | None = None
    secret_access_key: str | None = None
    session_token: str | None = None
    path_style: bool = False
    # delta-rs: commits by conditional put (If-None-Match, AWS S3 since 2024, MinIO, moto);
    # True: a plain put, for a store without it (concurrent writers may then lose a commit)
    unsafe_rename: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> S3:
        def get(*names: str) -> str | None:
            return next((v.strip() for n in names if (v := env.get(n, "")).strip()), None)

        endpoint = get("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL")
        virtual = _flag(env, "AWS_VIRTUAL_HOSTED_STYLE_REQUEST")
        found = cls(
            endpoint=endpoint.rstrip("/") if endpoint else None,
            region=get("AWS_REGION", "AWS_DEFAULT_REGION")
            or (DEFAULT_REGION if endpoint else None),
            access_key_id=get("AWS_ACCESS_KEY_ID"),
            secret_access_key=get("AWS_SECRET_ACCESS_KEY"),
            session_token=get("AWS_SESSION_TOKEN"),
            path_style=bool(endpoint) and not virtual,
            unsafe_rename=bool(_flag(env, "AWS_S3_ALLOW_UNSAFE_RENAME")),
        )
        redact.register(found.secret_access_key)
        redact.register(found.session_token)
        return found

    @property
    def allow_http(self) -> bool:
        return bool(self.endpoint) and self.endpoint.lower().startswith("http://")  # type: ignore[union-attr]

    def delta_options(self) -> dict[str, str]:
        """deltalake (delta-rs, object_store) storage_options."""
        given = {
            "AWS_ENDPOINT_URL": self.endpoint,
            "AWS_REGION": self.region,
            "AWS_ACCESS_KEY_ID": self.access_key_id,
            "AWS_SECRET_ACCESS_KEY": self.secret_access_key,
            "AWS_SESSION_TOKEN": self.session_token,
        }
        out = {k: v for k, v in given.items() if v}
        if self.endpoint:
            out["AWS_ALLOW_HTTP"] = str(self.allow_http).lower()
            out["AWS_VIRTUAL_HOSTED_STYLE_REQUEST"] = str(not self.path_style).lower()
        if self.unsafe_rename:
            out["AWS_S3_ALLOW_UNSAFE_RENAME"] = "true"
        else:  # a commit file is created only if absent: two writers cannot both commit v
            out["AWS_CONDITIONAL_PUT"] = "etag"
        return out

    def iceberg_properties(self) -> dict[str, str]:
        """pyiceberg FileIO properties (PyArrowFileIO, or fsspec's s3fs)."""
        given = {
            "s3.endpoint": self.endpoint,
            "s3.region": self.region,
            "s3.access-key-id": self.access_key_id,
            "s3.secret-access-key": self.secret_access_key,
            "s3.session-token": self.session_token,
        }
        out = {k: v for k, v in given.items() if v}
        if self.endpoint:
            out["s3.force-virtual-addressing"] = str(not self.path_style).lower()
        return out

    def arrow_filesystem(self) -> Any:
        """A pyarrow S3FileSystem (paths then are `bucket/key`, without `s3://`)."""
        from pyarrow.fs import S3FileSystem

        kwargs: dict[str, Any] = {
            "access_key": self.access_key_id,
            "secret_key": self.secret_access_key,
            "session_token": self.session_token,
            "region": self.region,
        }
        if self.endpoint:
            scheme, _, host = self.endpoint.partition("://")
            kwargs.update(
                endpoint_override=host or scheme,
                scheme="http" if self.allow_http else "https",
                force_virtual_addressing=not self.path_style,
            )
        return S3FileSystem(**{k: v for k, v in kwargs.items() if v is not None})
