"""The form to add or change a visit.

Fields, problems, Save and Cancel behave as every form's do (``form_base``). Warnings (a
planned visit in the past, a video visit without a link yet) come from the visits service's
rule while typing and never block saving. It is opened with ``open()``, never ``exec()``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTime, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from second_opinion.domain.enums import VisitMode, VisitStatus
from second_opinion.services import labels, visits
from second_opinion.services.contacts import ContactChoice
from second_opinion.services.errors import ValidationError
from second_opinion.services.visits import PlanNeeds, SaveResult, VisitInput
from second_opinion.ui import icons, palette, prompts
from second_opinion.ui.form_base import FormDialog
from second_opinion.ui.typed_dates import date_field, time_field

if TYPE_CHECKING:
    from second_opinion.case.visits import VisitFormChoices
    from second_opinion.ui.ops import Pending


@functools.cache
def system_time_zone() -> str:
    """The computer's IANA zone name, or UTC when Qt cannot tell or Python does not know it."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    return name if name in visits.available_time_zones() else "UTC"


def label_of(mapping: Mapping[Any, str], value: object) -> str:
    return QCoreApplication.translate("labels", mapping[value])


class VisitForm(FormDialog):
    """Add (no ``existing`` in ``choices``) or edit a visit.

    ``submit`` turns the typed ``VisitInput`` into the operation that stores it; ``saved``
    is then the service's ``SaveResult`` (its id and the warnings given).
    """

    def __init__(
        self,
        submit: Callable[[VisitInput], Pending[SaveResult]],
        choices: VisitFormChoices,
        now: Callable[[], dt.datetime],
        parent: QWidget | None = None,
    ) -> None:
        existing = choices.existing
        super().__init__(
            QCoreApplication.translate("VisitForm", "Edit visit")
            if existing
            else QCoreApplication.translate("VisitForm", "Add a visit"),
            parent,
        )
        self._submit = submit
        self._now = now
        self.visit_id = existing.id if existing is not None else None
        self.saved: SaveResult | None = None
        self.setMinimumWidth(560)
        self._build()
        with self.loading():
            self._fill_contacts(self.doctor, choices.doctors, None)
            if not choices.doctors:
                self.doctor.setPlaceholderText(
                    self.tr("Add the doctor in Doctors & contacts first")
                )
            self._fill_contacts(self.companion, choices.companions, self.tr("Nobody yet"))
            if existing is None:
                self._set_zone(system_time_zone())
                # A week ahead: appointments are rarely booked for the same day.
                self.date.setDate(QDate.currentDate().addDays(7))
                self.time.setTime(QTime(9, 0))
                self.duration.setValue(60)
                self._tick_plan_needs(choices.plan_needs)
            else:
                self.set_data(visits.to_input(existing))
        self._watch_parts()
        self._update_mode()
        hint = self.form_widget.sizeHint()
        self.resize(min(hint.width() + 64, 960), min(hint.height() + 160, 760))
        self.date.setFocus()

    def _tick_plan_needs(self, needs: PlanNeeds) -> None:
        plan_says = self.tr("Your insurance plan says a visit needs this.")
        for box, needed in (
            (self.referral_needed, needs.referral),
            (self.auth_needed, needs.prior_auth),
        ):
            if needed:
                box.setChecked(True)
                box.setToolTip(plan_says)

    # ------------------------------------------------------------------ building
    def _parts(self, *widgets: QWidget, stretch_last: bool = True) -> QWidget:
        host = QWidget(self.form_widget)
        row = QHBoxLayout(host)
        row.setContentsMargins(0, 0, 0, 0)
        for n, widget in enumerate(widgets):
            row.addWidget(widget, 1 if stretch_last and n == len(widgets) - 1 else 0)
        return host

    def _build(self) -> None:
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setAccessibleName(self.tr("Warnings about this visit"))
        self.warning_icon = QLabel(self)
        self.warning_icon.setPixmap(
            icons.pixmap("fa5s.exclamation-triangle", 16, palette.accent(palette.WARN))
        )
        self.warning_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        warning_row = QHBoxLayout()
        warning_row.addWidget(self.warning_icon)
        warning_row.addWidget(self.warning, 1)
        self.header.addLayout(warning_row)

        self.doctor = QComboBox()
        self.doctor.setAccessibleName(self.tr("Doctor"))
        self.add_field("doctor_id", self.doctor, self.tr("&Doctor:"))

        self.date = date_field(None, self.tr("Date"))
        self.date.setDateRange(QDate(visits.EARLIEST_YEAR, 1, 1), QDate(visits.LATEST_YEAR, 12, 31))
        self.time = time_field(None, self.tr("Time"))
        when = self.add_field(
            "starts_at",
            self._parts(self.date, self.time, stretch_last=False),
            self.tr("Date and &time:"),
        )
        label = self.form.labelForField(when)
        if isinstance(label, QLabel):
            label.setBuddy(self.date)

        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(list(visits.available_time_zones()))
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(list(visits.available_time_zones()), self.zone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.zone.setCompleter(completer)
        self.zone.setAccessibleName(self.tr("Time zone"))
        line = self.zone.lineEdit()
        if line is not None:  # the editable part is a control of its own for a screen reader
            line.setAccessibleName(self.tr("Time zone"))
        self.zone.setToolTip(self.tr("The time zone of the place where the visit happens."))
        self.add_field("time_zone", self.zone, self.tr("Time &zone:"))

        self.duration = QSpinBox()
        self.duration.setRange(5, visits.MAX_DURATION_MINUTES)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setAccessibleName(self.tr("Duration in minutes"))
        self.add_field("duration_minutes", self.duration, self.tr("D&uration:"))

        self.mode = QComboBox()
        for mode in VisitMode:
            self.mode.addItem(label_of(labels.VISIT_MODE, mode), mode.value)
        self.mode.setAccessibleName(self.tr("In person or telemedicine"))
        self.add_field("mode", self.mode, self.tr("&Kind of visit:"))

        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("Address, building, floor"))
        self.location.setAccessibleName(self.tr("Address"))
        self._location_row = self.add_field("location", self.location, self.tr("&Address:"))

        self.link = QLineEdit()
        self.link.setPlaceholderText(self.tr("https://… from the clinic's invitation"))
        self.link.setAccessibleName(self.tr("Video link"))
        self._link_row = self.add_field(
            "telemedicine_url",
            self.link,
            self.tr("Video &link:"),
            check=lambda: visits.check_link(self.link.text()),
        )

        self.companion = QComboBox()
        self.companion.setAccessibleName(self.tr("Companion"))
        self.companion.setToolTip(self.tr("A support person from your contacts who comes along."))
        self.add_field("companion_id", self.companion, self.tr("&Companion:"))

        self.referral_needed = QCheckBox(self.tr("Needed"))
        self.referral_needed.setAccessibleName(self.tr("Referral needed"))
        self.referral_obtained = QCheckBox(self.tr("Obtained"))
        self.referral_obtained.setAccessibleName(self.tr("Referral obtained"))
        self.referral_number = QLineEdit()
        self.referral_number.setPlaceholderText(self.tr("Referral number"))
        self.referral_number.setAccessibleName(self.tr("Referral number"))
        self.add_field(
            "referral_number",
            self._parts(self.referral_needed, self.referral_obtained, self.referral_number),
            self.tr("&Referral:"),
        )

        self.auth_needed = QCheckBox(self.tr("Needed"))
        self.auth_needed.setAccessibleName(self.tr("Prior authorization needed"))
        self.auth_obtained = QCheckBox(self.tr("Obtained"))
        self.auth_obtained.setAccessibleName(self.tr("Prior authorization obtained"))
        self.auth_number = QLineEdit()
        self.auth_number.setPlaceholderText(self.tr("Authorization number"))
        self.auth_number.setAccessibleName(self.tr("Prior authorization number"))
        self.add_field(
            "prior_auth_number",
            self._parts(self.auth_needed, self.auth_obtained, self.auth_number),
            self.tr("&Prior authorization:"),
        )

        self.cost = QLineEdit()
        self.cost.setPlaceholderText(
            self.tr("e.g. %1").replace("%1", QLocale().toString(250.0, "f", 2))
        )
        self.cost.setAccessibleName(self.tr("Expected cost"))
        self.cost.setToolTip(self.tr("What you expect to pay yourself; leave empty if unknown."))
        self.add_field(
            "expected_cost_cents", self.cost, self.tr("&Expected cost:"), check=self._cost_cents
        )

        self.status = QComboBox()
        for status in VisitStatus:
            self.status.addItem(label_of(labels.VISIT_STATUS, status), status.value)
        self.status.setAccessibleName(self.tr("Status"))
        self.add_field("status", self.status, self.tr("&Status:"))

        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(80)
        self.add_field("notes", self.notes, self.tr("&Notes:"))

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

    def _watch_parts(self) -> None:
        """The rows made of several widgets count as typed into, and clear their problem."""
        parts: list[tuple[str, Any]] = [
            ("starts_at", self.date.dateChanged),
            ("starts_at", self.time.timeChanged),
            ("referral_number", self.referral_needed.toggled),
            ("referral_number", self.referral_obtained.toggled),
            ("referral_number", self.referral_number.textEdited),
            ("prior_auth_number", self.auth_needed.toggled),
            ("prior_auth_number", self.auth_obtained.toggled),
            ("prior_auth_number", self.auth_number.textEdited),
            ("time_zone", self.zone.editTextChanged),
        ]
        for field, signal in parts:
            signal.connect(lambda *_args, f=field: self._part_edited(f))

    def _part_edited(self, field: str) -> None:
        self.mark_dirty()
        self.errors.clear(field)

    # ------------------------------------------------------------------ data
    @staticmethod
    def _fill_contacts(
        combo: QComboBox, choices: Sequence[ContactChoice], none_text: str | None
    ) -> None:
        combo.clear()
        if none_text is not None:
            combo.addItem(none_text, None)
        for choice in choices:
            combo.addItem(choice.label, choice.id)

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

    def set_data(self, data: VisitInput) -> None:
        self._select(self.doctor, data.doctor_id)
        local = data.starts_at.astimezone(visits.zone_or_utc(data.time_zone))
        self.date.setDate(QDate(local.year, local.month, local.day))
        self.time.setTime(QTime(local.hour, local.minute))
        self._set_zone(data.time_zone)
        self.duration.setValue(data.duration_minutes)
        self._select(self.mode, data.mode.value)
        self.location.setText(data.location)
        self.link.setText(data.telemedicine_url)
        self._select(self.companion, data.companion_id)
        self.referral_needed.setChecked(data.referral_needed)
        self.referral_obtained.setChecked(data.referral_obtained)
        self.referral_number.setText(data.referral_number)
        self.auth_needed.setChecked(data.prior_auth_needed)
        self.auth_obtained.setChecked(data.prior_auth_obtained)
        self.auth_number.setText(data.prior_auth_number)
        if data.expected_cost_cents is not None:
            self.cost.setText(QLocale().toString(data.expected_cost_cents / 100, "f", 2))
        self._select(self.status, data.status.value)
        self.notes.setPlainText(data.notes)

    def _cost_cents(self) -> int | None:
        text = self.cost.text().strip()
        if not text:
            return None
        value, ok = QLocale().toDouble(text)
        if not ok:
            value, ok = QLocale.c().toDouble(text)
        if not ok:
            raise ValidationError(
                "Write the cost as a number, e.g. 250 or 250.00.", field="expected_cost_cents"
            )
        return round(value * 100)

    def collect(self) -> VisitInput:
        """The form's content as service input; ``ValidationError`` for what it can tell."""
        doctor_id = self.doctor.currentData()
        if doctor_id is None:
            raise ValidationError("Choose the doctor.", field="doctor_id")
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
        self.form.setRowVisible(self._link_row, telemedicine)
        # An address means nothing for a video call; a kept one shows again if switched back.
        self.form.setRowVisible(self._location_row, not telemedicine)
        self._update_warnings()

    def _update_warnings(self) -> None:
        try:
            warnings = visits.check_visit(self.collect(), self._now())
        except ValidationError:
            warnings = ()
        text = "\n".join(QCoreApplication.translate("service", w) for w in warnings)
        self.warning.setText(text)
        self.warning.setVisible(bool(text))
        self.warning_icon.setVisible(bool(text))

    # ------------------------------------------------------------------ saving
    def accept(self) -> None:
        """Before saving a visit whose time has passed as still planned, ask about it."""
        if not self.is_saving and self._past_but_planned() and not self._confirm_done():
            self.errors.show(
                "status", QCoreApplication.translate("service", visits.PAST_BUT_PLANNED)
            )
            return
        super().accept()

    def _past_but_planned(self) -> bool:
        try:
            return visits.is_past_but_planned(self.collect(), self._now())
        except ValidationError:
            return False  # the save shows what is wrong

    def _confirm_done(self) -> bool:
        if not prompts.ask_confirm(
            self,
            self.tr("Visit in the past"),
            self.tr(
                "The time of this visit has passed, but it is still marked planned. "
                "Save it as done?"
            ),
            self.tr("Save as done"),
        ):
            return False
        self._select(self.status, VisitStatus.DONE.value)
        return True

    def submit(self, data: VisitInput) -> Pending[SaveResult]:
        return self._submit(data)
