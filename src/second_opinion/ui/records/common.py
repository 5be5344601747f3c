"""Words, icons and date texts the records views share, so a state looks the same everywhere."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from second_opinion.case.records import RecordsCounts
from second_opinion.domain.enums import RecordKind, RequestState, TransferMethod
from second_opinion.services import labels
from second_opinion.services.authorizations import AuthorizationProblem
from second_opinion.services.record_requests import RequestRow
from second_opinion.services.records import CellState, ItemRow
from second_opinion.ui import icons, palette
from second_opinion.ui.dates import format_date, from_qdate, make_date_edit, to_qdate

S = RequestState

# Every accent is paired with a word, so nothing depends on seeing the color.
ALERT, WARN, GOOD, INFO, QUIET = (
    palette.PROBLEM,
    palette.WARN,
    palette.GOOD,
    palette.INFO,
    palette.QUIET,
)

_STATE_ICONS: dict[RequestState, tuple[str, str]] = {
    S.TO_REQUEST: ("fa5.circle", QUIET),
    S.REQUESTED: ("fa5s.hourglass-half", INFO),
    S.EXTENDED: ("fa5s.calendar-plus", INFO),
    S.WAITING_ON_ME: ("fa5s.hand-paper", WARN),
    S.PARTLY_RECEIVED: ("fa5s.adjust", INFO),
    S.SENT: ("fa5s.paper-plane", INFO),
    S.RECEIVED: ("fa5s.check-circle", GOOD),
    S.PROBLEM: ("fa5s.times-circle", ALERT),
}

_CELL_ICONS: dict[CellState, tuple[str, str]] = {
    CellState.NOTHING: ("fa5.circle", QUIET),
    CellState.REQUESTED: ("fa5s.hourglass-half", INFO),
    CellState.SENT: ("fa5s.paper-plane", INFO),
    CellState.CONFIRMED: ("fa5s.check-circle", GOOD),
}


def icon(name: str, accent: str | None = None) -> QIcon:
    """A cell icon in one of the palette's accents (its shade for a light or dark window)."""
    return icons.cell_icon(name, palette.accent(accent) if accent else None)


#: the plain icons the Records tab is built with (its actions, menus and views)
_BUILT_WITH = (
    "fa5s.plus", "fa5s.paper-plane", "fa5s.hourglass-half", "fa5s.check-circle",
    "fa5s.calendar-plus", "fa5s.undo", "fa5s.file-alt", "fa5s.ellipsis-h", "fa5s.address-card",
    "fa5s.file-signature", "fa5s.envelope", "fa5s.file-pdf", "fa5s.edit", "fa5s.trash-alt",
    "fa5s.clock", "fa5s.phone", "fa5s.calendar-alt", "fa5s.copy", "fa5s.external-link-alt",
    "fa5s.exchange-alt", "fa5s.file-medical", "fa5s.th", "fa5s.folder-open", "fa5s.info-circle",
)  # fmt: skip


def icons_ahead() -> list[Callable[[], object]]:
    """Drawing each icon the Records tab is built with: the window draws them a few per turn
    of the event loop before it builds the tab (``window.startup``), which otherwise drew
    them all in the one turn of its build."""
    steps: list[Callable[[], object]] = [overdue_icon, lambda: icon("fa5s.calendar-times", ALERT)]
    steps += [functools.partial(state_icon, state) for state in RequestState]
    steps += [functools.partial(icon, name) for name in _BUILT_WITH]
    steps.append(lambda: icons.icon("fa5s.paperclip"))
    return steps


def tr(text: str, n: int = -1) -> str:
    """Translate in the "records" context; ``n`` fills ``%n`` and picks the plural form."""
    return QCoreApplication.translate("records", text, None, n)


def legal_deadline_note() -> str:
    """What the law says about the 30 days, said once for every records form that mentions it."""
    return tr(
        "The 30 days apply only when you ask for your own records under HIPAA (your right of "
        "access): the holder must act within 30 days, and may extend once, by up to 30 more "
        "days, if it tells you in writing within the first 30 days why and by when. Transfers "
        "from one provider to another have no such legal deadline."
    )


def filter_combo(parent: QWidget, accessible_name: str, everything: str | None = None) -> QComboBox:
    """A filter of the search row, ``everything`` its first choice (no filter). Long names
    (organizations) do not widen it enough to push the search field off the row."""
    combo = QComboBox(parent)
    combo.setAccessibleName(accessible_name)
    if everything is not None:
        combo.addItem(everything, None)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


def state_label(state: RequestState) -> str:
    return QCoreApplication.translate("labels", labels.REQUEST_STATE[state])


def state_icon(state: RequestState) -> QIcon:
    return icon(*_STATE_ICONS[state])


def overdue_icon() -> QIcon:
    return icon("fa5s.exclamation-triangle", ALERT)


def kind_label(kind: RecordKind) -> str:
    return QCoreApplication.translate("labels", labels.RECORD_KIND[kind])


def method_label(method: TransferMethod) -> str:
    return QCoreApplication.translate("labels", labels.TRANSFER_METHOD[method])


def cell_label(state: CellState) -> str:
    return {
        CellState.NOTHING: tr("Not sent"),
        CellState.REQUESTED: tr("Requested"),
        CellState.SENT: tr("Sent"),
        CellState.CONFIRMED: tr("Confirmed"),
    }[state]


def cell_icon(state: CellState) -> QIcon:
    return icon(*_CELL_ICONS[state])


def authorization_problem_label(problem: AuthorizationProblem) -> str:
    return tr("Expired") if problem is AuthorizationProblem.EXPIRED else tr("Revoked")


def authorization_problem_icon(problem: AuthorizationProblem) -> QIcon:
    if problem is AuthorizationProblem.EXPIRED:
        return icon("fa5s.calendar-times", ALERT)
    return icon("fa5s.ban", ALERT)


def days_overdue_text(days: int) -> str:
    return tr("1 day overdue") if days == 1 else tr("%n days overdue", days)


def due_hint(due: dt.date, today: dt.date) -> str:
    """A relative hint for a due date ("in 3 days", "today", "12 days overdue")."""
    days = (due - today).days
    if days == 0:
        return tr("due today")
    if days == 1:
        return tr("due tomorrow")
    if days > 1:
        return tr("in %n days", days)
    return days_overdue_text(-days)


class OptionalDateEdit(QWidget):
    """A date that may be missing: a check box says whether it is set.

    Signals:
        sig_changed(): the box was ticked or the date changed.
    """

    sig_changed = Signal()

    def __init__(self, label: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(label, self)
        self.check.setAccessibleName(accessible_name + " " + tr("is set"))
        self.edit = make_date_edit(self, accessible_name)
        self.edit.setEnabled(False)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.sig_changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.sig_changed.emit())
        self.setFocusProxy(self.check)

    def value(self) -> dt.date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(to_qdate(value))


def item_text(item: ItemRow) -> str:
    """A record as one line: its description (or kind) and its date of service."""
    when = format_date(item.date_of_service)
    text = item.description or kind_label(item.kind)
    return f"{text} ({when})" if when else text


def items_text(request: RequestRow) -> str:
    """The records a request is for, as one line."""
    return "; ".join(i.description or kind_label(i.kind) for i in request.items)


def view_labels(counts: RecordsCounts) -> list[str]:
    """The labels of the Records tab's four views, in their order, with the counts that matter."""
    return [
        tr("Requests (%n open)", counts.open_requests),
        tr("Record items (%n not requested)", counts.items_not_requested)
        if counts.items_not_requested
        else tr("Record items"),
        tr("Who has what"),
        tr("Authorizations (%n expired or revoked)", counts.flagged_authorizations)
        if counts.flagged_authorizations
        else tr("Authorizations"),
    ]


def records_title(counts: RecordsCounts) -> str:
    """The Records tab's own title: how many requests are overdue, if any."""
    return tr("Records (%n overdue)", counts.overdue) if counts.overdue else tr("Records")


def request_search_text(row: RequestRow) -> str:
    """What the search field of the requests list matches in a request."""
    return " ".join(
        (
            items_text(row),
            row.holder_name,
            row.recipient_name,
            row.reference_number,
            row.notes,
            state_label(row.state),
            method_label(row.method),
        )
    )
