"""acx engine: interprets a spec (YAML) to extract a REST API into a warehouse.

The engine knows the spec language only; everything about a particular API lives in the spec.
"""

__version__ = "0.1.0"
