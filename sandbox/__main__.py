"""``python -m sandbox``; ``main`` is importable from here too (``acx sandbox``)."""

import sys

from .cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
