"""What a visit's doctor needs: the records they are expected to need, each with a check box;
unticking one marks it "not needed for this doctor" (kept), so the visit's readiness and its
packet's "Still missing" no longer list it. The rule is ``services.doctor_needs``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QListView, QWidget

from second_opinion.case import doctor_needs as case_needs
from second_opinion.case.doctor_needs import DoctorNeeds
from second_opinion.services import labels
from second_opinion.services.doctor_needs import Candidate
from second_opinion.ui.check_list_model import CheckListModel
from second_opinion.ui.context import AppContext
from second_opinion.ui.form_base import FormDialog
from second_opinion.ui.ops import Pending
from second_opinion.ui.table_model import Column


def _tr(text: str) -> str:
    return QCoreApplication.translate("doctor_needs", text)


def _why(candidate: Candidate) -> str:
    if candidate.on_request:
        return _tr("requested for this doctor")
    return _tr("fits their specialty")


def candidate_text(candidate: Candidate | None) -> str:
    if candidate is None:  # the line that says there is nothing to tick
        return _tr("No records are requested for this doctor yet.")
    kind = QCoreApplication.translate("labels", labels.RECORD_KIND[candidate.kind])
    text = f"{kind}: {candidate.description}" if candidate.description else kind
    return f"{text} ({_why(candidate)})"


class DoctorNeedsForm(FormDialog):
    def __init__(self, ctx: AppContext, needs: DoctorNeeds, parent: QWidget | None = None):
        super().__init__(_tr("What %1 needs").replace("%1", needs.doctor_name), parent)
        self.ctx = ctx
        self.needs = needs
        intro = QLabel(
            _tr(
                "These are the records this doctor is expected to need: those requested for "
                "them, and those that fit their specialty. Untick any they do not need; it is "
                "then no longer listed as missing for their visit."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.header.addWidget(intro)
        self.model: CheckListModel[Candidate | None] = CheckListModel(
            [Column("", candidate_text)],
            row_id=lambda c: c.item_id if c is not None else None,
            checkable=lambda c: c is not None,
            parent=self,
        )
        self.items = QListView(self)
        self.items.setModel(self.model)
        self.items.setAccessibleName(_tr("Records this doctor needs"))
        with self.loading():
            rows: list[Candidate | None] = list(needs.candidates) or [None]
            needed = [c.item_id for c in needs.candidates if not c.not_needed]
            self.model.set_rows(rows, checked=needed)
        self.model.sig_checked.connect(self.mark_dirty)
        self.add_field("items", self.items, _tr("&Needed:"))
        self.resize(560, 420)

    def not_needed(self) -> list[int]:
        return [i for i in self.model.unchecked_ids() if isinstance(i, int)]

    def collect(self) -> list[int]:
        return self.not_needed()

    def submit(self, data: list[int]) -> Pending[object]:
        doctor_id = self.needs.doctor_id
        return self.ctx.ops.change(
            lambda case: case_needs.save_not_needed(case, doctor_id, data),
            owner=self,
            title=self.windowTitle(),
        )


def open_doctor_needs(parent: QWidget, ctx: AppContext, visit_id: int) -> None:
    """Read what the visit's doctor is expected to need, then show the form."""

    def show(needs: DoctorNeeds) -> None:
        form = DoctorNeedsForm(ctx, needs, parent)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.open()

    ctx.ops.query(
        lambda case: case_needs.needs_for_visit(case, visit_id),
        owner=parent,
        title=_tr("What this doctor needs"),
    ).success(show).run()
