"""Profile and insurance: one form with three pages (profile, insurance, call log).

The profile and the insurance plan are saved together with the form's Save button; calls in
the log are saved as soon as each one is added, changed or deleted, as a person writing notes
during a phone call would expect. Both are ``FormDialog``s: problems show beside their field
and on the problem line, and everything is read and saved through the operations runner
(``case.profile``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from second_opinion.case import profile as profile_case
from second_opinion.domain.enums import TriState
from second_opinion.services import profile as profiles
from second_opinion.services.errors import ServiceError, ValidationError
from second_opinion.services.labels import TRI_STATE
from second_opinion.ui import icons, insurance_calls, prompts
from second_opinion.ui.call_form import CallDialog, line, multiline
from second_opinion.ui.context import AppContext
from second_opinion.ui.dates import format_date, from_qdate, make_date_edit, to_qdate
from second_opinion.ui.form_base import FormDialog
from second_opinion.ui.profile_reach import ReachFields
from second_opinion.ui.search_proxy import SearchFilterProxy

if TYPE_CHECKING:
    from second_opinion.ui.ops import Pending

log = logging.getLogger(__name__)

PAGES = ("profile", "insurance", "calls", "summary")


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


# ------------------------------------------------------------------ the dialog


class ProfileDialog(FormDialog):
    """The profile and insurance of the person whose case was shown when it opened.

    Its fields are filled once the runner has read them; Save stays off until then.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("ProfileDialog", "Profile and insurance"), parent
        )
        self.ctx = ctx
        self.person_id = ctx.person_id
        self.call_dialog: CallDialog | None = None
        self.loaded = False
        self._field_page: dict[str, int] = {}
        self.setMinimumSize(640, 560)
        self.resize(760, 640)

        self.pages = QTabWidget(self)
        self.pages.setAccessibleName(self.tr("Profile pages"))
        self.pages.addTab(self._build_profile_page(), icons.icon("fa5s.user"), self.tr("&Profile"))
        self.pages.addTab(
            self._build_insurance_page(), icons.icon("fa5s.id-card"), self.tr("&Insurance")
        )
        self.pages.addTab(self._build_calls_page(), icons.icon("fa5s.phone"), self.tr("&Call log"))
        from second_opinion.ui.health_summary import HealthSummaryWidget

        self.health_summary = HealthSummaryWidget(ctx, self)
        self.pages.addTab(
            self.health_summary, icons.icon("fa5s.file-medical"), self.tr("&Health summary")
        )
        # The summary saves each entry as it is made; the old free text is kept as it was.
        self._kept_text = ("", "")
        # The pages take the place of the base's single form.
        self.scroll_area.setWidget(self.pages)

        # The context dies on lock; a dialog showing health data must not outlive it.
        ctx.destroyed.connect(self._drop)
        self.load()

    def _page_form(self, page: QWidget) -> QFormLayout:
        """Make ``page`` the place ``add_field`` puts the next fields."""
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_widget, self.form = page, form
        return form

    def _add(self, page: int, field: str, widget: QWidget, caption: str) -> None:
        self.add_field(field, widget, caption)
        self._field_page[field] = page

    # ---------------------------------------------------------------- pages
    def _build_profile_page(self) -> QWidget:
        page = QWidget(self)
        form = self._page_form(page)
        intro = QLabel(
            self.tr("These details go on the cover of the visit packet you take to a doctor."),
            page,
        )
        intro.setWordWrap(True)
        form.addRow(intro)

        self.name_edit = line(page, self.tr("Name"))
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
        # Two widgets make one field: either one edited counts as typing, and clears its problem.
        self.dob_known.toggled.connect(self._dob_edited)
        self.dob_edit.dateChanged.connect(self._dob_edited)
        dob_row.setFocusProxy(self.dob_known)
        dob_layout.addWidget(self.dob_known)
        self.dob_edit.setMinimumWidth(
            self.dob_edit.fontMetrics().horizontalAdvance("00/00/0000") * 2
        )
        dob_layout.addWidget(self.dob_edit)
        dob_layout.addStretch(1)

        self.condition_edit = multiline(
            page,
            self.tr("Condition under review"),
            self.tr("The diagnosis or question you want a second opinion on"),
            3,
        )
        self._add(0, "name", self.name_edit, self.tr("&Name:"))
        self._add(0, "date_of_birth", dob_row, self.tr("&Date of birth:"))
        self._add(0, "condition", self.condition_edit, self.tr("C&ondition under review:"))
        self.reach = ReachFields(page, lambda f, w, c: self._add(0, f, w, c))
        summary_hint = QLabel(
            self.tr(
                "Medications, allergies, other conditions, procedures and results are on the "
                "Health summary page."
            ),
            page,
        )
        summary_hint.setWordWrap(True)
        form.addRow(summary_hint)
        return page

    def _build_insurance_page(self) -> QWidget:
        page = QWidget(self)
        form = self._page_form(page)
        intro = QLabel(
            self.tr(
                "Ask your insurer whether a second opinion is covered and on what terms, and "
                "note each call in the call log."
            ),
            page,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.insurer_edit = line(page, self.tr("Insurer"), self.tr("e.g. the company on your card"))
        self.plan_edit = line(page, self.tr("Plan name"))
        self.member_edit = line(page, self.tr("Member ID"))
        self.group_edit = line(page, self.tr("Group number"))
        self.phone_edit = line(page, self.tr("Insurer phone"), self.tr("The number on your card"))
        self.covered_combo = _tri_state_combo(page, self.tr("Second opinions covered"))
        self.referral_combo = _tri_state_combo(page, self.tr("Referral needed"))
        self.prior_auth_combo = _tri_state_combo(page, self.tr("Prior authorization needed"))
        self.prior_auth_combo.setToolTip(
            self.tr("Whether the insurer must approve the visit before it happens")
        )
        self.notes_edit = multiline(
            page, self.tr("Insurance notes"), self.tr("Rules, limits, programs they mentioned"), 4
        )
        for field, widget, caption in (
            ("insurer", self.insurer_edit, self.tr("I&nsurer:")),
            ("plan_name", self.plan_edit, self.tr("&Plan:")),
            ("member_id", self.member_edit, self.tr("&Member ID:")),
            ("group_number", self.group_edit, self.tr("&Group number:")),
            ("phone", self.phone_edit, self.tr("P&hone:")),
            ("second_opinion_covered", self.covered_combo, self.tr("Second opinions &covered:")),
            ("referral_needed", self.referral_combo, self.tr("&Referral needed:")),
            (
                "prior_authorization_needed",
                self.prior_auth_combo,
                self.tr("Prior &authorization needed:"),
            ),
            ("notes", self.notes_edit, self.tr("N&otes:")),
        ):
            self._add(1, field, widget, caption)
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

        self.call_model = insurance_calls.calls_model(self)
        self.call_proxy = SearchFilterProxy(self)
        self.call_proxy.setSourceModel(self.call_model)
        self.call_view = insurance_calls.calls_view(page, self.call_proxy)
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
        self.save_button.setEnabled(False)  # nothing to save over until the fields are filled
        person_id = self.person_id
        self.ctx.ops.query(
            lambda case: profile_case.profile_board(case, person_id), owner=self
        ).success(self._fill).run()

    def _fill(self, board: profile_case.ProfileBoard) -> None:
        person, plan = board.profile, board.insurance
        with self.loading():
            self._filling = True
            self.name_edit.setText(person.name)
            self.dob_known.setChecked(person.date_of_birth is not None)
            if person.date_of_birth is not None:
                self.dob_edit.setDate(to_qdate(person.date_of_birth))
            self.condition_edit.setPlainText(person.condition)
            self.reach.fill(person)
            self._kept_text = (person.medications, person.allergies)

            self.insurer_edit.setText(plan.insurer)
            self.plan_edit.setText(plan.plan_name)
            self.member_edit.setText(plan.member_id)
            self.group_edit.setText(plan.group_number)
            self.phone_edit.setText(plan.phone)
            _set_tri_state(self.covered_combo, plan.second_opinion_covered)
            _set_tri_state(self.referral_combo, plan.referral_needed)
            _set_tri_state(self.prior_auth_combo, plan.prior_authorization_needed)
            self.notes_edit.setPlainText(plan.notes)
            self._filling = False
        self._set_calls(board.calls)
        self.loaded = True
        self.save_button.setEnabled(True)

    _filling = False

    def _dob_edited(self, *_args: object) -> None:
        if not self._filling:
            self.mark_dirty()
            self.errors.clear("date_of_birth")

    def _set_calls(self, calls: list[profiles.CallRow]) -> None:
        self.call_model.set_rows(calls)
        self.call_stack.setCurrentWidget(self.call_view if calls else self.empty_calls)
        self._update_call_buttons()

    def profile_value(self) -> profiles.Profile:
        return profiles.Profile(
            name=self.name_edit.text(),
            date_of_birth=from_qdate(self.dob_edit.date()) if self.dob_known.isChecked() else None,
            condition=self.condition_edit.toPlainText(),
            medications=self._kept_text[0],
            allergies=self._kept_text[1],
            **self.reach.values(),
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

    def show_page(self, page: str) -> None:
        self.pages.setCurrentIndex(PAGES.index(page) if page in PAGES else 0)

    # ---------------------------------------------------------------- saving
    def accept(self) -> None:
        if self.loaded:
            super().accept()

    def collect(self) -> tuple[profiles.Profile, profiles.InsuranceDetails]:
        """Both pages' data; both pages are checked first, so every page's first bad field
        is marked at once and nothing is half-saved."""
        person, plan = self.profile_value(), self.insurance_value()
        problems: list[ValidationError] = []
        for check in (
            lambda: profiles.clean_profile(person),
            lambda: profiles.clean_insurance(plan),
        ):
            try:
                check()
            except ValidationError as refusal:
                problems.append(refusal)
        for problem in problems[1:]:
            self.show_service_error(problem)
        if problems:
            raise problems[0]  # shown last, so its page is the one in view
        return person, plan

    def submit(
        self, data: tuple[profiles.Profile, profiles.InsuranceDetails]
    ) -> Pending[profiles.Profile]:
        person_id = self.person_id
        person, plan = data
        return self.ctx.ops.change(
            lambda case: profile_case.save_profile_and_insurance(case, person_id, person, plan),
            owner=self,
            title=self.tr("Not saved"),
        )

    def after_save(self, value: profiles.Profile) -> None:
        log.info("profile and insurance saved")

    def show_service_error(self, exc: ServiceError) -> None:
        """Beside its field, with the field's page brought into view."""
        super().show_service_error(exc)
        page = self._field_page.get(exc.field or "")
        if page is not None:
            self.pages.setCurrentIndex(page)

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

    def _call_submit(
        self, call_id: int | None
    ) -> Callable[[profiles.CallInput], Pending[profiles.CallRow]]:
        person_id = self.person_id

        def submit(value: profiles.CallInput) -> Pending[profiles.CallRow]:
            return self.ctx.ops.change(
                lambda case: profile_case.save_call(case, person_id, value, call_id),
                owner=self,
                title=self.tr("Not saved"),
            )

        return submit

    def add_call(self) -> CallDialog:
        return self._open_call_dialog(None)

    def edit_call(self) -> CallDialog | None:
        call = self.selected_call()
        if call is None:
            return None
        return self._open_call_dialog(call)

    def _open_call_dialog(self, call: profiles.CallRow | None) -> CallDialog:
        dialog = CallDialog(self, self._call_submit(call.id if call else None), call)
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
        person_id = self.person_id
        self.ctx.ops.change(
            lambda case: profile_case.delete_call(case, person_id, call.id),
            owner=self,
            title=self.tr("Not deleted"),
        ).success(lambda _none: self._call_deleted(call.id)).run()

    def _call_deleted(self, call_id: int) -> None:
        self.call_model.remove(call_id)
        if not self.call_model.rowCount():
            self.call_stack.setCurrentWidget(self.empty_calls)
        self._update_call_buttons()

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
