"""The guide's ticks through the case layer, per person."""

from __future__ import annotations

import pytest

from second_opinion.case import first_screen
from second_opinion.case import guide as guide_case
from second_opinion.case import people as people_case
from second_opinion.case.case import Case
from second_opinion.case.changes import Area
from second_opinion.services.errors import ValidationError
from second_opinion.services.guide import all_item_keys
from second_opinion.vault.vault import Vault


def test_ticks_belong_to_the_current_person(vault: Vault) -> None:
    ada = people_case.add_person(Case(vault, 0), "Ada").value
    ben = people_case.add_person(Case(vault, 0), "Ben").value
    case = Case(vault, ada)
    key = sorted(all_item_keys())[0]
    changes = guide_case.set_item_done(case, key, True)
    assert changes.touches(Area.GUIDE)
    assert guide_case.done_keys(case) == {key}
    assert first_screen.guide_done_keys(vault, ada) == {key}
    case.switch_person(ben)
    assert guide_case.done_keys(case) == set()
    case.switch_person(ada)
    guide_case.set_item_done(case, key, False)
    assert guide_case.done_keys(case) == set()


def test_an_unknown_item_is_refused(vault: Vault) -> None:
    ada = people_case.add_person(Case(vault, 0), "Ada").value
    with pytest.raises(ValidationError):
        guide_case.set_item_done(Case(vault, ada), "no-such-item", True)
