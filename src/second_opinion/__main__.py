"""Entry point: ``python -m second_opinion`` and the ``second-opinion`` script."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    # Keep this import local: the command line must not pay for anything it does not use.
    from second_opinion.cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
