"""The side-by-side comparison of two or three opinions: its grid model and its pane.

What differs, and whether that matters, is decided by ``services.opinions`` (the
``Comparison`` it builds); the pane shows the verdict with a word and an icon. Below the grid
the person marks the selected row "Same" or "Different" (``sig_verdict``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from second_opinion.domain.enums import Verdict
from second_opinion.services.opinions import SUMMARY_TEXTS, Comparison, join_doctors
from second_opinion.ui import palette
from second_opinion.ui.dates import format_date
from second_opinion.ui.flow_layout import FlowLayout
from second_opinion.ui.icons import icon

#: Longer cell text is cut in the grid (the full text is in the tooltip and the form).
CELL_LIMIT = 600

AnyIndex = QModelIndex | QPersistentModelIndex


class ComparisonModel(QAbstractTableModel):
    """A read-only grid over a ``Comparison``: one row per aspect, one column per opinion."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        #: the width the row names wrap to, and the font they are measured in (the view's)
        self._name_room: tuple[int, QFontMetrics] | None = None

    def wrap_names(self, width: int, metrics: QFontMetrics) -> None:
        """Break the row names into lines of ``width`` pixels (a header cannot wrap)."""
        if self._name_room is None or self._name_room[0] != width:
            self._name_room = (width, metrics)
            if self.rowCount():
                self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._comparison = comparison
        self.endResetModel()

    def comparison(self) -> Comparison | None:
        return self._comparison

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._comparison is None:
            return 0
        return len(self._comparison.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._comparison is None:
            return 0
        return len(self._comparison.opinions)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        comparison = self._comparison
        if comparison is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(comparison.opinions):
                return None
            opinion = comparison.opinions[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{opinion.doctor_name}\n{format_date(opinion.given_on)}"
            return None
        if not 0 <= section < len(comparison.rows):
            return None
        row = comparison.rows[section]
        label = QCoreApplication.translate("opinions", row.label)
        if role == Qt.ItemDataRole.DisplayRole:
            # Each note in a translate() call of its own, so the catalog collects it.
            if row.flagged:
                note = QCoreApplication.translate("opinions", "{label}\n(differs)")
            elif row.verdict is Verdict.SAME:
                note = QCoreApplication.translate("opinions", "{label}\n(the same, as you marked)")
            elif row.worded and row.decisive:
                note = QCoreApplication.translate("opinions", "{label}\n(worded differently)")
            else:
                return self._wrapped(label)
            return self._wrapped(note.format(label=label))
        if role == Qt.ItemDataRole.DecorationRole and row.flagged:
            return icon("fa5s.exclamation-triangle", palette.accent(palette.WARN))
        if role == Qt.ItemDataRole.FontRole and row.flagged:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _wrapped(self, text: str) -> str:
        if self._name_room is None:
            return text
        width, metrics = self._name_room
        return "\n".join(wrap_line(line, width, metrics) for line in text.split("\n"))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        comparison = self._comparison
        if comparison is None or not index.isValid():
            return None
        if not (0 <= index.row() < len(comparison.rows)):
            return None
        row = comparison.rows[index.row()]
        if not (0 <= index.column() < len(row.values)):
            return None
        value = row.values[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if not value.strip():
                return QCoreApplication.translate("opinions", "(not recorded)")
            return value if len(value) <= CELL_LIMIT else value[: CELL_LIMIT - 1] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return value or None
        if role == Qt.ItemDataRole.FontRole:
            if not value.strip():
                font = QFont()
                font.setItalic(True)
                return font
            if row.flagged:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None


class ComparisonPane(QWidget):
    """The verdict banner above the grid, or a sentence while there is nothing to compare.

    Signals:
        sig_third_opinion(): the person asked what to do when the opinions differ.
    """

    sig_third_opinion = Signal()
    #: (field, Verdict or None): the person's verdict on the selected row
    sig_verdict = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Side by side"), self)
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        layout.addWidget(heading)

        self.banner = QFrame(self)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        # A grid (icon | word, sentences, button) rather than nested boxes: the grid gives the
        # wrapped sentences the height they need at the width they get.
        banner_layout = QGridLayout(self.banner)
        banner_layout.setColumnStretch(1, 1)
        self.banner_icon = QLabel(self.banner)
        self.banner_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        banner_layout.addWidget(self.banner_icon, 0, 0, 3, 1)
        self.banner_word = QLabel(self.banner)
        word_font = QFont(self.banner_word.font())
        word_font.setBold(True)
        self.banner_word.setFont(word_font)
        self.banner_word.setAccessibleName(self.tr("Comparison verdict"))
        banner_layout.addWidget(self.banner_word, 0, 1)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextFormat(Qt.TextFormat.PlainText)
        self.banner_text.setAccessibleName(self.tr("Comparison summary"))
        # A word longer than the pane (a long compound in a translation) would otherwise set
        # the label's least width, and its height would be worked out for a width it never
        # gets; with a small least width the word breaks and the height fits.
        self.banner_text.setMinimumWidth(self.fontMetrics().averageCharWidth() * 12)
        banner_layout.addWidget(self.banner_text, 1, 1)
        self.third_opinion_button = QPushButton(
            icon("fa5s.map-signs"), self.tr("What to do when opinions differ…"), self.banner
        )
        self.third_opinion_button.setAccessibleName(
            self.tr("Open the guide step on differing opinions and a third opinion")
        )
        self.third_opinion_button.clicked.connect(self.sig_third_opinion.emit)
        row = FlowLayout()
        row.addWidget(self.third_opinion_button)
        banner_layout.addLayout(row, 2, 1)
        layout.addWidget(self.banner)

        self.model = ComparisonModel(self)
        self.view = QTableView(self)
        # Tab leaves the list (the arrows move in it) instead of walking its cells.
        self.view.setTabKeyNavigation(False)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Opinions side by side"))
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        )
        # On a narrow pane the row names take at most a third of it, on more lines: the
        # doctors' words are what the person compares.
        self.view.installEventFilter(self)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)
        layout.addWidget(self.stack, 1)

        self.marks = QWidget(self)
        # The question, then its three answers; they wrap onto lines of their own when the
        # words are long, rather than squeezing one another.
        marks = FlowLayout(self.marks)
        self.mark_hint = QLabel(self.tr("Do they mean the same? For the selected row:"), self)
        self.mark_hint.setWordWrap(True)
        marks.addWidget(self.mark_hint)
        self.same_button = QPushButton(self.tr("Same"), self)
        self.same_button.setAccessibleName(self.tr("Mark the selected row: they mean the same"))
        self.different_button = QPushButton(self.tr("Different"), self)
        self.different_button.setAccessibleName(
            self.tr("Mark the selected row: they really differ")
        )
        self.unsure_button = QPushButton(self.tr("Not sure"), self)
        self.unsure_button.setAccessibleName(self.tr("Take back my mark on the selected row"))
        for button, verdict in (
            (self.same_button, Verdict.SAME),
            (self.different_button, Verdict.DIFFERENT),
            (self.unsure_button, None),
        ):
            button.clicked.connect(lambda _c=False, v=verdict: self._mark(v))
            marks.addWidget(button)
        layout.addWidget(self.marks)
        self.view.selectionModel().selectionChanged.connect(self._update_marks)
        self.model.modelReset.connect(self._update_marks)
        self._update_marks()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            header = self.view.verticalHeader()
            least = header.fontMetrics().averageCharWidth() * 12
            room = max(least, self.view.width() // 3)
            header.setMaximumWidth(room)
            bold = QFont(header.font())
            bold.setBold(True)  # a row that differs is named in bold
            style = header.style()
            # the header's margins, and the warning icon before the name of a row that differs
            padding = (
                2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
                + style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
                + 8
            )
            self.model.wrap_names(room - padding, QFontMetrics(bold))
        return super().eventFilter(watched, event)

    def _selected_field(self) -> str | None:
        comparison = self.model.comparison()
        rows = self.view.selectionModel().selectedRows()
        if comparison is None or not rows or not 0 <= rows[0].row() < len(comparison.rows):
            return None
        return comparison.rows[rows[0].row()].key

    def _update_marks(self, *_args: object) -> None:
        chosen = self._selected_field() is not None
        for button in (self.same_button, self.different_button, self.unsure_button):
            button.setEnabled(chosen)

    def _mark(self, verdict: Verdict | None) -> None:
        field = self._selected_field()
        if field is not None:
            self.sig_verdict.emit(field, verdict)

    def show_comparison(self, comparison: Comparison | None, opinion_count: int) -> None:
        self.model.set_comparison(comparison)
        self.marks.setVisible(comparison is not None)
        if comparison is None:
            self.banner.hide()
            self.empty.setText(
                self.tr("Add a second opinion to see both side by side.")
                if opinion_count == 1
                else self.tr("Opinions you add will show here side by side.")
            )
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        self.banner.show()
        if comparison.differs:
            name, accent = "fa5s.exclamation-triangle", palette.WARN
            self.banner_word.setText(self.tr("The opinions differ"))
        elif comparison.worded_differently:
            name, accent = "fa5s.info-circle", palette.INFO
            self.banner_word.setText(self.tr("Worded differently"))
        else:
            name, accent = "fa5s.check-circle", palette.GOOD
            self.banner_word.setText(self.tr("No difference found"))
        self.banner_icon.setPixmap(icon(name, palette.accent(accent)).pixmap(24, 24))
        self.banner_text.setText(summary_text(comparison))
        self.third_opinion_button.setVisible(comparison.differs)
        self.view.resizeRowsToContents()


def wrap_line(text: str, width: int, metrics: QFontMetrics) -> str:
    """``text`` with line breaks between words so no line is wider than ``width`` pixels."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and metrics.horizontalAdvance(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def summary_text(comparison: Comparison) -> str:
    """The banner's sentences in the reader's language (the service decides which)."""
    texts = {
        key: QCoreApplication.translate("opinions", english)
        for key, english in SUMMARY_TEXTS.items()
    }
    words = comparison.summary_words
    doctors = join_doctors(words.doctors, texts)
    return " ".join(texts[key].format(doctors=doctors) for key in words.keys)
