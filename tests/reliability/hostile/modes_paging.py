"""Hostile modes: see tests/reliability/hostile/__init__.py."""

from __future__ import annotations
