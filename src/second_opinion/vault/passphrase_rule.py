"""The one rule a new passphrase must pass, wherever one is set.

Creating a vault (the welcome page, ``init``, ``demo``, ``--pw-stdin`` on a new folder) and
changing the passphrase (the dialog, ``passwd``) all call ``check_new_passphrase``; typing a
passphrase to unlock never does (an existing vault opens with whatever it was made with).
Qt-free, so the command line and the UI share the same threshold and the same message.
"""

from __future__ import annotations

from second_opinion.vault.errors import WeakPassphrase
from second_opinion.vault.kdf import normalise_passphrase

__all__ = ["MINIMUM_SCORE", "WeakPassphrase", "check_new_passphrase", "score"]

#: zxcvbn's score runs 0 (very weak) to 4 (strong); below "fair" is refused.
MINIMUM_SCORE = 2
# zxcvbn's cost grows with the length; its verdict does not change past this many characters.
_SCORED_CHARACTERS = 100


def score(text: str) -> int:
    """zxcvbn's 0-4 strength score of ``text`` (0 for an empty one)."""
    if not text.strip():
        return 0
    from zxcvbn import zxcvbn  # about 0.1 s to load: only when a passphrase is being set

    return int(zxcvbn(text[:_SCORED_CHARACTERS])["score"])


def check_new_passphrase(text: str) -> None:
    """Refuse (``WeakPassphrase``) a new passphrase that is too easy to guess (and, first,
    an empty one or one that is not text, as unlocking would)."""
    normalise_passphrase(text)
    if score(text) < MINIMUM_SCORE:
        raise WeakPassphrase()
