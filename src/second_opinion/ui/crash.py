"""What happens when the app meets an error nobody expected.

The person sees a plain message (their saved data is safe; the last change may not have been
saved) instead of a traceback. The log gets the exception's type and where it happened, file,
line and function, but never its message or local values: those can hold names, notes or
diagnoses the user typed.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from types import TracebackType

log = logging.getLogger("second_opinion.crash")


def describe(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Type and stack only: ``ValueError at app.py:12 in save <- ...``."""
    import traceback  # here, not at start-up: installing the hook must cost nothing

    frames = traceback.extract_tb(tb)
    where = " <- ".join(
        f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} in {frame.name}"
        for frame in reversed(frames)
    )
    return f"{exc_type.__module__}.{exc_type.__qualname__} at {where or 'unknown place'}"


def _handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("unexpected error: %s", describe(exc_type, tb))
    from second_opinion.ui import prompts

    prompts.show_error(
        None,
        QCoreApplication.translate("crash", "Something went wrong"),
        QCoreApplication.translate(
            "crash",
            "Second Opinion met an unexpected problem. What you saved before is safe; the "
            "last change may not have been saved, so please check it.",
        ),
    )


def install() -> None:
    sys.excepthook = _handle
