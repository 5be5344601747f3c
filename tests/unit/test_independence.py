"""The independence check: a second opinion from the same organisation is flagged, with why."""

from __future__ import annotations

import pytest

from second_opinion.domain.enums import ContactRole
from second_opinion.services import contacts, independence
from second_opinion.services.contacts import ContactData
from second_opinion.services.independence import check, flag_dependent, normalise_organisation

FIRST = ContactRole.FIRST_OPINION
CANDIDATE = ContactRole.SECOND_OPINION_CANDIDATE
CHOSEN = ContactRole.SECOND_OPINION_CHOSEN


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("St. Mary's Health", "st marys health"),
        ("St Mary’s  Health", "ST. MARYS HEALTH"),
        ("Hôpital Saint-Louis", "hopital saint louis"),
        ("Mercy Health & Clinics", "Mercy Health and Clinics"),
        ("  Lakeside, Inc.", "lakeside inc"),
        ("Saint Mary's Health", "St. Marys Health"),
        ("The Lakeside Clinic, LLC", "lakeside clinic"),
        ("Mount Sinai Cancer Centre", "Mt. Sinai Cancer Center"),
    ],
)
def test_spelling_variants_normalise_alike(a, b):
    assert normalise_organisation(a) == normalise_organisation(b)


def test_different_organisations_stay_different():
    assert normalise_organisation("St. Mary's Health") != normalise_organisation(
        "St. Mark's Health"
    )
    assert normalise_organisation("") == ""
    assert normalise_organisation("The Clinic") != normalise_organisation("Clinic Inc of Boston")
    assert normalise_organisation("Inc") == "inc"  # a name is never reduced to nothing


def _c(name, role, organization="", health_system=""):
    return ContactData(name=name, role=role, organization=organization, health_system=health_system)


def test_check_finds_a_shared_organisation_with_a_reason():
    first = _c("Dr. Kim", FIRST, "St. Mary's Health")
    finding = check(first, _c("Dr. Rao", CANDIDATE, "st marys health"))
    assert finding is not None
    assert finding.shared_name == "st marys health"
    assert finding.first_opinion_field == "organization"
    assert "Dr. Kim" in finding.reason and "organisation" in finding.reason


def test_check_matches_organisation_against_health_system_either_way():
    first = _c("Dr. Kim", FIRST, "Riverside Clinic", "Mercy Health")
    finding = check(first, _c("Dr. Rao", CANDIDATE, "Mercy Health"))
    assert finding is not None
    assert (finding.candidate_field, finding.first_opinion_field) == (
        "organization",
        "health_system",
    )
    assert "health system" in finding.reason
    assert check(first, _c("Dr. Ng", CANDIDATE, "Lakeside", "Riverside clinic")) is not None


def test_independent_or_blank_affiliations_are_not_flagged():
    first = _c("Dr. Kim", FIRST, "St. Mary's Health")
    assert check(first, _c("Dr. Rao", CANDIDATE, "Lakeside Cancer Center")) is None
    assert check(_c("Dr. Kim", FIRST), _c("Dr. Rao", CANDIDATE)) is None


def test_flag_dependent_marks_only_second_opinion_doctors(session):
    def add(name, role, org="", system=""):
        return contacts.create_contact(session, _c(name, role, org, system)).id

    add("Dr. Kim", FIRST, "St. Mary's Health")
    add("Dr. Ortiz", FIRST, "Valley Oncology", "North Star Health")
    same = add("Dr. Rao", CANDIDATE, "st marys health")
    system = add("Dr. Chen", CHOSEN, "Hillside Hospital", "North-Star Health")
    free = add("Dr. Ng", CANDIDATE, "Lakeside Cancer Center")
    colleague = add("Dr. Lee", ContactRole.PRIMARY_CARE, "St. Mary's Health")

    flagged = independence.independence_findings(session)
    assert set(flagged) == {same, system}
    assert flagged[same][0].first_opinion_name == "Dr. Kim"
    assert flagged[system][0].first_opinion_name == "Dr. Ortiz"
    assert free not in flagged and colleague not in flagged


def test_no_first_opinion_doctor_means_nothing_to_flag():
    assert flag_dependent([]) == {}
