"""Find anything (Ctrl+K): one search over the whole case, results as you type.

The finder is a small window with a search field over a list of results grouped by kind, each
with its matching words in bold and the person it belongs to. Up and Down move through the
results without leaving the field; Enter (or a double click) opens the result in its tab,
with its row selected, through the window's navigator; Escape closes.

Every search runs through the operations runner (``case.search.find``), so typing never
waits for the database. Only one search is on its way at a time: text typed meanwhile waits,
and only the newest text runs next; a result for text that has since changed is dropped.

This module imports neither SQLAlchemy nor the case layer until the first search, so the
main window may import it before its first paint. Hooking it in (the lead's part)::

    from second_opinion.ui.finder import open_finder
    act = QAction(self.tr("Find anything…"), self, shortcut=QKeySequence("Ctrl+K"))
    act.triggered.connect(lambda: open_finder(self, self.ctx))

and, for a search field in the toolbar, ``finder_field(window, ctx_getter)`` returns a
QLineEdit that opens the finder with what is typed into it.
"""

from __future__ import annotations

import html
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter

    from second_opinion.case.case import Case
    from second_opinion.case.search import Found
    from second_opinion.services.search import Hit
    from second_opinion.ui.context import AppContext
    from second_opinion.ui.tab_registry import Navigator

#: characters the field takes (the search itself reads the first 200)
MAX_FIELD = 400
#: the model's role for a row's ``Hit`` (None on a group heading)
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
#: the model's role for a row's rich text
HTML_ROLE = Qt.ItemDataRole.UserRole + 2


def _tr(text: str) -> str:  # marks the strings for the translation tools
    return text


#: each kind's group heading (untranslated; context "finder")
HEADINGS = {
    "contact": _tr("Contacts"),
    "record_item": _tr("Record items"),
    "request": _tr("Records requests"),
    "question": _tr("Questions and answers"),
    "visit": _tr("Visits"),
    "opinion": _tr("Opinions"),
    "decision": _tr("Decisions"),
    "document": _tr("Documents"),
}


def target_of(hit: Hit) -> tuple[str, dict[str, Any]]:
    """The navigator target that opens ``hit`` in its tab, with its row selected."""
    if hit.kind == "contact":
        return "contacts.select", {"contact_id": hit.id}
    if hit.kind == "record_item":
        return "records.open_item", {"item_id": hit.id}
    if hit.kind == "request":
        return "records.open_request", {"request_id": hit.id}
    if hit.kind == "question":
        return "questions.select", {"question_id": hit.id}
    if hit.kind == "visit":
        return "visits.open", {"visit_id": hit.id}
    if hit.kind == "opinion":
        return "opinions.open", {"opinion_id": hit.id}
    if hit.kind == "decision":
        return "opinions.open_decision", {"decision_id": hit.id}
    return "documents.open", {"document_id": hit.id, "page": hit.page or 1}


def marked_html(marked: str) -> str:
    """``marked`` (the search's marks around matching words) as escaped rich text."""
    from second_opinion.services.search import MARK_END, MARK_START

    escaped = html.escape(marked, quote=False)
    return escaped.replace(MARK_START, "<b>").replace(MARK_END, "</b>")


class FinderModel(QAbstractListModel):
    """The results as one list: a heading row per kind, then its hits."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, Hit | None]] = []

    def set_found(self, found: Found | None) -> None:
        self.beginResetModel()
        self._rows = []
        for kind, hits in found.groups if found else []:
            self._rows.append((kind, None))
            self._rows += [(kind, hit) for hit in hits]
        self.endResetModel()

    def clear(self) -> None:
        self.set_found(None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def hit_at(self, row: int) -> Hit | None:
        return self._rows[row][1] if 0 <= row < len(self._rows) else None

    def hit_rows(self) -> list[int]:
        return [row for row, (_kind, hit) in enumerate(self._rows) if hit is not None]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if self.hit_at(index.row()) is None:
            return Qt.ItemFlag.ItemIsEnabled  # a heading: seen, never selected
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        kind, hit = self._rows[index.row()]
        if hit is None:
            heading = _translate(HEADINGS.get(kind, kind))
            if role == Qt.ItemDataRole.DisplayRole:
                return heading
            if role == HTML_ROLE:
                return f"<span style='font-weight:600'>{html.escape(heading)}</span>"
            return None
        if role == Qt.ItemDataRole.DisplayRole:  # what a screen reader says
            return " — ".join(part for part in (hit.title, _owner(hit), _detail(hit)) if part)
        if role == HTML_ROLE:
            return _hit_html(hit)
        if role == HIT_ROLE:
            return hit
        return None


def _translate(source: str) -> str:
    return QCoreApplication.translate("finder", source)


def _owner(hit: Hit) -> str:
    if hit.person is None:
        return _translate("Shared contact")
    return hit.person


def _detail(hit: Hit) -> str:
    if hit.no_text:
        return _translate("Image only: its contents cannot be searched yet")
    if hit.kind == "document" and hit.page:
        return _translate("Page {page}").format(page=hit.page)
    if hit.fuzzy:
        return _translate("Similar spelling")
    return ""


def _hit_html(hit: Hit) -> str:
    title = marked_html(hit.title_marked) or html.escape(hit.title) or "…"
    extra = [html.escape(_owner(hit))]
    detail = _detail(hit)
    if detail:
        extra.append(html.escape(detail))
    snippet = " ".join(hit.snippet_marked.split())
    line = " · ".join(extra)
    if snippet:
        line += " · " + marked_html(snippet)
    return f"{title}<br/><span style='font-size:small'>{line}</span>"


class _RichDelegate(QStyledItemDelegate):
    """Draws a row's rich text (bold matches) inside the usual item frame."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        document = self._document(index, opt.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(group))
        painter.save()
        painter.translate(opt.rect.topLeft())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        document = self._document(index, option.rect.width() or 480)
        return QSize(int(document.idealWidth()), int(document.size().height()))

    def _document(self, index: QModelIndex | QPersistentModelIndex, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(4)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        document.setTextWidth(max(width, 100))
        return document


class FinderDialog(QDialog):
    """The finder: a search field over the grouped results."""

    def __init__(
        self, ctx: AppContext, navigator: Navigator, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.navigator = navigator
        self.setWindowTitle(self.tr("Find anything"))
        self.setAccessibleName(self.tr("Find anything"))
        self.resize(560, 460)

        self.field = QLineEdit(self)
        self.field.setAccessibleName(self.tr("Search the whole case"))
        self.field.setPlaceholderText(
            self.tr("Search contacts, records, questions, visits, opinions, documents")
        )
        self.field.setClearButtonEnabled(True)
        self.field.setMaxLength(MAX_FIELD)
        self.field.textChanged.connect(self._text_changed)
        self.field.returnPressed.connect(self.open_current)
        self.field.installEventFilter(self)

        self.model = FinderModel(self)
        self.view = QListView(self)
        self.view.setAccessibleName(self.tr("Results"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(_RichDelegate(self.view))
        self.view.setUniformItemSizes(False)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.view.activated.connect(lambda index: self.open_row(index.row()))
        self.view.doubleClicked.connect(lambda index: self.open_row(index.row()))

        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Search status"))
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)

        #: the text whose results are (or will be) shown
        self._wanted = ""
        #: the text of the search on its way, if one is
        self._running: str | None = None
        self._show_status()
        ctx.sig_changed.connect(self._on_changed)
        ctx.sig_person_changed.connect(self._on_person_changed)

    # ---------------------------------------------------------------- searching
    def _text_changed(self, text: str) -> None:
        self._wanted = text
        if not text.strip():
            self.model.clear()
            self._show_status()
            return
        self._start()

    def _start(self) -> None:
        if self._running is not None:
            return  # the newest text runs when this search comes back
        text = self._wanted
        if not text.strip():
            return
        self._running = text

        def search(case: Case) -> Found:
            from second_opinion.case.search import find

            return find(case, text)

        self.ctx.ops.query(search, owner=self).success(self._found).finished(
            self._search_ended
        ).run()

    def _found(self, found: Found) -> None:
        if found.query != self._wanted:
            return  # stale: newer text was typed meanwhile
        self.model.set_found(found)
        self._select_first()
        self._show_status()

    def _search_ended(self) -> None:
        ran, self._running = self._running, None
        if ran != self._wanted:
            self._start()

    def _on_changed(self, _changes: object, _initiator: object) -> None:
        # Something changed in the case: what is shown may be out of date.
        if self.isVisible() and self._wanted.strip():
            self._start()

    def _on_person_changed(self, _person_id: int) -> None:
        if self._wanted.strip():
            self._start()
        else:
            self.model.clear()

    def _show_status(self) -> None:
        if not self._wanted.strip():
            text = self.tr(
                "Type a name, a word or a phone number. Enter opens the result in its tab."
            )
        elif self.model.rowCount() == 0:
            text = self.tr("Nothing matches “{text}”.").format(text=self._wanted.strip()[:80])
        else:
            count = len(self.model.hit_rows())
            text = self.tr("%n result(s)", "", count)
        self.status.setText(text)

    # ---------------------------------------------------------------- moving and opening
    def _select_first(self) -> None:
        rows = self.model.hit_rows()
        if rows:
            self.view.setCurrentIndex(self.model.index(rows[0]))
        else:
            self.view.clearSelection()

    def current_hit(self) -> Hit | None:
        index = self.view.currentIndex()
        return self.model.hit_at(index.row()) if index.isValid() else None

    def move_selection(self, step: int) -> None:
        rows = self.model.hit_rows()
        if not rows:
            return
        current = self.view.currentIndex().row()
        if current in rows:
            position = max(0, min(len(rows) - 1, rows.index(current) + step))
        else:
            position = 0 if step > 0 else len(rows) - 1
        index = self.model.index(rows[position])
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            steps = {
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_PageDown: 5,
                Qt.Key.Key_PageUp: -5,
            }
            if event.key() in steps:
                self.move_selection(steps[Qt.Key(event.key())])
                return True
        return super().eventFilter(watched, event)

    def open_row(self, row: int) -> None:
        hit = self.model.hit_at(row)
        if hit is not None:
            self.open_hit(hit)

    def open_current(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.open_hit(hit)

    def open_hit(self, hit: Hit) -> None:
        target, kwargs = target_of(hit)
        self.hide()
        self.navigator.navigate(target, **kwargs)

    # ---------------------------------------------------------------- showing
    def start_with(self, text: str | None = None) -> None:
        """Show the finder with ``text`` in its field, the cursor after it; or (None) with
        the last search, selected so that typing replaces it."""
        typed = text is not None  # the first keys of a search: go on typing after them
        if text is None:
            text = self.field.text()
        if text != self.field.text():
            self.field.setText(text)
        elif text.strip():
            self._start()  # the case may have changed since it was last shown
        self.show()
        self.raise_()
        self.activateWindow()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if typed:
            self.field.end(False)
        else:
            self.field.selectAll()

    def release(self) -> None:
        """Forget every result (the vault is being locked)."""
        self.model.clear()
        self.field.clear()


_finders: weakref.WeakKeyDictionary[QObject, FinderDialog] = weakref.WeakKeyDictionary()


def open_finder(window: Any, ctx: AppContext, text: str | None = None) -> FinderDialog:
    """Show the window's finder (made on first use, one per context) with ``text`` in it, or,
    without, with the last search selected (typing replaces it).

    ``window`` is the main window: the finder's parent and its ``Navigator``. A new
    ``AppContext`` (after a lock and unlock) gets a new finder; the old one went with the old
    context.
    """
    finder = _finders.get(ctx)
    if finder is None:
        finder = FinderDialog(ctx, window, window)
        _finders[ctx] = finder
        ctx.destroyed.connect(finder.deleteLater)
    finder.start_with(text)
    return finder


def finder_field(
    window: Any, context: Callable[[], AppContext | None], parent: QWidget | None = None
) -> QLineEdit:
    """A search field for the toolbar: typing in it opens the finder with that text."""
    field = QLineEdit(parent)
    field.setAccessibleName(_translate("Find anything"))
    field.setPlaceholderText(_translate("Find anything (Ctrl+K)"))
    field.setMaximumWidth(260)

    def typed(text: str) -> None:
        ctx = context()
        if ctx is None or not text:
            return
        field.blockSignals(True)
        field.clear()
        field.blockSignals(False)
        open_finder(window, ctx, text)

    field.textEdited.connect(typed)
    return field
