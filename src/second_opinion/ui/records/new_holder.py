"""A holder the records form does not list yet: the contact form, opened from the record form.

The new contact is saved through the runner like any other; once saved, ``then`` gets it as
a picker entry so the record form can choose it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from second_opinion.case import contacts as case_contacts
from second_opinion.domain.enums import ContactKind, ContactRole
from second_opinion.services.contacts import ContactChoice, ContactData
from second_opinion.ui.contact_form import ContactForm
from second_opinion.ui.records.common import tr

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from second_opinion.case.contacts import ContactSaved
    from second_opinion.ui.context import AppContext
    from second_opinion.ui.ops import Pending


def open_new_holder(
    ctx: AppContext, owner: QObject, parent: QWidget, then: Callable[[ContactChoice], None]
) -> ContactForm:
    """Open the contact form for a records holder (an organization, usually a records
    department); after it is saved, call ``then`` with the new contact."""

    def submit(data: ContactData) -> Pending[ContactSaved]:
        return ctx.ops.change(
            lambda case: case_contacts.save_contact(case, data),
            owner=owner,
            title=tr("Save contact"),
        )

    form = ContactForm(submit, preset_role=ContactRole.RECORDS_DEPARTMENT, parent=parent)
    with form.loading():
        form.kind.setCurrentIndex(form.kind.findData(ContactKind.ORGANIZATION))

    def saved() -> None:
        if form.saved is not None:
            row = form.saved.row
            then(ContactChoice(row.id, row.name, row.role, row.organization))

    form.accepted.connect(saved)
    form.finished.connect(lambda _result: form.deleteLater())
    form.open()
    return form
