"""``python -m sandbox`` / ``acx sandbox``: run the sandbox until interrupted."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

from .app import Sandbox
from .config import ALL_FAULTS, DataConfig


def build_parser(prog: str = "python -m sandbox") -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=prog,
        description="Local ActiveCampaign API v3 look-alike serving deterministic synthetic data.",
    )
    p.add_argument("--port", type=int, default=8765, help="TCP port on 127.0.0.1 (0 = any free)")
    p.add_argument("--api-key", default="sandbox-key", help="value expected in Api-Token")
    p.add_argument("--contacts", type=int, default=2000, help="scale: number of contacts")
    p.add_argument("--seed", type=int, default=42, help="data seed (same seed, same data)")
    p.add_argument(
        "--rate-limit",
        type=float,
        default=5.0,
        help="requests/second for the account (0 = unlimited)",
    )
    p.add_argument("--latency-ms", type=float, default=0.0, help="delay added to API responses")
    p.add_argument(
        "--fault-rate", type=float, default=0.0, help="fraction (0..1) of API responses that fail"
    )
    p.add_argument(
        "--faults",
        default=",".join(ALL_FAULTS),
        help="comma-separated fault kinds: " + ",".join(ALL_FAULTS),
    )
    p.add_argument("--now", default=DataConfig.now, help="the fixed 'now' (ISO-8601 instant)")
    p.add_argument("--timezone", default=DataConfig.timezone, help="account time zone (IANA)")
    p.add_argument(
        "--account", default=DataConfig.account, help="account name used in record links"
    )
    p.add_argument(
        "--user-timezone",
        default=DataConfig.user_timezone,
        help="the calling user's display zone (GET /users/me localZoneid; IANA)",
    )
    p.add_argument(
        "--legacy-names",
        action="store_true",
        help="older accounts' field names (groups: pg_subscriber_resubscribe)",
    )
    p.add_argument(
        "--ignore-include",
        action="store_true",
        help="fault mode: ignore include= (no side-loaded arrays)",
    )
    return p


def main(argv: Sequence[str] | None = None, prog: str = "python -m sandbox") -> int:
    """Parse flags, bind, print ``sandbox listening on <url>`` and serve until Ctrl-C.

    Returns the exit code (2 for bad settings or a port in use).
    """
    args = build_parser(prog).parse_args(argv)
    try:
        sandbox = Sandbox(
            contacts=args.contacts,
            api_key=args.api_key,
            rate_limit=args.rate_limit,
            latency_ms=args.latency_ms,
            fault_rate=args.fault_rate,
            faults=args.faults,
            seed=args.seed,
            port=args.port,
            now=args.now,
            timezone=args.timezone,
            account=args.account,
            user_timezone=args.user_timezone,
            legacy_names=args.legacy_names,
            ignore_include=args.ignore_include,
        ).bind()
    except (ValueError, OSError) as exc:
        print(f"sandbox: {exc}", file=sys.stderr)
        return 2
    if args.rate_limit > 0:
        # The rate limit stamps each request when its handler thread next holds the GIL; by
        # default a thread building a page keeps it up to 5 ms, long enough to stamp a request
        # late and crowd it into the next one's window. A real gateway stamps arrivals to well
        # under a millisecond: so does this one, with the GIL handed over every 0.5 ms.
        sys.setswitchinterval(0.0005)
    print(f"sandbox listening on {sandbox.url}", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        sandbox.serve_forever()
    return 0
