"""The form to add or edit a visit.

The form saves itself on OK through the visits service: a refusal is shown under the field it
is about and the dialog stays open; warnings (a planned visit in the past, a video visit
without a link yet) are shown while typing and never block saving.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from second_opinion.domain.enums import ContactRole, VisitMode, VisitStatus
from second_opinion.services import contacts, labels, visits
from second_opinion.services.contacts import ContactChoice
from second_opinion.services.errors import ServiceError, ValidationError
from second_opinion.services.visits import VisitInput
from second_opinion.ui import icons
from second_opinion.ui.context import AppContext
from second_opinion.ui.dates import short_date_format
from second_opinion.ui.dialog_buttons import save_cancel_buttons

log = logging.getLogger(__name__)

WARN_COLOUR = "#e0a800"
ERROR_COLOUR = "#d9534f"


def system_time_zone() -> str:
    """The computer's IANA zone name, or UTC when Qt cannot tell or Python does not know it."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    return name if name in visits.available_time_zones() else "UTC"


def label_of(mapping: Mapping[Any, str], value: object) -> str:
    return QCoreApplication.translate("labels", mapping[value])


class VisitForm(QDialog):
    """Add (``visit_id`` None) or edit a visit of ``ctx.person_id``.

    Signals:
        sig_saved(int): the visit was saved (its id); ``warnings`` holds what was warned.
    """

    sig_saved = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        visit_id: int | None = None,
        parent: QWidget | None = None,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visit_id = visit_id
        self.saved_id: int | None = None
        self.warnings: tuple[str, ...] = ()
        self._now = now or (lambda: dt.datetime.now(dt.UTC))
        self._errors: dict[str, QLabel] = {}
        self._field_widgets: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("Edit visit") if visit_id else self.tr("Add a visit"))
        self.setMinimumWidth(560)
        self._build()
        self._load()
        self._update_mode()
        self._update_warnings()
        # Open wide enough for every field (no sideways scrolling); tall forms scroll down.
        hint = self._body.sizeHint()
        self.resize(min(hint.width() + 48, 960), min(hint.height() + 110, 720))

    # ------------------------------------------------------------------ building
    def _field(self, key: str, widget: QWidget | QHBoxLayout) -> QWidget:
        """The widget with an error line under it, hidden until the service refuses it."""
        host = QWidget(self)
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if isinstance(widget, QHBoxLayout):
            layout.addLayout(widget)
        else:
            layout.addWidget(widget)
            self._field_widgets[key] = widget
        error = QLabel(host)
        error.setWordWrap(True)
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.setStyleSheet(f"color: {ERROR_COLOUR};")
        error.hide()
        layout.addWidget(error)
        self._errors[key] = error
        return host

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(scroll)
        form = QFormLayout(body)
        self.form = form
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self._body = body

        self.doctor = QComboBox(body)
        self.doctor.setAccessibleName(self.tr("Doctor"))
        form.addRow(self.tr("&Doctor:"), self._field("doctor_id", self.doctor))

        self.date = QDateEdit(body)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(short_date_format())
        self.date.setDateRange(QDate(visits.EARLIEST_YEAR, 1, 1), QDate(visits.LATEST_YEAR, 12, 31))
        self.date.setAccessibleName(self.tr("Date"))
        self.time = QTimeEdit(body)
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(self.tr("Time"))
        when = QHBoxLayout()
        when.addWidget(self.date, 1)
        when.addWidget(self.time)
        self._field_widgets["starts_at"] = self.date
        form.addRow(self.tr("Date and &time:"), self._field("starts_at", when))
        self.date.setFocus()

        self.zone = QComboBox(body)
        self.zone.setEditable(True)
        self.zone.addItems(list(visits.available_time_zones()))
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(list(visits.available_time_zones()), self.zone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.zone.setCompleter(completer)
        self.zone.setAccessibleName(self.tr("Time zone"))
        self.zone.setToolTip(self.tr("The time zone of the place where the visit happens."))
        form.addRow(self.tr("Time &zone:"), self._field("time_zone", self.zone))

        self.duration = QSpinBox(body)
        self.duration.setRange(5, visits.MAX_DURATION_MINUTES)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setAccessibleName(self.tr("Duration in minutes"))
        form.addRow(self.tr("D&uration:"), self._field("duration_minutes", self.duration))

        self.mode = QComboBox(body)
        for mode in VisitMode:
            self.mode.addItem(label_of(labels.VISIT_MODE, mode), mode.value)
        self.mode.setAccessibleName(self.tr("In person or telemedicine"))
        form.addRow(self.tr("&Kind of visit:"), self._field("mode", self.mode))

        self.location = QLineEdit(body)
        self.location.setPlaceholderText(self.tr("Address, building, floor"))
        self.location.setAccessibleName(self.tr("Address"))
        self._location_host = self._field("location", self.location)
        form.addRow(self.tr("&Address:"), self._location_host)

        self.link = QLineEdit(body)
        self.link.setPlaceholderText(self.tr("https://… from the clinic's invitation"))
        self.link.setAccessibleName(self.tr("Video link"))
        self._link_host = self._field("telemedicine_url", self.link)
        form.addRow(self.tr("Video &link:"), self._link_host)

        self.companion = QComboBox(body)
        self.companion.setAccessibleName(self.tr("Companion"))
        self.companion.setToolTip(self.tr("A support person from your contacts who comes along."))
        form.addRow(self.tr("&Companion:"), self._field("companion_id", self.companion))

        self.referral_needed = QCheckBox(self.tr("Needed"), body)
        self.referral_needed.setAccessibleName(self.tr("Referral needed"))
        self.referral_obtained = QCheckBox(self.tr("Obtained"), body)
        self.referral_obtained.setAccessibleName(self.tr("Referral obtained"))
        self.referral_number = QLineEdit(body)
        self.referral_number.setPlaceholderText(self.tr("Referral number"))
        self.referral_number.setAccessibleName(self.tr("Referral number"))
        referral = QHBoxLayout()
        referral.addWidget(self.referral_needed)
        referral.addWidget(self.referral_obtained)
        referral.addWidget(self.referral_number, 1)
        self._field_widgets["referral_number"] = self.referral_number
        form.addRow(self.tr("&Referral:"), self._field("referral_number", referral))

        self.auth_needed = QCheckBox(self.tr("Needed"), body)
        self.auth_needed.setAccessibleName(self.tr("Prior authorization needed"))
        self.auth_obtained = QCheckBox(self.tr("Obtained"), body)
        self.auth_obtained.setAccessibleName(self.tr("Prior authorization obtained"))
        self.auth_number = QLineEdit(body)
        self.auth_number.setPlaceholderText(self.tr("Authorization number"))
        self.auth_number.setAccessibleName(self.tr("Prior authorization number"))
        auth = QHBoxLayout()
        auth.addWidget(self.auth_needed)
        auth.addWidget(self.auth_obtained)
        auth.addWidget(self.auth_number, 1)
        self._field_widgets["prior_auth_number"] = self.auth_number
        form.addRow(self.tr("&Prior authorization:"), self._field("prior_auth_number", auth))

        self.cost = QLineEdit(body)
        self.cost.setPlaceholderText(
            self.tr("e.g. %1").replace("%1", QLocale().toString(250.0, "f", 2))
        )
        self.cost.setAccessibleName(self.tr("Expected cost"))
        self.cost.setToolTip(self.tr("What you expect to pay yourself; leave empty if unknown."))
        form.addRow(self.tr("&Expected cost:"), self._field("expected_cost_cents", self.cost))

        self.status = QComboBox(body)
        for status in VisitStatus:
            self.status.addItem(label_of(labels.VISIT_STATUS, status), status.value)
        self.status.setAccessibleName(self.tr("Status"))
        form.addRow(self.tr("&Status:"), self._field("status", self.status))

        self.notes = QPlainTextEdit(body)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(80)
        form.addRow(self.tr("&Notes:"), self._field("notes", self.notes))

        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_icon = QLabel(self)
        self.warning_icon.setPixmap(icons.pixmap("fa5s.exclamation-triangle", 16, WARN_COLOUR))
        self.warning_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        warning_row = QHBoxLayout()
        warning_row.addWidget(self.warning_icon)
        warning_row.addWidget(self.warning, 1)
        outer.addLayout(warning_row)

        self.general_error = QLabel(self)
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.general_error.hide()
        outer.addWidget(self.general_error)

        self.buttons = save_cancel_buttons(self)
        outer.addWidget(self.buttons)

        for signal in (
            self.date.dateChanged,
            self.time.timeChanged,
            self.zone.currentTextChanged,
            self.duration.valueChanged,
            self.status.currentIndexChanged,
            self.link.textChanged,
        ):
            signal.connect(self._update_warnings)
        self.mode.currentIndexChanged.connect(self._update_mode)

    # ------------------------------------------------------------------ loading
    def _fill_contacts(
        self, combo: QComboBox, choices: Sequence[ContactChoice], none_text: str | None
    ) -> None:
        combo.clear()
        if none_text is not None:
            combo.addItem(none_text, None)
        for choice in choices:
            combo.addItem(choice.label, choice.id)

    def _load(self) -> None:
        row = None
        try:
            with self.ctx.session() as session:
                people = contacts.list_contact_choices(session)
                if self.visit_id is not None:
                    row = visits.get_visit(session, self.visit_id, now=self._now())
        except (ServiceError, SQLAlchemyError):
            log.exception("could not load the visit form (visit %s)", self.visit_id)
            people = []
        doctors = sorted(people, key=lambda c: (not c.role.is_doctor, c.name.casefold()))
        self._fill_contacts(self.doctor, doctors, None)
        if not doctors:
            self.doctor.setPlaceholderText(self.tr("Add the doctor in Doctors & contacts first"))
        support = [c for c in people if c.role in (ContactRole.SUPPORT_PERSON, ContactRole.OTHER)]
        if (
            row is not None
            and row.companion_id is not None
            and all(c.id != row.companion_id for c in support)
        ):
            support += [c for c in people if c.id == row.companion_id]
        self._fill_contacts(self.companion, support, self.tr("Nobody yet"))

        if row is None:
            local_zone = system_time_zone()
            self._set_zone(local_zone)
            # A week ahead: appointments are rarely booked for the same day.
            self.date.setDate(QDate.currentDate().addDays(7))
            self.time.setTime(QTime(9, 0))
            self.duration.setValue(60)
            return
        self._select(self.doctor, row.doctor_id)
        local = row.local_start
        self.date.setDate(QDate(local.year, local.month, local.day))
        self.time.setTime(QTime(local.hour, local.minute))
        self._set_zone(row.time_zone)
        self.duration.setValue(row.duration_minutes)
        self._select(self.mode, row.mode.value)
        self.location.setText(row.location)
        self.link.setText(row.telemedicine_url)
        self._select(self.companion, row.companion_id)
        self.referral_needed.setChecked(row.referral_needed)
        self.referral_obtained.setChecked(row.referral_obtained)
        self.referral_number.setText(row.referral_number)
        self.auth_needed.setChecked(row.prior_auth_needed)
        self.auth_obtained.setChecked(row.prior_auth_obtained)
        self.auth_number.setText(row.prior_auth_number)
        if row.expected_cost_cents is not None:
            self.cost.setText(QLocale().toString(row.expected_cost_cents / 100, "f", 2))
        self._select(self.status, row.status.value)
        self.notes.setPlainText(row.notes)

    def _set_zone(self, name: str) -> None:
        index = self.zone.findText(name)
        if index >= 0:
            self.zone.setCurrentIndex(index)
        else:
            self.zone.setEditText(name)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def select_doctor(self, contact_id: int) -> None:
        self._select(self.doctor, contact_id)

    def select_companion(self, contact_id: int | None) -> None:
        self._select(self.companion, contact_id)

    # ------------------------------------------------------------------ reading
    def _cost_cents(self) -> int | None:
        text = self.cost.text().strip()
        if not text:
            return None
        value, ok = QLocale().toDouble(text)
        if not ok:
            value, ok = QLocale.c().toDouble(text)
        if not ok:
            raise ValidationError(
                self.tr("Write the cost as a number, e.g. 250 or 250.00."),
                field="expected_cost_cents",
            )
        return round(value * 100)

    def input(self) -> VisitInput:
        """The form's content as service input; raises ValidationError for what it can tell."""
        doctor_id = self.doctor.currentData()
        if doctor_id is None:
            raise ValidationError(self.tr("Choose the doctor."), field="doctor_id")
        date = self.date.date()
        time = self.time.time()
        starts_at = visits.local_datetime(
            dt.date(date.year(), date.month(), date.day()),
            dt.time(time.hour(), time.minute()),
            self.zone.currentText(),
        )
        return VisitInput(
            doctor_id=int(doctor_id),
            starts_at=starts_at,
            time_zone=self.zone.currentText().strip(),
            duration_minutes=self.duration.value(),
            mode=VisitMode(self.mode.currentData()),
            location=self.location.text(),
            telemedicine_url=self.link.text(),
            companion_id=self.companion.currentData(),
            referral_needed=self.referral_needed.isChecked(),
            referral_obtained=self.referral_obtained.isChecked(),
            referral_number=self.referral_number.text(),
            prior_auth_needed=self.auth_needed.isChecked(),
            prior_auth_obtained=self.auth_obtained.isChecked(),
            prior_auth_number=self.auth_number.text(),
            expected_cost_cents=self._cost_cents(),
            status=VisitStatus(self.status.currentData()),
            notes=self.notes.toPlainText(),
        )

    # ------------------------------------------------------------------ reacting
    def _update_mode(self) -> None:
        telemedicine = self.mode.currentData() == VisitMode.TELEMEDICINE.value
        self.form.setRowVisible(self._link_host, telemedicine)
        # An address means nothing for a video call; a kept one shows again if switched back.
        self.form.setRowVisible(self._location_host, not telemedicine)
        self._update_warnings()

    def _update_warnings(self) -> None:
        try:
            warnings = visits.check_visit(self.input(), self._now())
        except ValidationError:
            warnings = ()
        self._show_warnings(warnings)

    def _show_warnings(self, warnings: tuple[str, ...]) -> None:
        text = "\n".join(self.tr(w) for w in warnings)
        self.warning.setText(text)
        self.warning.setVisible(bool(text))
        self.warning_icon.setVisible(bool(text))

    def error_text(self, field: str) -> str:
        label = self._errors.get(field, self.general_error)
        return label.text() if label is not None and not label.isHidden() else ""

    def _show_error(self, error: ValidationError) -> None:
        for label in (*self._errors.values(), self.general_error):
            label.hide()
        field = error.field if error.field in self._errors else ""
        label = self._errors.get(field, self.general_error)
        label.setText(self.tr(error.message))
        label.show()
        widget = self._field_widgets.get(field)
        if widget is not None:
            widget.setFocus()

    # ------------------------------------------------------------------ saving
    def accept(self) -> None:
        try:
            data = self.input()
            with self.ctx.session() as session:
                if self.visit_id is None:
                    result = visits.add_visit(session, self.ctx.person_id, data, now=self._now())
                else:
                    result = visits.update_visit(session, self.visit_id, data, now=self._now())
        except ValidationError as error:
            self._show_error(error)
            return
        except (ServiceError, SQLAlchemyError):
            log.exception("saving visit %s failed", self.visit_id)
            self._show_error(
                ValidationError(self.tr("The visit could not be saved. Please try again."))
            )
            return
        self.saved_id = result.id
        self.warnings = result.warnings
        log.info("visit %s saved with %d warnings", result.id, len(result.warnings))
        self.ctx.notify_changed("visits")
        self.sig_saved.emit(result.id)
        super().accept()
