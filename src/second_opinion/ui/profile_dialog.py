"""Profile and insurance: one dialog with three pages (profile, insurance, call log).

The profile and the insurance plan are saved together with the dialog's Save button; calls in
the log are saved as soon as each one is added, changed or deleted, as a person writing notes
during a phone call would expect. Refusals from the services appear next to the field.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from second_opinion.domain.enums import TriState
from second_opinion.services import profile as profiles
from second_opinion.services.errors import ServiceError, ValidationError
from second_opinion.services.labels import TRI_STATE
from second_opinion.ui import icons, prompts
from second_opinion.ui.context import AppContext
from second_opinion.ui.dates import format_date, from_qdate, make_date_edit, to_qdate
from second_opinion.ui.dialog_buttons import save_cancel_buttons
from second_opinion.ui.table_model import Column, RowTableModel, SearchFilterProxy

log = logging.getLogger(__name__)

PAGES = ("profile", "insurance", "calls")


# ------------------------------------------------------------------ small shared pieces


class FieldError(QLabel):
    """A message under a field: an icon and words, so it never depends on colour alone."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_message(self, text: str) -> None:
        window = self.palette().color(QPalette.ColorRole.Window)
        # A red that stays readable on both light and dark window colours.
        colour = QColor("#ff7b72") if window.lightness() < 128 else QColor("#b3261e")
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.setPalette(palette)
        self.setText("⚠ " + text)
        self.setAccessibleName(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class _Form:
    """A QFormLayout whose fields each have an error label below them."""

    def __init__(self, page: QWidget) -> None:
        self.layout = QFormLayout(page)
        self.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, tuple[QWidget, FieldError]] = {}
        self._page = page

    def add(self, name: str, label: str, widget: QWidget, focus: QWidget | None = None) -> None:
        holder = QWidget(self._page)
        # As tall as its contents, so the form does not spread rows apart to fill the page.
        holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = FieldError(holder)
        column.addWidget(error)
        self.layout.addRow(label, holder)
        target = focus or widget
        label_widget = self.layout.labelForField(holder)
        if isinstance(label_widget, QLabel):
            label_widget.setBuddy(target)
        self.fields[name] = (target, error)

    def show_error(self, error: ValidationError) -> bool:
        entry = self.fields.get(error.field or "")
        if entry is None:
            return False
        widget, label = entry
        label.show_message(error.message)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def clear_errors(self) -> None:
        for _widget, label in self.fields.values():
            label.clear_message()


def _multiline(parent: QWidget, name: str, placeholder: str, lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)  # Tab moves on through the form, as in every other field
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def _line(parent: QWidget, name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def _tri_state_combo(parent: QWidget, name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    for value in (TriState.UNKNOWN, TriState.YES, TriState.NO):
        combo.addItem(QCoreApplication.translate("labels", TRI_STATE[value]), value)
    return combo


def _set_tri_state(combo: QComboBox, value: TriState) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


def _tri_state(combo: QComboBox) -> TriState:
    return TriState(combo.currentData())


# ------------------------------------------------------------------ one call


class CallDialog(QDialog):
    """Add or change one call in the log. ``save`` stores it and may refuse a field."""

    def __init__(
        self,
        parent: QWidget,
        save: Callable[[profiles.CallInput], profiles.CallRow],
        call: profiles.CallRow | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.saved: profiles.CallRow | None = None
        self.setWindowTitle(self.tr("Change call") if call else self.tr("Add a call"))
        self.setMinimumWidth(520)

        body = QWidget(self)
        self.form = _Form(body)
        self.date_edit = make_date_edit(body, self.tr("Date of the call"), latest=dt.date.today())
        self.spoke_with = _line(
            body, self.tr("Who you spoke to"), self.tr("e.g. Maria in member services")
        )
        self.reference = _line(
            body, self.tr("Reference number"), self.tr("The number they gave for this call")
        )
        self.summary = _multiline(
            body, self.tr("What was said"), self.tr("What they told you, in your own words"), 6
        )
        self.form.add("called_on", self.tr("&Date:"), self.date_edit)
        self.form.add("spoke_with", self.tr("&Spoke with:"), self.spoke_with)
        self.form.add("reference_number", self.tr("&Reference number:"), self.reference)
        self.form.add("summary", self.tr("&What was said:"), self.summary)
        if call is not None:
            self.date_edit.setDate(to_qdate(call.called_on))
            self.spoke_with.setText(call.spoke_with)
            self.reference.setText(call.reference_number)
            self.summary.setPlainText(call.summary)

        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(body)
        layout.addWidget(buttons)

    def value(self) -> profiles.CallInput:
        return profiles.CallInput(
            called_on=from_qdate(self.date_edit.date()),
            spoke_with=self.spoke_with.text(),
            reference_number=self.reference.text(),
            summary=self.summary.toPlainText(),
        )

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            self.saved = self._save(self.value())
        except ValidationError as error:
            if not self.form.show_error(error):
                prompts.show_error(self, self.tr("Not saved"), error.message)
            return
        except (ServiceError, SQLAlchemyError) as error:
            log.warning("insurance call not saved: %s", type(error).__name__)
            prompts.show_error(self, self.tr("Not saved"), self.tr("The call could not be saved."))
            return
        super().accept()


# ------------------------------------------------------------------ the dialog


class ProfileDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = ctx.person_id
        self.call_dialog: CallDialog | None = None
        self._loaded: tuple[Any, ...] = ()
        self.setWindowTitle(self.tr("Profile and insurance"))
        self.setMinimumSize(640, 560)
        self.resize(760, 640)

        self.pages = QTabWidget(self)
        self.pages.setAccessibleName(self.tr("Profile pages"))
        self.pages.addTab(self._build_profile_page(), icons.icon("fa5s.user"), self.tr("&Profile"))
        self.pages.addTab(
            self._build_insurance_page(), icons.icon("fa5s.id-card"), self.tr("&Insurance")
        )
        self.pages.addTab(self._build_calls_page(), icons.icon("fa5s.phone"), self.tr("&Call log"))

        self.buttons = save_cancel_buttons(self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)

        # The context dies on lock; a dialog showing health data must not outlive it.
        ctx.destroyed.connect(self._drop)
        self.load()

    # ---------------------------------------------------------------- pages
    def _build_profile_page(self) -> QWidget:
        page = QWidget(self)
        self.profile_form = form = _Form(page)
        intro = QLabel(
            self.tr("These details go on the cover of the visit packet you take to a doctor."),
            page,
        )
        intro.setWordWrap(True)
        form.layout.addRow(intro)

        self.name_edit = _line(page, self.tr("Name"))
        dob_row = QWidget(page)
        dob_layout = QHBoxLayout(dob_row)
        dob_layout.setContentsMargins(0, 0, 0, 0)
        self.dob_known = QCheckBox(self.tr("Known"), dob_row)
        self.dob_known.setAccessibleName(self.tr("Date of birth known"))
        self.dob_known.setToolTip(self.tr("Untick to leave the date of birth empty"))
        self.dob_edit = make_date_edit(dob_row, self.tr("Date of birth"), latest=dt.date.today())
        self.dob_edit.setDate(QDate(1970, 1, 1))  # a neutral start for the calendar
        self.dob_edit.setEnabled(False)
        self.dob_known.toggled.connect(self.dob_edit.setEnabled)
        dob_layout.addWidget(self.dob_known)
        self.dob_edit.setMinimumWidth(
            self.dob_edit.fontMetrics().horizontalAdvance("00/00/0000") * 2
        )
        dob_layout.addWidget(self.dob_edit)
        dob_layout.addStretch(1)

        self.condition_edit = _multiline(
            page,
            self.tr("Condition under review"),
            self.tr("The diagnosis or question you want a second opinion on"),
            3,
        )
        self.medications_edit = _multiline(
            page,
            self.tr("Medications"),
            self.tr("One per line, with the dose, e.g. Letrozole 2.5 mg once a day"),
            5,
        )
        self.allergies_edit = _multiline(
            page, self.tr("Allergies"), self.tr("e.g. Penicillin (rash), or “none known”"), 3
        )
        form.add("name", self.tr("&Name:"), self.name_edit)
        form.add("date_of_birth", self.tr("&Date of birth:"), dob_row, focus=self.dob_known)
        form.add("condition", self.tr("C&ondition under review:"), self.condition_edit)
        form.add("medications", self.tr("&Medications:"), self.medications_edit)
        form.add("allergies", self.tr("&Allergies:"), self.allergies_edit)
        return page

    def _build_insurance_page(self) -> QWidget:
        page = QWidget(self)
        self.insurance_form = form = _Form(page)
        intro = QLabel(
            self.tr(
                "Ask your insurer whether a second opinion is covered and on what terms, and "
                "note each call in the call log."
            ),
            page,
        )
        intro.setWordWrap(True)
        form.layout.addRow(intro)
        self.insurer_edit = _line(
            page, self.tr("Insurer"), self.tr("e.g. the company on your card")
        )
        self.plan_edit = _line(page, self.tr("Plan name"))
        self.member_edit = _line(page, self.tr("Member ID"))
        self.group_edit = _line(page, self.tr("Group number"))
        self.phone_edit = _line(page, self.tr("Insurer phone"), self.tr("The number on your card"))
        self.covered_combo = _tri_state_combo(page, self.tr("Second opinions covered"))
        self.referral_combo = _tri_state_combo(page, self.tr("Referral needed"))
        self.prior_auth_combo = _tri_state_combo(page, self.tr("Prior authorization needed"))
        self.prior_auth_combo.setToolTip(
            self.tr("Whether the insurer must approve the visit before it happens")
        )
        self.notes_edit = _multiline(
            page, self.tr("Insurance notes"), self.tr("Rules, limits, programmes they mentioned"), 4
        )
        form.add("insurer", self.tr("I&nsurer:"), self.insurer_edit)
        form.add("plan_name", self.tr("&Plan:"), self.plan_edit)
        form.add("member_id", self.tr("&Member ID:"), self.member_edit)
        form.add("group_number", self.tr("&Group number:"), self.group_edit)
        form.add("phone", self.tr("P&hone:"), self.phone_edit)
        form.add("second_opinion_covered", self.tr("Second opinions &covered:"), self.covered_combo)
        form.add("referral_needed", self.tr("&Referral needed:"), self.referral_combo)
        form.add(
            "prior_authorization_needed",
            self.tr("Prior &authorization needed:"),
            self.prior_auth_combo,
        )
        form.add("notes", self.tr("N&otes:"), self.notes_edit)
        return page

    def _build_calls_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Each time you call your insurer, note the date, who you spoke to, the reference "
                "number and what they said. Calls are saved as soon as you add them."
            ),
            page,
        )
        intro.setWordWrap(True)

        bar = QHBoxLayout()
        self.add_call_button = QPushButton(icons.icon("fa5s.plus"), self.tr("&Add call…"), page)
        self.add_call_button.setAccessibleName(self.tr("Add call"))
        self.add_call_button.clicked.connect(self.add_call)
        self.edit_call_button = QPushButton(icons.icon("fa5s.edit"), self.tr("&Edit…"), page)
        self.edit_call_button.setAccessibleName(self.tr("Edit call"))
        self.edit_call_button.clicked.connect(self.edit_call)
        self.delete_call_button = QPushButton(
            icons.icon("fa5s.trash-alt"), self.tr("&Delete"), page
        )
        self.delete_call_button.setAccessibleName(self.tr("Delete call"))
        self.delete_call_button.clicked.connect(self.delete_call)
        bar.addWidget(self.add_call_button)
        bar.addStretch(1)
        bar.addWidget(self.edit_call_button)
        bar.addWidget(self.delete_call_button)

        self.call_model: RowTableModel[profiles.CallRow] = RowTableModel(
            [
                Column(
                    self.tr("Date"),
                    lambda c: format_date(c.called_on),
                    sort_key=lambda c: (c.called_on, c.id),
                ),
                Column(self.tr("Spoke with"), lambda c: c.spoke_with),
                Column(self.tr("Reference"), lambda c: c.reference_number),
                Column(
                    self.tr("What was said"),
                    lambda c: " ".join(c.summary.split())[:200],
                    tooltip=lambda c: c.summary[:2000],
                ),
            ],
            row_id=lambda c: c.id,
            parent=self,
        )
        self.call_proxy = SearchFilterProxy(self)
        self.call_proxy.setSourceModel(self.call_model)
        self.call_view = QTableView(page)
        self.call_view.setModel(self.call_proxy)
        self.call_view.setAccessibleName(self.tr("Insurance calls"))
        self.call_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.call_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.call_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.call_view.setSortingEnabled(True)
        self.call_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.call_view.verticalHeader().hide()
        header = self.call_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.call_view.doubleClicked.connect(lambda _index: self.edit_call())
        self.call_view.selectionModel().selectionChanged.connect(self._update_call_buttons)

        self.empty_calls = QLabel(
            self.tr("No calls logged yet. Add one after you speak to your insurer."), page
        )
        self.empty_calls.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_calls.setWordWrap(True)
        self.call_stack = QStackedWidget(page)
        self.call_stack.addWidget(self.empty_calls)
        self.call_stack.addWidget(self.call_view)

        layout.addWidget(intro)
        layout.addLayout(bar)
        layout.addWidget(self.call_stack, 1)
        return page

    # ---------------------------------------------------------------- loading
    def load(self) -> None:
        with self.ctx.session() as session:
            person = profiles.get_profile(session, self.person_id)
            plan = profiles.get_insurance(session, self.person_id)
            calls = profiles.list_calls(session, self.person_id)

        self.name_edit.setText(person.name)
        self.dob_known.setChecked(person.date_of_birth is not None)
        if person.date_of_birth is not None:
            self.dob_edit.setDate(to_qdate(person.date_of_birth))
        self.condition_edit.setPlainText(person.condition)
        self.medications_edit.setPlainText(person.medications)
        self.allergies_edit.setPlainText(person.allergies)

        self.insurer_edit.setText(plan.insurer)
        self.plan_edit.setText(plan.plan_name)
        self.member_edit.setText(plan.member_id)
        self.group_edit.setText(plan.group_number)
        self.phone_edit.setText(plan.phone)
        _set_tri_state(self.covered_combo, plan.second_opinion_covered)
        _set_tri_state(self.referral_combo, plan.referral_needed)
        _set_tri_state(self.prior_auth_combo, plan.prior_authorization_needed)
        self.notes_edit.setPlainText(plan.notes)

        self._set_calls(calls)
        self._loaded = (self.profile_value(), self.insurance_value())

    def _set_calls(self, calls: list[profiles.CallRow]) -> None:
        self.call_model.set_rows(calls)
        self.call_stack.setCurrentWidget(self.call_view if calls else self.empty_calls)
        self._update_call_buttons()

    def profile_value(self) -> profiles.Profile:
        return profiles.Profile(
            name=self.name_edit.text(),
            date_of_birth=from_qdate(self.dob_edit.date()) if self.dob_known.isChecked() else None,
            condition=self.condition_edit.toPlainText(),
            medications=self.medications_edit.toPlainText(),
            allergies=self.allergies_edit.toPlainText(),
        )

    def insurance_value(self) -> profiles.InsuranceDetails:
        return profiles.InsuranceDetails(
            insurer=self.insurer_edit.text(),
            plan_name=self.plan_edit.text(),
            member_id=self.member_edit.text(),
            group_number=self.group_edit.text(),
            phone=self.phone_edit.text(),
            second_opinion_covered=_tri_state(self.covered_combo),
            referral_needed=_tri_state(self.referral_combo),
            prior_authorization_needed=_tri_state(self.prior_auth_combo),
            notes=self.notes_edit.toPlainText(),
        )

    def has_unsaved_changes(self) -> bool:
        return (self.profile_value(), self.insurance_value()) != self._loaded

    def show_page(self, page: str) -> None:
        self.pages.setCurrentIndex(PAGES.index(page) if page in PAGES else 0)

    # ---------------------------------------------------------------- saving
    def accept(self) -> None:
        if self._save():
            super().accept()

    def _save(self) -> bool:
        self.profile_form.clear_errors()
        self.insurance_form.clear_errors()
        person, plan = self.profile_value(), self.insurance_value()
        # Check both pages first, so every bad field is marked at once and nothing is half-saved.
        problems: list[tuple[int, _Form, ValidationError]] = []
        for page, form, check in (
            (0, self.profile_form, lambda: profiles.clean_profile(person)),
            (1, self.insurance_form, lambda: profiles.clean_insurance(plan)),
        ):
            try:
                check()
            except ValidationError as refusal:
                problems.append((page, form, refusal))
        if problems:
            for page, form, problem in reversed(problems):
                self.pages.setCurrentIndex(page)
                if not form.show_error(problem):
                    prompts.show_error(self, self.tr("Not saved"), problem.message)
            return False
        try:
            with self.ctx.session() as session:
                before = profiles.get_profile(session, self.person_id).name
                saved = profiles.save_profile(session, self.person_id, person)
                profiles.save_insurance(session, self.person_id, plan)
        except (ServiceError, SQLAlchemyError) as error:
            log.warning("profile not saved for person %s: %s", self.person_id, type(error).__name__)
            prompts.show_error(
                self,
                self.tr("Not saved"),
                self.tr("The profile could not be saved. Your changes are still in the form."),
            )
            return False
        log.info("profile and insurance saved for person %s", self.person_id)
        self.ctx.notify_changed("profile")
        if saved.name != before:
            self.ctx.notify_changed("people")  # the person switcher shows the name
        self._loaded = (self.profile_value(), self.insurance_value())
        return True

    def reject(self) -> None:
        if self.has_unsaved_changes() and not prompts.ask_confirm(
            self,
            self.tr("Discard changes?"),
            self.tr("Your changes to the profile and insurance details have not been saved."),
            self.tr("Discard changes"),
        ):
            return
        super().reject()

    # ---------------------------------------------------------------- call log
    def selected_call(self) -> profiles.CallRow | None:
        index = self.call_view.currentIndex()
        if not index.isValid() or not self.call_view.selectionModel().hasSelection():
            return None
        return self.call_model.row_at(self.call_proxy.mapToSource(index).row())

    def _update_call_buttons(self, *_args: object) -> None:
        has = self.selected_call() is not None
        self.edit_call_button.setEnabled(has)
        self.delete_call_button.setEnabled(has)

    def add_call(self) -> CallDialog:
        def save(value: profiles.CallInput) -> profiles.CallRow:
            with self.ctx.session() as session:
                return profiles.add_call(session, self.person_id, value)

        return self._open_call_dialog(save, None)

    def edit_call(self) -> CallDialog | None:
        call = self.selected_call()
        if call is None:
            return None

        def save(value: profiles.CallInput) -> profiles.CallRow:
            with self.ctx.session() as session:
                return profiles.update_call(session, self.person_id, call.id, value)

        return self._open_call_dialog(save, call)

    def _open_call_dialog(
        self, save: Callable[[profiles.CallInput], profiles.CallRow], call: profiles.CallRow | None
    ) -> CallDialog:
        dialog = CallDialog(self, save, call)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._call_saved(dialog.saved))
        self.call_dialog = dialog
        dialog.open()  # window-modal, but never blocks (tests fill it and call accept())
        return dialog

    def _call_saved(self, row: profiles.CallRow | None) -> None:
        if row is None:
            return
        self.call_model.upsert(row)
        self.call_stack.setCurrentWidget(self.call_view)
        position = self.call_model.position_of(row.id)
        if position is not None:
            index = self.call_proxy.mapFromSource(self.call_model.index(position, 0))
            self.call_view.selectRow(index.row())
        self.ctx.notify_changed("profile")

    def delete_call(self) -> None:
        call = self.selected_call()
        if call is None:
            return
        who = call.spoke_with or self.tr("the insurer")
        text = self.tr("Delete the call of {date} with {who}?").format(
            date=format_date(call.called_on), who=who
        )
        if call.reference_number:
            text += " " + self.tr("(reference {ref})").format(ref=call.reference_number)
        if not prompts.ask_confirm(self, self.tr("Delete call"), text, self.tr("Delete call")):
            return
        try:
            with self.ctx.session() as session:
                profiles.delete_call(session, self.person_id, call.id)
        except (ServiceError, SQLAlchemyError) as error:
            log.warning("insurance call %s not deleted: %s", call.id, type(error).__name__)
            prompts.show_error(
                self, self.tr("Not deleted"), self.tr("The call could not be deleted.")
            )
            return
        self.call_model.remove(call.id)
        if not self.call_model.rowCount():
            self.call_stack.setCurrentWidget(self.empty_calls)
        self._update_call_buttons()
        self.ctx.notify_changed("profile")

    # ---------------------------------------------------------------- lifetime
    def _drop(self, *_args: object) -> None:
        self.call_model.clear()
        self.done(QDialog.DialogCode.Rejected)
        self.deleteLater()


def open_profile_dialog(
    parent: QWidget | None, ctx: AppContext, page: str = "profile"
) -> ProfileDialog:
    """Show the dialog at ``page`` ("profile", "insurance" or "calls"); reuse an open one."""
    if parent is not None:
        for existing in parent.findChildren(ProfileDialog):
            if existing.isVisible() and existing.person_id == ctx.person_id:
                existing.show_page(page)
                existing.raise_()
                existing.activateWindow()
                return existing
    dialog = ProfileDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show_page(page)
    dialog.open()
    return dialog
