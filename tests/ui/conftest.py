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
