"""The finder's read model over a real vault: changes made through the case layer are found
at once, deleted rows are gone, and one person's search stays in their case."""

from __future__ import annotations

from second_opinion.case import contacts as case_contacts
from second_opinion.case import questions as case_questions
from second_opinion.case.case import Case
from second_opinion.case.search import find
from second_opinion.domain.enums import QuestionCategory
from second_opinion.services.contacts import ContactData
from second_opinion.services.people import add_person
from second_opinion.services.questions import QuestionData
from second_opinion.vault.vault import Vault


def _case(vault: Vault) -> tuple[Case, int]:
    with vault.session() as session:
        ada = add_person(session, "Ada")
        ben = add_person(session, "Ben")
    return Case(vault, ada), ben


def _question(case: Case, text: str) -> int:
    data = QuestionData(text=text, category=QuestionCategory.TREATMENT)
    outcome = case_questions.save_question(case, data, None)
    return int(outcome.value.id)


def test_a_question_saved_through_the_case_is_found_at_once_and_gone_once_deleted(
    vault: Vault,
) -> None:
    case, _ben = _case(vault)
    assert not find(case, "lymph")
    question_id = _question(case, "Should the lymph nodes be checked?")
    found = find(case, "lymph")
    assert [(hit.kind, hit.id) for hit in found.hits] == [("question", question_id)]
    assert found.groups[0][0] == "question"
    assert found.hits[0].person == "Ada"

    case_questions.delete_questions(case, [question_id])
    assert not find(case, "lymph")


def test_a_contact_edited_through_the_case_is_found_by_its_new_name_only(vault: Vault) -> None:
    case, _ben = _case(vault)
    saved = case_contacts.save_contact(case, ContactData(name="Dr. Zoë Hartmann")).value
    assert [hit.title for hit in find(case, "zoe").hits] == ["Dr. Zoë Hartmann"]
    case_contacts.save_contact(case, ContactData(name="Dr. Zoë Brandt"), saved.row.id)
    assert not find(case, "hartmann")
    assert find(case, "brandt").hits[0].id == saved.row.id
    case_contacts.delete_contact(case, saved.row.id)
    assert not find(case, "brandt")


def test_groups_follow_the_finders_order(vault: Vault) -> None:
    case, _ben = _case(vault)
    _question(case, "Ask Dr. Quill about side effects")
    case_contacts.save_contact(case, ContactData(name="Dr. Quill"))
    assert [kind for kind, _hits in find(case, "quill").groups] == ["contact", "question"]


def test_another_persons_case_is_searched_only_when_asked(vault: Vault) -> None:
    case, ben = _case(vault)
    case.switch_person(ben)
    _question(case, "Ben's own worry about anemia")
    case.switch_person(1)
    assert not find(case, "anemia")
    everyone = find(case, "anemia", everyone=True)
    assert [hit.person for hit in everyone.hits] == ["Ben"]


def test_an_empty_search_finds_nothing(vault: Vault) -> None:
    case, _ben = _case(vault)
    _question(case, "Anything at all?")
    for text in ("", " ", '"', "*", "()", "x" * 10_000):
        assert not find(case, text)
    assert find(case, "anything " + "y" * 10_000).query.startswith("anything")
