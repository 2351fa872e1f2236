"""Named points where the reliability suite kills a run (SIGKILL, like `kill -9`), to prove
that any run can die anywhere and the next run puts the warehouse where a clean run would.

`ACX_CRASH_AT=name` kills at the first pass through `name`; `name:N` at the N-th pass. Unset (the
normal case) costs one dictionary lookup per point."""

from __future__ import annotations

import os
import signal
import threading

_lock = threading.Lock()
_passes: dict[str, int] = {}


def point(name: str) -> None:
    target = os.environ.get("ACX_CRASH_AT")
    if not target:
        return
    # names hold colons themselves (`commit:delete`): only a numeric last part is the count
    wanted, _, nth = target.rpartition(":")
    if not nth.isdigit():
        wanted, nth = target, ""
    if wanted != name:
        return
    with _lock:
        _passes[name] = _passes.get(name, 0) + 1
        count = _passes[name]
    if count >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
