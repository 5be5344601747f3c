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
    from second_opinion.ui import ops

    def wait(timeout: int = 10_000) -> None:
        qtbot.waitUntil(ops.all_idle, timeout=timeout)

    return wait
