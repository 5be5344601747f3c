"""GUI test fixtures: every prompt answered from a script, never a real modal dialog."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from second_opinion.ui import prompts


@pytest.fixture(autouse=True)
def answers() -> Iterator[prompts.ScriptedAnswers]:
    scripted = prompts.ScriptedAnswers()
    prompts.scripted = scripted
    yield scripted
    prompts.scripted = None


@pytest.fixture
def settle(qtbot):
    """Wait until every operation handed to the runner has finished and its callbacks ran."""
    from PySide6.QtWidgets import QApplication

    from second_opinion.ui import ops

    def quiet() -> bool:
        # Idle through a few turns of the event loop: a result's callback may hand the runner
        # its next piece of work from a timer, after a moment of being idle.
        for _ in range(3):
            QApplication.processEvents()
            if not ops.all_idle():
                return False
        return True

    def wait(timeout: int = 10_000) -> None:
        qtbot.waitUntil(quiet, timeout=timeout)

    return wait


@pytest.fixture(autouse=True)
def _runners_end_with_their_test(qtbot):
    """Every test's operations runners stop when it ends, and its leftovers are freed here.

    Each test makes its own AppContext (and so its own database worker). Stopping them at the
    test's end, then collecting garbage on the GUI thread, keeps a later test's worker thread
    from ever being the thread that frees an earlier test's Qt objects.
    """
    yield
    import gc

    from shiboken6 import Shiboken

    from second_opinion.ui import ops

    for runner in list(ops._runners):
        if Shiboken.isValid(runner):
            runner.shutdown()
    qtbot.wait(0)
    gc.collect()
