"""The form that adds or changes one entry of the health summary."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from second_opinion.case import health_summary as summary_case
from second_opinion.services.errors import ValidationError
from second_opinion.services.health_summary import Entry, EntryData, Kind
from second_opinion.ui.context import AppContext
from second_opinion.ui.form_base import FormDialog
from second_opinion.ui.health_summary.columns import columns, kind_singular
from second_opinion.ui.ops import Pending


class EntryForm(FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        kind: Kind,
        entry: Entry[Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        what = kind_singular(kind)
        tr = QCoreApplication.translate
        title = tr("EntryForm", "Change the {0}") if entry else tr("EntryForm", "Add a {0}")
        super().__init__(title.format(what), parent)
        self.ctx = ctx
        self.kind = kind
        self.entry = entry
        self.edits: dict[str, QLineEdit] = {}
        for column in columns(kind):
            edit = QLineEdit(self)
            edit.setAccessibleName(column.caption)
            check = None
            if column.is_date:
                edit.setPlaceholderText(self.tr("YYYY-MM-DD, or empty"))
                check = self._date_check(column.field, edit)
            self.edits[column.field] = edit
            self.add_field(column.field, edit, column.caption + ":", check)
        if entry is not None:
            with self.loading():
                for field, edit in self.edits.items():
                    value = getattr(entry.data, field)
                    edit.setText(value.isoformat() if isinstance(value, dt.date) else value)

    def _date_check(self, field: str, edit: QLineEdit) -> Any:
        def check() -> dt.date | None:
            text = edit.text().strip()
            if not text:
                return None
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                raise ValidationError(
                    self.tr("Write the date as year-month-day, e.g. 2026-03-15."), field=field
                ) from None

        return check

    def collect(self) -> EntryData:
        values: dict[str, Any] = {}
        for column in columns(self.kind):
            edit = self.edits[column.field]
            if column.is_date:
                values[column.field] = self._date_check(column.field, edit)()
            else:
                values[column.field] = edit.text()
        cls = self.kind.data_class
        return cls(**{f.name: values[f.name] for f in dataclasses.fields(cls)})

    def submit(self, data: EntryData) -> Pending[Any]:
        entry_id = self.entry.id if self.entry else None
        return self.ctx.ops.change(
            lambda case: summary_case.save_entry(case, data, entry_id),
            owner=self,
            title=self.tr("Saving the health summary"),
        )
