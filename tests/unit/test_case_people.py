"""The people of a vault through the case layer: what each change reports, and the rules."""

from __future__ import annotations

import pytest

from second_opinion.case import first_screen
from second_opinion.case import people as people_case
from second_opinion.case.case import Case
from second_opinion.case.changes import Area
from second_opinion.services.errors import ValidationError
from second_opinion.vault.vault import Vault


def _case(vault: Vault) -> Case:
    ada = people_case.add_person(Case(vault, 0), "Ada").value
    return Case(vault, ada)


def test_adding_renaming_and_listing_people(vault: Vault) -> None:
    case = _case(vault)
    added = people_case.add_person(case, "  Ben  ")
    assert added.changes.touches(Area.PEOPLE)
    assert added.changes.ids_in(Area.PEOPLE) == {added.value}
    renamed = people_case.rename_person(case, added.value, "Benjamin")
    assert renamed.touches(Area.PEOPLE, Area.PROFILE)
    assert [p.name for p in people_case.people(case)] == ["Ada", "Benjamin"]


def test_an_empty_name_is_refused_on_the_name_field(vault: Vault) -> None:
    with pytest.raises(ValidationError) as refused:
        people_case.add_person(_case(vault), "   ")
    assert refused.value.field == "name"


def test_deleting_names_the_whole_case_and_keeps_the_last_person(vault: Vault) -> None:
    case = _case(vault)
    ben = people_case.add_person(case, "Ben").value
    assert people_case.footprint(case, ben).records == 0
    deleted = people_case.delete_person(case, ben)
    assert [p.name for p in deleted.value.remaining] == ["Ada"]
    assert deleted.changes.touches(Area.PEOPLE, Area.RECORDS, Area.GUIDE, Area.PROFILE)
    with pytest.raises(ValidationError):
        people_case.delete_person(case, case.person_id)


def test_the_first_screen_reads_the_same_people_and_fills_an_empty_vault(vault: Vault) -> None:
    assert [p.name for p in first_screen.people_or_first(vault, "Me")] == ["Me"]
    case = Case(vault, first_screen.people(vault)[0].id)
    people_case.add_person(case, "Ben")
    assert [(p.id, p.name) for p in first_screen.people(vault)] == [
        (p.id, p.name) for p in people_case.people(case)
    ]
