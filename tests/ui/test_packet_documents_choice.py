"""The packet dialog's documents: the linked ones ticked by default, the others listed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from second_opinion.case import documents as docs
from second_opinion.case.case import Case
from second_opinion.domain.models import Contact, RecordRequest, Visit
from second_opinion.services.documents import LinkRef, LinkTarget
from second_opinion.services.people import add_person
from second_opinion.ui.context import AppContext
from second_opinion.ui.documents.packet_choice import PacketDocumentsChoice
from tests.document_files import write_pdf


def test_defaults_are_the_visits_documents_and_can_be_changed(
    qtbot, qtmodeltester, settle, vault, tmp_path
) -> None:
    with vault.session() as session:
        person = add_person(session, "Ada")
        doctor, lab = Contact(name="Dr. Rao"), Contact(name="Riverside Pathology")
        session.add_all([doctor, lab])
        session.flush()
        request = RecordRequest(person_id=person, holder_id=lab.id, recipient_id=doctor.id)
        visit = Visit(person_id=person, doctor_id=doctor.id, starts_at=dt.datetime.now(dt.UTC))
        session.add_all([request, visit])
        session.flush()
        visit_id, request_id = visit.id, request.id
    case = Case(vault, person)

    def add(name: str, link: LinkRef | None) -> int:
        path = write_pdf(tmp_path / f"{name}.pdf", pages=2, marker=name)
        return docs.attach_files(case, [path], link=link).value.added[0].id

    linked = add("visit", LinkRef(LinkTarget.VISIT, visit_id))
    requested = add("request", LinkRef(LinkTarget.REQUEST, request_id))
    loose = add("loose", None)

    choice = PacketDocumentsChoice(AppContext(vault, person))
    qtbot.addWidget(choice)
    choice.load(visit_id)
    settle()
    assert choice.loaded
    assert sorted(choice.chosen_ids()) == sorted([linked, requested])
    assert choice.model.rowCount() == 3
    assert choice.summary.text() == "2 of 3 documents go in (4 pages)."
    qtmodeltester.check(choice.model)

    # The person ticks the loose one through its check box.
    last = choice.model.index(2, 0)
    assert last.data(Qt.ItemDataRole.DisplayRole).startswith("loose")
    choice.model.setData(last, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert loose in choice.chosen_ids()
    buttons = {b.text(): b for b in choice.findChildren(QPushButton)}
    buttons["None"].click()
    assert choice.chosen_ids() == [] and choice.summary.text() == "No document goes in the packet."
    buttons["Linked"].click()
    assert sorted(choice.chosen_ids()) == sorted([linked, requested])
    enclosed = docs.packet_documents(case, visit_id, chosen=choice.chosen_ids())
    assert {d.id for d in enclosed} == {linked, requested}
