"""Starter questions are not only about cancer: general ones fit every condition, and each
condition group (cancer, heart, spine, neurological) has questions of its own."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from second_opinion.domain.enums import QuestionCategory
from second_opinion.services import starter_questions as sq
from second_opinion.services.starter_questions import ConditionGroup
from tests.factories import make_person

CANCER_WORDS = re.compile(
    r"\b(stage|grade|tumor|tumour|cancer|chemo\w*|radiation|recurrence|come back|metasta\w*)\b",
    re.IGNORECASE,
)


def test_general_questions_speak_of_no_cancer() -> None:
    general = sq.starters()
    assert len(general) >= 30
    assert all(s.group is ConditionGroup.GENERAL for s in general)
    assert [s.text for s in general if CANCER_WORDS.search(s.text)] == []


def test_each_condition_group_has_questions_of_its_own() -> None:
    for group in ConditionGroup:
        if group is ConditionGroup.GENERAL:
            continue
        own = [s for s in sq.all_starters() if s.group is group]
        assert len(own) >= 3, group
        offered = sq.starters(condition=group)
        assert set(offered) == set(sq.starters()) | set(own)
    heart = {s.key for s in sq.starters(condition=ConditionGroup.HEART)}
    assert "dx.stage" not in heart and "dx.stage" in {s.key for s in sq.all_starters()}


def test_keys_are_unique() -> None:
    keys = [s.key for s in sq.all_starters()]
    assert len(keys) == len(set(keys))


def test_adding_a_category_adds_the_general_ones_and_the_chosen_group(session: Session) -> None:
    person = make_person(session).id
    rows = sq.add_category(session, person, QuestionCategory.DIAGNOSIS, ConditionGroup.SPINE)
    wanted = sq.starters(QuestionCategory.DIAGNOSIS, ConditionGroup.SPINE)
    assert [r.starter_key for r in rows] == [s.key for s in wanted]
    assert any(s.group is ConditionGroup.SPINE for s in wanted)
