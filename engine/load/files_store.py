"""Where a Parquet/JSONL folder lives (engine/load/files.py): a local folder, or an S3 prefix.

The destination always works in a folder on this machine: DuckDB and pyarrow read a table's
file there, a new file is written there and renamed onto its name. A store says what that
folder stands for, in a few calls the commit makes at fixed steps (pull before a file is read,
push after a file is renamed into place), so the commit itself is the same for both:

- `Local`: the folder itself. Nothing to pull or push; the lock is a `flock` on `_acx.lock`, a
  superseded file a hard link.
- `S3Store`: `s3://bucket/prefix` (engine/load/objectstore.py: settings from the environment,
  a pyarrow S3FileSystem), mirrored for the run in a temp folder (removed at close). A file is
  pulled the first time the run needs it (manifest, state and run log at connect, a table's
  file before its first commit); a file a commit wrote is pushed right after its local rename,
  by one PUT of the whole object (a multipart upload for a big file, which S3 also shows only
  once complete), so a reader of the prefix sees the old object or the new, never part of one
  and never neither. The order is the local folder's: tables, then the manifest, then the
  state. The version a table's PUT replaces is first copied server-side (CopyObject) under
  `_acx_superseded/`.

S3 has no rename and pyarrow no conditional PUT (If-None-Match), so an S3 prefix has no lock:
runs on one prefix must be scheduled one at a time, and each run says so in a warning."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.fs as pafs

from engine.errors import LoadError
from engine.load import objectstore
from engine.load.files_folder import LOCK_FILE, keep_aside, lock_folder, prune


class Local:
    """A folder on this machine: the files are where the destination writes them."""

    def __init__(self, folder: Path) -> None:
        self.local = folder
        self.where = str(folder)

    def sub(self, name: str) -> Local:
        return Local(self.local / name)

    def lock(self, label: str) -> IO[str] | None:
        return lock_folder(self.local / LOCK_FILE, label)

    def pull(self, rel: str) -> None:
        """The file at `rel` up to date in the local folder (it is the folder)."""

    def push(self, rel: str) -> None:
        """The local file at `rel` published (a local rename already did)."""

    def keep_aside(self, rel: str, aside: str) -> bool:
        return keep_aside(self.local / rel, self.local / aside)

    def prune(self, folder: str, keep: set[str]) -> None:
        prune(self.local / folder, keep)

    def warnings(self) -> list[str]:
        return []

    def close(self) -> None:
        """Nothing: the folder is the destination."""


class S3Store:
    """An S3 prefix, mirrored for the run in a temp folder of this machine."""

    def __init__(
        self, uri: str, env: Mapping[str, str], kind: str, base: Path | None = None
    ) -> None:
        self.where = uri.rstrip("/")
        self.kind = kind  # parquet or jsonl, for error lines
        self.remote = self.where.split("://", 1)[1]  # bucket/prefix: pyarrow's path
        self.env = env
        self.fs: Any = None  # made at first use: a plan or a describe needs no S3
        self.base = base or Path(tempfile.gettempdir()) / f"acx-s3-{uuid.uuid4().hex[:8]}"
        self.local = self.base
        self.pulled: set[str] = set()

    def sub(self, name: str) -> S3Store:
        out = S3Store(f"{self.where}/{name}", self.env, self.kind, self.base)
        out.local = self.local / name
        return out

    def lock(self, label: str) -> IO[str] | None:
        return None  # no lock on S3 (the module's docstring): warnings() says so

    def warnings(self) -> list[str]:
        return [
            f"{self.where} is on S3, where acx cannot lock a prefix: schedule runs on it one at "
            "a time (two at once can lose a table's commit)"
        ]

    def pull(self, rel: str) -> None:
        if rel in self.pulled:
            return
        path = self.local / rel
        with self._s3("read", rel):
            found = self._fs().get_file_info(self._key(rel)).type == pafs.FileType.File
            if found:
                path.parent.mkdir(parents=True, exist_ok=True)
                pafs.copy_files(
                    self._key(rel),
                    str(path),
                    source_filesystem=self._fs(),
                    destination_filesystem=pafs.LocalFileSystem(),
                )
        if not found:
            path.unlink(missing_ok=True)
        self.pulled.add(rel)

    def push(self, rel: str) -> None:
        with self._s3("write", rel):
            pafs.copy_files(
                str(self.local / rel),
                self._key(rel),
                source_filesystem=pafs.LocalFileSystem(),
                destination_filesystem=self._fs(),
            )
        self.pulled.add(rel)  # the local copy is the object now

    def keep_aside(self, rel: str, aside: str) -> bool:
        with self._s3("copy", rel):
            if self._fs().get_file_info(self._key(rel)).type != pafs.FileType.File:
                return False
            self._fs().copy_file(self._key(rel), self._key(aside))  # CopyObject: no download
        return True

    def prune(self, folder: str, keep: set[str]) -> None:
        with self._s3("list", folder):
            found = self._fs().get_file_info(
                pafs.FileSelector(self._key(folder), allow_not_found=True)
            )
            for info in found:
                if info.type == pafs.FileType.File and info.base_name not in keep:
                    self._fs().delete_file(info.path)

    def close(self) -> None:
        shutil.rmtree(self.base, ignore_errors=True)
        self.pulled.clear()

    def _key(self, rel: str) -> str:
        return f"{self.remote}/{rel}"

    def _fs(self) -> Any:
        if self.fs is None:
            self.fs = objectstore.S3.from_env(self.env).arrow_filesystem()
        return self.fs

    @contextmanager
    def _s3(self, what: str, rel: str) -> Iterator[None]:
        try:
            yield
        except (OSError, pa.ArrowException) as exc:
            why = " ".join(objectstore.reason(exc).split())  # one line
            raise LoadError(
                f"{self.kind}:{self.where}: cannot {what} {self.where}/{rel}: {why}",
                "check the bucket, AWS_ENDPOINT_URL and the AWS_* keys",
            ) from None


Store = Local | S3Store


def store_for(target: str, env: Mapping[str, str], kind: str) -> Store:
    """The store of a `--dest parquet:TARGET`: an S3 prefix for `s3://`, else a folder."""
    if objectstore.is_s3(target):
        return S3Store(target, env, kind)
    return Local(Path(target))
