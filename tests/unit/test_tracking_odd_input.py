"""Odd input never breaks the tracking rules: any text gives an answer or a clear refusal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from second_opinion.domain.enums import Carrier
from second_opinion.services import record_requests as rr
from second_opinion.services.disc_check import names_match, readable_name
from second_opinion.services.errors import ValidationError
from second_opinion.services.tracking import normalize_tracking_number, tracking_url


@given(st.text(), st.sampled_from(list(Carrier)))
def test_any_tracking_number_is_normalized_and_linked_safely(text: str, carrier: Carrier) -> None:
    number = normalize_tracking_number(text)
    assert not any(c.isspace() for c in number)
    assert number == number.upper()
    url = tracking_url(carrier, text)
    assert url is None or (url.startswith("https://") and not any(c.isspace() for c in url))


@given(st.text(), st.text())
def test_any_names_compare_without_error(on_disc: str, person: str) -> None:
    assert isinstance(names_match(on_disc, person), bool)
    assert isinstance(readable_name(on_disc), str)


@given(st.text(max_size=60))
def test_any_plan_text_is_a_sorted_plan_or_a_refusal_on_its_field(text: str) -> None:
    try:
        plan = rr.parse_follow_up_days(text)
    except ValidationError as refused:
        assert refused.field == "follow_up_days"
    else:
        assert plan and list(plan) == sorted(set(plan))
        assert all(1 <= day <= 365 for day in plan)
