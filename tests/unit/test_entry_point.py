"""The GUI's fast path through the command line: only plain GUI launches skip argparse."""

from __future__ import annotations

from pathlib import Path

import pytest

from second_opinion.__main__ import gui_options


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (None, False)),
        (["--data-dir", "~/v"], (Path("~/v"), False)),
        (["--data-dir=/tmp/a b"], (Path("/tmp/a b"), False)),
        (["--pw-stdin", "--data-dir", "x"], (Path("x"), True)),
    ],
)
def test_plain_gui_launches_are_recognised(argv: list[str], expected: object) -> None:
    assert gui_options(argv) == expected


@pytest.mark.parametrize(
    "argv",
    [
        ["init"],
        ["--help"],
        ["--version"],
        ["--data-dir"],
        ["--data-dir", "--pw-stdin"],
        ["--data-dir="],
        ["--data-dirx", "y"],
        ["--data-dir", "x", "export-packet"],
    ],
)
def test_everything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert gui_options(argv) is None
