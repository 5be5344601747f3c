"""The demo case and the command line speak plain American English."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import second_opinion

SOURCE = Path(second_opinion.__file__).parent
# British spellings (and their inflections) that have crept in before; the American form wins.
BRITISH = re.compile(
    r"\b(organis\w*|tumour\w*|centre\w*|programme\w*|colour\w*|behaviour\w*|favour\w*"
    r"|licence\w*|catalogue\w*|travell\w*|cancell(?:ed|ing)|labell\w*|whilst|amongst"
    r"|recognis\w*|specialis(?:e|ed|es|ing|ation)|authoris\w*|minimis\w*|summaris\w*|analys(?:e|ed|ing)"
    r"|haemo\w*|oedema|oesophag\w*|paediatr\w*|anaesthe\w*|grey|enrol|fulfil|defence"
    r"|practise\w*|apologis\w*|finalis\w*|prioritis\w*)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("relative", ["services/demo.py", "services/demo_tracking.py", "cli.py"])
def test_no_british_spellings(relative: str) -> None:
    text = (SOURCE / relative).read_text(encoding="utf-8")
    assert BRITISH.findall(text) == []


@pytest.mark.parametrize(
    "relative",
    ["services/labels.py", "services/visits.py", "licenses.py", "ui/licenses_dialog.py"],
)
def test_no_british_spellings_in_the_texts_people_read(relative: str) -> None:
    # The texts only: a stored value such as VisitStatus.CANCELLED stays as it was saved.
    tree = ast.parse((SOURCE / relative).read_text(encoding="utf-8"))
    texts = [
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]
    assert [w for text in texts for w in BRITISH.findall(text)] == []
