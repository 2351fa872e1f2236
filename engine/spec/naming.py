"""The one naming rule that turns spec keys into warehouse identifiers."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")

RULES = ("snake_case", "lower", "preserve")


def warehouse_name(key: str, rule: str = "snake_case") -> str:
    """`firstName` -> `first_name`, `ip4Sub` -> `ip4_sub`, `reqApproval1st` -> `req_approval1st`.

    A capital starts a word; runs of capitals stay one word (`HTMLBody` -> `html_body`);
    digits stay with the word before them.
    """
    if rule == "preserve":
        return key
    if rule == "lower":
        return key.lower()
    return _BOUNDARY.sub("_", key).lower()
