"""Entry script of the frozen app: the same ``main`` as ``python -m second_opinion``."""

import sys

from second_opinion.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
