"""A local ActiveCampaign-API-v3-compatible server with deterministic synthetic data.

Shares no code with ``engine/``. See docs/sandbox.md.
"""

from .app import Sandbox
from .cli import main

__all__ = ["Sandbox", "main"]
