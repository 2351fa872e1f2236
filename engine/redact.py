"""The one redactor: every secret acx holds (the API key) is removed, in any form it could take,
from text on its way out of acx: error lines, events, log lines, warnings, exception text.

A secret is registered once, where it is read (engine/config/settings.py,
engine/http/client.py); `clean` then replaces it, and each written form of it, with `***`:

  raw                     the key as set, and each whitespace-separated piece of it (a key with
                          a line break prints as two lines)
  URL-encoded             quote / quote_plus (a URL or a query string that carries it)
  repr-escaped            repr(), ascii(), a bytes repr (exception text: "InvalidHeader: '...\\n'")
  JSON-escaped            json.dumps, with and without ensure_ascii (JSON lines, echoed bodies)

The registry is process-wide: a process holds the keys of the runs it made, and text from any
thread (a group, the reporter, the CLI) passes through the same `clean`."""

from __future__ import annotations

import json
import threading
from typing import Any, TextIO
from urllib.parse import quote, quote_plus

MASK = "***"
# Shorter strings turn up by chance in ordinary text (a table name, a number), and a key that
# short protects nothing; ActiveCampaign keys are 72 characters.
MIN_LENGTH = 6

_lock = threading.Lock()
_forms: tuple[str, ...] = ()  # every written form of every secret, longest first


def register(secret: str | None) -> None:
    """Remove `secret` (and its written forms) from every text `clean` sees from now on."""
    global _forms
    if not secret:
        return
    new = [f for f in forms(secret) if len(f) >= MIN_LENGTH]
    with _lock:
        _forms = tuple(sorted(set(_forms).union(new), key=lambda f: (-len(f), f)))


def forms(secret: str) -> set[str]:
    """The ways `secret` can be written into text acx puts out."""
    found = {secret, secret.strip(), *secret.split()}
    found |= {quote(secret, safe=""), quote(secret), quote_plus(secret)}
    found |= {repr(secret)[1:-1], ascii(secret)[1:-1], repr(secret.encode())[2:-1]}
    found |= {json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1]}
    return {f for f in found if f}


def clean(text: str) -> str:
    """`text` without any registered secret."""
    for form in _forms:
        if form in text:
            text = text.replace(form, MASK)
    return text


def clean_value(value: Any) -> Any:
    """A structure (an event: dicts, lists, strings) with every string cleaned."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {k: clean_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(clean_value(v) for v in value)
    return value


class CleanStream:
    """A text stream (stdout, stderr) whose writes are cleaned first; everything else is the
    wrapped stream's (isatty, fileno, encoding: the live display and click look at those)."""

    def __init__(self, stream: TextIO) -> None:
        self.wrapped = stream

    def write(self, text: str) -> int:
        self.wrapped.write(clean(text) if isinstance(text, str) else text)
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)
