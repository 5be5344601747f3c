"""The form to add or change a contact, with the live independence check.

Fields, problems, Save and Cancel behave as every form's do (``form_base``). It is opened with
``open()``, never ``exec()``, so tests fill it in and call ``accept()``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from second_opinion.domain.enums import ContactKind, ContactRole, TriState
from second_opinion.services import contacts as contact_service
from second_opinion.services import labels
from second_opinion.services.contacts import ContactData, ContactRow
from second_opinion.services.independence import IndependenceFinding, findings_for
from second_opinion.ui import icons, palette
from second_opinion.ui.form_base import FormDialog
from second_opinion.ui.ops import phrase_text

if TYPE_CHECKING:
    from second_opinion.case.contacts import ContactSaved
    from second_opinion.ui.ops import Pending


def label_of(table: dict, value: object) -> str:  # type: ignore[type-arg]
    return QCoreApplication.translate("labels", table[value])


def independence_reason(finding: IndependenceFinding) -> str:
    """The translated sentence saying why a doctor may not be independent, and what to do."""
    if finding.first_opinion_field == "health_system":
        advice = QCoreApplication.translate(
            "contacts",
            "A doctor in the same system may share its views; consider one from elsewhere.",
        )
    else:
        advice = QCoreApplication.translate(
            "contacts", "A colleague may share the same views; consider a doctor from elsewhere."
        )
    return f"{phrase_text(finding.reason)} {advice}"


class ContactForm(FormDialog):
    """Add or edit one contact.

    ``submit`` turns the typed ``ContactData`` into the operation that stores it.
    ``contacts`` (every stored contact) is used for the live independence check.
    """

    def __init__(
        self,
        submit: Callable[[ContactData], Pending[ContactSaved]],
        contacts: Sequence[ContactRow] = (),
        existing: ContactRow | None = None,
        preset_role: ContactRole | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("ContactForm", "Edit contact")
            if existing
            else QCoreApplication.translate("ContactForm", "Add a contact"),
            parent,
        )
        self._submit = submit
        self._contacts = list(contacts)
        self.existing = existing
        self.saved: ContactSaved | None = None

        self.warning = QFrame(self)
        self.warning.setObjectName("independenceWarning")
        self.warning.setFrameShape(QFrame.Shape.StyledPanel)
        warning_row = QHBoxLayout(self.warning)
        icon = QLabel(self.warning)
        icon.setPixmap(icons.pixmap("fa5s.exclamation-triangle", 20, palette.accent(palette.WARN)))
        self.warning_text = QLabel(self.warning)
        self.warning_text.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_text.setWordWrap(True)
        self.warning_text.setAccessibleName(self.tr("Independence check"))
        warning_row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        warning_row.addWidget(self.warning_text, 1)
        self.warning.hide()

        self.name = self._line(
            self.tr("Name"), self.tr("e.g. Dr. Ana Rao, or Mercy Hospital records")
        )
        self.kind = QComboBox()
        for kind in ContactKind:
            self.kind.addItem(label_of(labels.CONTACT_KIND, kind), kind)
        self.role = QComboBox()
        for role in ContactRole:
            self.role.addItem(label_of(labels.CONTACT_ROLE, role), role)
        self.specialty = self._line(self.tr("Specialty"), self.tr("e.g. Medical oncology"))
        self.organization = self._line(
            self.tr("Organization"), self.tr("Practice, hospital or clinic")
        )
        self.health_system = self._line(
            self.tr("Health system"), self.tr("The network the organization belongs to")
        )
        self.phone = self._line(self.tr("Phone"), self.tr("Any format, e.g. (555) 010-2030"))
        self.fax = self._line(self.tr("Fax"), self.tr("Records often travel by fax"))
        self.email = self._line(self.tr("E-mail"), "name@example.org")
        self.address = self._text(self.tr("Address"), 60)
        self.address.setMaximumHeight(80)
        self.portal_url = self._line(self.tr("Patient portal"), self.tr("e.g. mychart.example.org"))
        self.website = self._line(self.tr("Website"), "example.org")
        self.recommended_by = self._line(
            self.tr("Recommended by"), self.tr("Who suggested this doctor")
        )
        self.in_network = QComboBox()
        for state in TriState:
            self.in_network.addItem(label_of(labels.TRI_STATE, state), state)
        self.notes = self._text(self.tr("Notes"), 90)
        for combo, name in (
            (self.kind, self.tr("Person or organization")),
            (self.role, self.tr("Role in this case")),
            (self.in_network, self.tr("In my insurer's network")),
        ):
            combo.setAccessibleName(name)

        rows: list[tuple[str, QWidget, str]] = [
            ("name", self.name, self.tr("&Name:")),
            ("kind", self.kind, self.tr("&Kind:")),
            ("role", self.role, self.tr("&Role in this case:")),
            ("specialty", self.specialty, self.tr("&Specialty:")),
            ("organization", self.organization, self.tr("&Organization:")),
            ("health_system", self.health_system, self.tr("&Health system:")),
            ("phone", self.phone, self.tr("&Phone:")),
            ("fax", self.fax, self.tr("&Fax:")),
            ("email", self.email, self.tr("&E-mail:")),
            ("address", self.address, self.tr("&Address:")),
            ("portal_url", self.portal_url, self.tr("Patient p&ortal:")),
            ("website", self.website, self.tr("&Website:")),
            ("recommended_by", self.recommended_by, self.tr("Recommended &by:")),
            ("in_network", self.in_network, self.tr("&In network:")),
            ("notes", self.notes, self.tr("No&tes:")),
        ]
        checks: dict[str, Callable[[], object]] = {
            "email": lambda: contact_service.check_email(self.email.text()),
            "phone": lambda: contact_service.check_phone(self.phone.text(), "phone"),
            "fax": lambda: contact_service.check_phone(self.fax.text(), "fax"),
            "name": lambda: contact_service.check_name(self.name.text()),
        }
        self._rows: dict[str, QWidget] = {}
        for field, widget, caption in rows:
            self._rows[field] = self.add_field(field, widget, caption, checks.get(field))
        self._fields = {field: widget for field, widget, _ in rows}
        self.header.addWidget(self.warning)

        with self.loading():
            if existing is not None:
                self.set_data(existing.to_data())
            elif preset_role is not None:
                self.role.setCurrentIndex(self.role.findData(preset_role))
        for signal in (
            self.role.currentIndexChanged,
            self.organization.textChanged,
            self.health_system.textChanged,
            self.name.textChanged,
        ):
            signal.connect(self._update_independence)
        self._update_independence()
        self.kind.currentIndexChanged.connect(self._show_fields_for_kind)
        for edit in (self.specialty, self.recommended_by):
            edit.textChanged.connect(self._show_fields_for_kind)
        self._show_fields_for_kind()
        self.resize(560, 720)
        self.name.setFocus()

    # ---------------------------------------------------------------- building
    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        return edit

    def _text(self, name: str, height: int) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setAccessibleName(name)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(height)
        return edit

    # ---------------------------------------------------------------- data
    def data(self) -> ContactData:
        return ContactData(
            name=self.name.text(),
            kind=self.kind.currentData(),
            role=self.role.currentData(),
            specialty=self.specialty.text(),
            organization=self.organization.text(),
            health_system=self.health_system.text(),
            phone=self.phone.text(),
            fax=self.fax.text(),
            email=self.email.text(),
            address=self.address.toPlainText(),
            portal_url=self.portal_url.text(),
            website=self.website.text(),
            recommended_by=self.recommended_by.text(),
            in_network=self.in_network.currentData(),
            notes=self.notes.toPlainText(),
        )

    def set_data(self, data: ContactData) -> None:
        for field in (
            "name",
            "specialty",
            "organization",
            "health_system",
            "phone",
            "fax",
            "email",
            "portal_url",
            "website",
            "recommended_by",
        ):
            widget = self._fields[field]
            assert isinstance(widget, QLineEdit)
            widget.setText(getattr(data, field))
            widget.setCursorPosition(0)
        self.address.setPlainText(data.address)
        self.notes.setPlainText(data.notes)
        self.kind.setCurrentIndex(self.kind.findData(data.kind))
        self.role.setCurrentIndex(self.role.findData(data.role))
        self.in_network.setCurrentIndex(self.in_network.findData(data.in_network))

    def _show_fields_for_kind(self, *_args: object) -> None:
        """An organization has no specialty and nobody suggested it as a doctor: those rows
        show only for a person, or when they already hold something."""
        person = self.kind.currentData() != ContactKind.ORGANIZATION
        for field, edit in (("specialty", self.specialty), ("recommended_by", self.recommended_by)):
            self.form.setRowVisible(self._rows[field], person or bool(edit.text()))

    # ---------------------------------------------------------------- checks
    def _update_independence(self) -> None:
        existing_id = self.existing.id if self.existing else None
        findings = findings_for(self.data(), self._contacts, candidate_id=existing_id)
        if findings:
            self.warning_text.setText(
                self.tr("May not be independent.")
                + " "
                + "\n".join(independence_reason(f) for f in findings)
            )
            self.warning.show()
        else:
            self.warning_text.clear()
            self.warning.hide()

    def independence_text(self) -> str:
        return self.warning_text.text() if not self.warning.isHidden() else ""

    # ---------------------------------------------------------------- saving
    def collect(self) -> ContactData:
        return self.data()

    def submit(self, data: ContactData) -> Pending[ContactSaved]:
        return self._submit(data)
