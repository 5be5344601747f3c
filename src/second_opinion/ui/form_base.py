"""The one base of every form dialog: fields, their problems, Save and Cancel.

What every form does the same way:

- A problem is shown beside its field (a warning icon that is always there but blank until
  needed, so nothing below it moves) and spelled out in the problem line above the buttons.
  Showing a problem never moves the focus: the person keeps typing where they are.
- A problem clears as soon as the field's value is fine again (the field's check runs on
  every edit while it has a problem), and a field with a check is checked when it is left.
- Save runs the form's operation through the runner. A rule's refusal lands on its field
  and the form stays open; a vault that cannot save shows the runner's one message and the
  form stays open with everything typed; success closes the form.
- Cancel (and Esc) always works at once; when something was typed it first asks whether to
  discard it.

Subclasses build their fields with ``add_field``, implement ``collect`` (the typed data) and
``submit`` (the operation that stores it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from second_opinion.services.errors import ServiceError, ValidationError
from second_opinion.ui import icons, palette, prompts
from second_opinion.ui.announce import announce
from second_opinion.ui.dialog_buttons import save_cancel_buttons
from second_opinion.ui.ops import service_error_text

if TYPE_CHECKING:
    from second_opinion.ui.ops import Pending

#: the size of the warning icon beside a field; its place is kept while blank
ICON_SIZE = 16


def _field_caption(caption: str) -> str:
    return caption.replace("&", "").rstrip(":").strip()


class FieldProblems:
    """The problems of a form's fields: an icon beside each field and one line that lists them.

    Nothing is inserted into the form when a problem shows, so no field moves.
    """

    def __init__(self, summary: QLabel) -> None:
        self._summary = summary
        self._icons: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        self._captions: dict[str, str] = {}
        self._messages: dict[str, str] = {}
        self._general = ""

    def register(self, field: str, widget: QWidget, icon: QLabel, caption: str) -> None:
        self._widgets[field] = widget
        self._icons[field] = icon
        self._captions[field] = _field_caption(caption)

    def has_field(self, field: str | None) -> bool:
        return field is not None and field in self._widgets

    def show(self, field: str | None, message: str) -> bool:
        """Show ``message`` for ``field``; False when the form has no such field."""
        if field is None or field not in self._widgets:
            return False
        self._messages[field] = message
        icon = self._icons[field]
        icon.setPixmap(
            icons.pixmap("fa5s.exclamation-triangle", ICON_SIZE, palette.accent(palette.PROBLEM))
        )
        icon.setToolTip(message)
        icon.setAccessibleName(
            QCoreApplication.translate("forms", "Problem with {field}: {message}").format(
                field=self._captions[field], message=message
            )
        )
        self._widgets[field].setAccessibleDescription(message)
        self._refresh()
        return True

    def show_general(self, message: str) -> None:
        """A problem that belongs to no single field."""
        self._general = message
        self._refresh()

    def clear(self, field: str | None = None) -> None:
        names = list(self._messages) if field is None else [field]
        for name in names:
            if self._messages.pop(name, None) is not None:
                icon = self._icons[name]
                icon.clear()
                icon.setToolTip("")
                icon.setAccessibleName("")
                self._widgets[name].setAccessibleDescription("")
        if field is None:
            self._general = ""
        self._refresh()

    def message(self, field: str) -> str:
        return self._messages.get(field, "")

    def general(self) -> str:
        return self._general

    def fields_with_problems(self) -> list[str]:
        return list(self._messages)

    def _refresh(self) -> None:
        lines = [f"{self._captions[f]}: {m}" for f, m in self._messages.items()]
        if self._general:
            lines.insert(0, self._general)
        # Always on screen with room for two lines, so a problem appearing moves no field.
        self._summary.setText("\n".join("⚠ " + line for line in lines))
        # Its accessible name says what the line is; this is what it says now.
        self._summary.setAccessibleDescription("\n".join(lines))


class FormDialog(QDialog):
    """A form that saves through the operations runner. See the module's docstring.

    Attributes tests and callers use: ``errors`` (the ``FieldProblems``), ``buttons``,
    ``saved`` (the value the operation returned, once saved).
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setSizeGripEnabled(True)
        self.saved: Any = None
        self._saving = False
        self._dirty = False
        self._loading = False
        self._checks: dict[str, Callable[[], object]] = {}
        self._touched: set[str] = set()
        self._confirm_discard = True

        self.header = QVBoxLayout()  # for banners above the fields (warnings, hints)
        self.form_widget = QWidget()
        self.form = QFormLayout(self.form_widget)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # Not a stop of its own for Tab: the fields inside scroll into view as they get focus.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidget(self.form_widget)

        self.problem_line = QLabel(self)
        self.problem_line.setObjectName("problemLine")
        self.problem_line.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_line.setWordWrap(True)
        self.problem_line.setAccessibleName(self.tr("Problems to fix before saving"))
        problem_palette = self.problem_line.palette()
        problem_palette.setColor(QPalette.ColorRole.WindowText, palette.color(palette.PROBLEM))
        self.problem_line.setPalette(problem_palette)
        self.problem_line.setMinimumHeight(self.problem_line.fontMetrics().lineSpacing() * 2)
        self.errors = FieldProblems(self.problem_line)

        self.buttons = save_cancel_buttons(self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)

        layout = QVBoxLayout(self)
        layout.addLayout(self.header)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.problem_line)
        layout.addWidget(self.buttons)

    # ---------------------------------------------------------------- building
    def add_field(
        self,
        field: str,
        widget: QWidget,
        caption: str,
        check: Callable[[], object] | None = None,
        watch: Sequence[QWidget] = (),
    ) -> QWidget:
        """Add ``widget`` as the row ``caption`` of the form, with a place for its problem.

        ``check`` (optional) raises ``ValidationError`` while the value is not acceptable; it
        runs when the field is left, and on every edit while the field shows a problem.
        ``watch`` names the other inputs inside a composite ``widget`` (a date beside a time)
        whose edits count as edits of this field.
        """
        row = QWidget(self.form_widget)
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(widget, 1)
        icon = QLabel(row)
        icon.setFixedSize(ICON_SIZE + 4, ICON_SIZE + 4)
        icon.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        box.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.form.addRow(caption, row)
        label = self.form.labelForField(row)
        if isinstance(label, QLabel):
            label.setBuddy(widget)
        self.errors.register(field, widget, icon, caption)
        if check is not None:
            self._checks[field] = check
        for part in (widget, *watch) if watch else (widget,):
            self._watch(field, part)
        return row

    def add_row(self, caption: str, widget: QWidget) -> None:
        """A row without a problem of its own (e.g. a read-only hint)."""
        self.form.addRow(caption, widget)

    def _watch(self, field: str, widget: QWidget) -> None:
        def edited(*_args: object) -> None:
            if not self._loading:
                self._dirty = True
                self._touched.add(field)
            if self.errors.message(field):
                self._run_check(field, clear_only=True)

        signal = _edit_signal(widget)
        if signal is not None:
            signal.connect(edited)
        if field in self._checks:
            widget.installEventFilter(_LeaveWatcher(self, field, widget))

    def _run_check(self, field: str, clear_only: bool = False) -> None:
        check = self._checks.get(field)
        if check is None:
            # No check of its own: any edit may have fixed it; the save judges again.
            self.errors.clear(field)
            return
        try:
            check()
        except ValidationError as exc:
            if not clear_only:
                self.errors.show(field, service_error_text(exc))
            return
        self.errors.clear(field)

    def loading(self) -> _Loading:
        """``with self.loading():`` fills fields without counting as typing."""
        return _Loading(self)

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def mark_dirty(self) -> None:
        self._dirty = True

    # ---------------------------------------------------------------- for subclasses
    def collect(self) -> Any:
        """The data typed into the form (may raise ``ValidationError`` for a field)."""
        raise NotImplementedError

    def submit(self, data: Any) -> Pending[Any]:
        """The operation that stores ``data``: ``ctx.ops.change(...)``, not yet run."""
        raise NotImplementedError

    def after_save(self, value: Any) -> None:
        """Called with the operation's value just before the form closes."""

    # ---------------------------------------------------------------- saving
    @property
    def is_saving(self) -> bool:
        return self._saving

    def accept(self) -> None:
        if self._saving:
            return
        self.errors.clear()
        try:
            data = self.collect()
        except ServiceError as exc:
            self.show_service_error(exc)
            return
        pending = self.submit(data)
        self._set_saving(True)
        pending.success(self._saved).failure(self.show_service_error).finished(
            lambda: self._set_saving(False)
        ).run()

    def _saved(self, value: Any) -> None:
        self.saved = value
        self._dirty = False
        self.after_save(value)
        self.done(QDialog.DialogCode.Accepted)

    def show_service_error(self, exc: ServiceError) -> None:
        """A rule's refusal: beside its field when the form has it, else on the problem line."""
        message = service_error_text(exc)
        if not self.errors.show(exc.field, message):
            self.errors.show_general(message)
        announce(self.problem_line, message, assertive=True)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        if self.save_button is not None:
            self.save_button.setEnabled(not saving)

    def reject(self) -> None:
        if (
            self._dirty
            and self._confirm_discard
            and not prompts.ask_confirm(
                self,
                self.tr("Discard changes?"),
                self.tr("Close this form without saving what you typed?"),
                self.tr("Discard"),
            )
        ):
            return
        super().reject()


class _Loading:
    def __init__(self, form: FormDialog) -> None:
        self._form = form

    def __enter__(self) -> None:
        self._form._loading = True

    def __exit__(self, *_exc: object) -> None:
        self._form._loading = False


class _LeaveWatcher(QObject):
    """Checks a field when the focus leaves it, without ever taking the focus back."""

    def __init__(self, form: FormDialog, field: str, widget: QWidget) -> None:
        super().__init__(widget)
        self._form = form
        self._field = field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only a field the person typed into: walking past an empty field is no mistake.
        if event.type() == QEvent.Type.FocusOut and self._field in self._form._touched:
            self._form._run_check(self._field)
        return False


def _edit_signal(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.textEdited
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QAbstractSpinBox):
        return getattr(widget, "valueChanged", None) or getattr(widget, "dateChanged", None)
    if isinstance(widget, QCheckBox | QAbstractButton):
        return widget.toggled
    return None
