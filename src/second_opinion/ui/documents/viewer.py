"""The viewer: a document's pages inside the app, decrypted into memory only.

PDF pages are drawn by PDFium and pictures by Pillow, both on the operations runner's one
worker (``case.document_pages``); this widget only wraps the pixels it gets back. Thumbnails
of every page sit on the side; zoom (fit width, in, out) and rotation re-draw the page. A
document that cannot be shown says so calmly. "Save a copy…" writes the decrypted original
where the person chooses, never into the vault's folder, and says the copy is not encrypted.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from second_opinion.case import document_pages, documents
from second_opinion.case.case import Case
from second_opinion.case.document_pages import Opened, PageImage, Rendered
from second_opinion.services.errors import ServiceError
from second_opinion.ui import prompts
from second_opinion.ui.context import AppContext
from second_opinion.ui.documents.texts import tr
from second_opinion.ui.documents.thumbnails import ThumbnailModel
from second_opinion.ui.icons import icon

THUMB_SIDE = 96
THUMB_BATCH = 12
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.1, 8.0
#: pages, message, text
PAGES, MESSAGE, TEXT = range(3)


def to_image(page: PageImage) -> QImage:
    """The worker's pixels as an image that owns them."""
    return QImage(
        page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGB888
    ).copy()


def _tool(parent: QWidget, glyph: str, tip: str, name: str) -> QToolButton:
    button = QToolButton(parent)
    button.setIcon(icon(glyph))
    button.setToolTip(tip)
    button.setAccessibleName(name)
    button.setAutoRaise(True)
    return button


class DocumentViewer(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.opened: Opened | None = None
        self.current = 0
        self.rotation = 0
        #: None: fit the width of the view; else times 100 %
        self.zoom: float | None = None
        self.shown_zoom = 1.0
        self._generation = 0
        self._rendering = False
        self._render_again = False
        self._moving_thumbnail = False
        self._build()
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(150)
        self._resize_timer.timeout.connect(self._on_resized)
        self.show_document(None)

    # ---------------------------------------------------------------- building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.prev_button = _tool(
            self, "fa5s.chevron-up", tr("Previous page (Page Up)"), tr("Previous page")
        )
        self.prev_button.clicked.connect(lambda: self.go_to(self.current - 1))
        self.next_button = _tool(
            self, "fa5s.chevron-down", tr("Next page (Page Down)"), tr("Next page")
        )
        self.next_button.clicked.connect(lambda: self.go_to(self.current + 1))
        self.page_label = QLabel(self)
        self.page_label.setAccessibleName(tr("Page shown"))
        self.zoom_out_button = _tool(
            self, "fa5s.search-minus", tr("Zoom out (Ctrl+-)"), tr("Zoom out")
        )
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.zoom_label = QLabel(self)
        self.zoom_label.setAccessibleName(tr("Zoom"))
        self.zoom_in_button = _tool(self, "fa5s.search-plus", tr("Zoom in (Ctrl++)"), tr("Zoom in"))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.fit_button = _tool(self, "fa5s.arrows-alt-h", tr("Fit the width"), tr("Fit width"))
        self.fit_button.setCheckable(True)
        self.fit_button.clicked.connect(self.fit_width)
        self.rotate_left_button = _tool(self, "fa5s.undo", tr("Turn left"), tr("Turn left"))
        self.rotate_left_button.clicked.connect(lambda: self.rotate_by(-90))
        self.rotate_right_button = _tool(
            self, "fa5s.redo", tr("Turn right (Ctrl+R)"), tr("Turn right")
        )
        self.rotate_right_button.clicked.connect(lambda: self.rotate_by(90))
        self.save_button = QPushButton(icon("fa5s.download"), tr("Save a copy…"), self)
        self.save_button.setAccessibleName(tr("Save a copy of the document"))
        self.save_button.setToolTip(
            tr("Write the original file where you choose; that copy is not encrypted")
        )
        self.save_button.clicked.connect(self.save_copy)
        for widget in (
            self.prev_button,
            self.next_button,
            self.page_label,
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
            self.fit_button,
            self.rotate_left_button,
            self.rotate_right_button,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        layout.addLayout(bar)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(tr("About the copy saved"))
        self.notice.hide()
        layout.addWidget(self.notice)

        self.stack = QStackedWidget(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self.stack)
        self.thumbnail_model = ThumbnailModel(QSize(THUMB_SIDE + 24, THUMB_SIDE + 28), self)
        self.thumbnails = QListView(splitter)
        self.thumbnails.setModel(self.thumbnail_model)
        self.thumbnails.setAccessibleName(tr("Pages"))
        self.thumbnails.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        self.thumbnails.setViewMode(QListView.ViewMode.ListMode)
        self.thumbnails.setMaximumWidth(THUMB_SIDE + 48)
        self.thumbnails.selectionModel().currentRowChanged.connect(
            lambda now, _before: self._thumbnail_chosen(now.row())
        )
        self.scroll_area = QScrollArea(splitter)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_view = QLabel()
        self.page_view.setAccessibleName(tr("Page"))
        self.page_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setWidget(self.page_view)
        self.scroll_area.setWidgetResizable(False)
        splitter.addWidget(self.thumbnails)
        splitter.addWidget(self.scroll_area)
        splitter.setStretchFactor(1, 1)
        self.stack.addWidget(splitter)
        self.message = QLabel(self.stack)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setAccessibleName(tr("Why the document is not shown"))
        self.stack.addWidget(self.message)
        self.text_view = QPlainTextEdit(self.stack)
        self.text_view.setReadOnly(True)
        self.text_view.setAccessibleName(tr("Text of the document"))
        self.stack.addWidget(self.text_view)
        layout.addWidget(self.stack, 1)

        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, lambda: self.zoom_by(ZOOM_STEP)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom_by(1 / ZOOM_STEP)),
            (QKeySequence(Qt.Key.Key_PageDown), lambda: self.go_to(self.current + 1)),
            (QKeySequence(Qt.Key.Key_PageUp), lambda: self.go_to(self.current - 1)),
            (QKeySequence("Ctrl+R"), lambda: self.rotate_by(90)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # ---------------------------------------------------------------- what is shown
    @property
    def document_id(self) -> int | None:
        return self.opened.document_id if self.opened is not None else None

    def show_document(self, document_id: int | None) -> None:
        """Show ``document_id`` (None: nothing); its content is decrypted on the worker."""
        self._generation += 1
        self.opened = None
        self.current, self.rotation = 0, 0
        self.thumbnail_model.set_pages(0)
        self.page_view.clear()
        self.text_view.clear()
        self.notice.hide()
        if document_id is None:
            self._say(tr("Select a document to see it here."))
            self._update_controls()
            return
        self._say(tr("Opening…"))
        generation = self._generation
        self.ctx.ops.query(
            lambda case: document_pages.open_document(case, document_id), owner=self
        ).success(lambda opened: self._opened(generation, opened)).failure(
            lambda _exc: self.show_document(None)  # deleted meanwhile
        ).run()

    def release(self) -> None:
        """Forget the content (on lock, or when the document goes)."""
        self.show_document(None)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentIndex(MESSAGE)

    def _opened(self, generation: int, opened: Opened) -> None:
        if generation != self._generation:
            return
        self.opened = opened
        if opened.problem:
            self._say(
                tr(
                    "This document cannot be shown: {problem}.\nIt is kept as it was added; "
                    "you can still save a copy of it."
                ).format(problem=opened.problem)
            )
        elif opened.text or opened.media_type.startswith("text/"):
            self.text_view.setPlainText(opened.text)
            self.stack.setCurrentIndex(TEXT)
        else:
            self.stack.setCurrentIndex(PAGES)
            self.thumbnail_model.set_pages(opened.pages)
            self._show_current_thumbnail()
            self._render_page()
            self._render_thumbnails(0)
        self._update_controls()

    def _pages_shown(self) -> bool:
        return self.opened is not None and self.stack.currentIndex() == PAGES

    def _update_controls(self) -> None:
        pages = self._pages_shown()
        total = self.opened.pages if self.opened is not None else 0
        self.prev_button.setEnabled(pages and self.current > 0)
        self.next_button.setEnabled(pages and self.current < total - 1)
        for widget in (
            self.zoom_in_button,
            self.zoom_out_button,
            self.fit_button,
            self.rotate_left_button,
            self.rotate_right_button,
        ):
            widget.setEnabled(pages)
        self.fit_button.setChecked(pages and self.zoom is None)
        self.page_label.setText(
            tr("Page {n} of {total}").format(n=self.current + 1, total=total) if pages else ""
        )
        self.zoom_label.setText(f"{round(self.shown_zoom * 100)} %" if pages else "")
        self.save_button.setEnabled(self.opened is not None)

    # ---------------------------------------------------------------- moving, zooming
    def go_to(self, index: int) -> None:
        if not self._pages_shown() or self.opened is None:
            return
        if not 0 <= index < self.opened.pages or index == self.current:
            return
        self.current = index
        self._show_current_thumbnail()
        self.scroll_area.verticalScrollBar().setValue(0)
        self._render_page()
        self._update_controls()

    def _show_current_thumbnail(self) -> None:
        """Move the thumbnails' current row to the page shown, without it asking for that
        page again."""
        self._moving_thumbnail = True
        try:
            self.thumbnails.selectionModel().setCurrentIndex(
                self.thumbnail_model.index(self.current, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
            )
        finally:
            self._moving_thumbnail = False

    def _thumbnail_chosen(self, row: int) -> None:
        if row >= 0 and not self._moving_thumbnail:
            self.go_to(row)

    def zoom_by(self, factor: float) -> None:
        if not self._pages_shown():
            return
        base = self.zoom if self.zoom is not None else self.shown_zoom
        self.zoom = min(MAX_ZOOM, max(MIN_ZOOM, base * factor))
        self._render_page()
        self._update_controls()

    def fit_width(self) -> None:
        self.zoom = None
        self._render_page()
        self._update_controls()

    def rotate_by(self, degrees: int) -> None:
        if not self._pages_shown():
            return
        self.rotation = (self.rotation + degrees) % 360
        self._render_page()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.zoom is None and self._pages_shown():
            self._resize_timer.start()

    def _on_resized(self) -> None:
        if self.zoom is None and self._pages_shown():
            self._render_page()

    # ---------------------------------------------------------------- drawing (on the worker)
    def _render_page(self) -> None:
        """Ask the worker for the current page; while one is being drawn, only the latest
        wish is drawn next (zooming fast never queues a pile of pages)."""
        if self._rendering:
            self._render_again = True
            return
        opened = self.opened
        if opened is None or not opened.data:
            return
        self._rendering = True
        generation = self._generation
        index, rotation, zoom = self.current, self.rotation, self.zoom
        width = None
        if zoom is None:
            width = self._fit_width()
        data, media = opened.data, opened.media_type
        self.ctx.ops.query(
            lambda _case: document_pages.render(
                data, media, [index], rotation, width=width, zoom=zoom or 1.0
            ),
            owner=self,
        ).success(lambda rendered: self._show_page(generation, rendered)).finished(
            self._page_done
        ).run()

    def _fit_width(self) -> int:
        """The page width that fits the view with its vertical scroll bar shown or not, so
        fitting gives the same size whatever was shown before."""
        area = self.scroll_area
        bar = area.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, area)
        return max(64, area.width() - 2 * area.frameWidth() - bar - 8)

    def _page_done(self) -> None:
        self._rendering = False
        if self._render_again:
            self._render_again = False
            self._render_page()

    def _show_page(self, generation: int, rendered: Rendered) -> None:
        if generation != self._generation:
            return
        if rendered.problem or not rendered.pages:
            self.page_view.setPixmap(QPixmap())
            self.page_view.setText(tr("This page cannot be shown."))
            self.page_view.adjustSize()
            return
        page = rendered.pages[0]
        self.shown_zoom = page.zoom
        self.page_view.setPixmap(QPixmap.fromImage(to_image(page)))
        self.page_view.resize(page.width, page.height)
        self._update_controls()

    def _render_thumbnails(self, first: int) -> None:
        opened = self.opened
        if opened is None or first >= opened.pages:
            return
        generation = self._generation
        indexes = list(range(first, min(first + THUMB_BATCH, opened.pages)))
        data, media = opened.data, opened.media_type
        self.ctx.ops.query(
            lambda _case: document_pages.render(data, media, indexes, box=THUMB_SIDE),
            owner=self,
        ).success(lambda rendered: self._show_thumbnails(generation, rendered, indexes)).run()

    def _show_thumbnails(self, generation: int, rendered: Rendered, indexes: list[int]) -> None:
        if generation != self._generation:
            return
        for page in rendered.pages:
            self.thumbnail_model.set_picture(page.index, QIcon(QPixmap.fromImage(to_image(page))))
        self._render_thumbnails(indexes[-1] + 1)

    def thumbnail_count(self) -> int:
        """How many page thumbnails have their picture."""
        return self.thumbnail_model.drawn()

    # ---------------------------------------------------------------- saving a copy
    def save_copy(self) -> None:
        opened = self.opened
        if opened is None:
            return
        title = tr("Save a copy")
        path = prompts.ask_save_path(self, title, _suggested_name(opened), tr("All files (*)"))
        if path is None:
            return
        document_id = opened.document_id

        def work(case: Case) -> str:
            try:
                documents.save_copy(case, document_id, path)
            except documents.ContentError as exc:
                return tr(
                    "The document could not be read ({problem}); no copy was written."
                ).format(problem=exc)
            except OSError as exc:
                return tr("Could not write {path}: {problem}").format(
                    path=path, problem=exc.strerror or exc
                )
            return ""

        self.ctx.ops.query(work, owner=self, title=title).success(
            lambda problem: self._saved(path, problem)
        ).failure(lambda exc: self._save_refused(exc)).run()

    def _saved(self, path: Path, problem: str) -> None:
        if problem:
            prompts.show_error(self, tr("Save a copy"), problem)
            return
        text = tr("Saved a copy to {path}. That copy is not encrypted: keep it private.").format(
            path=path
        )
        self.notice.setText(text)
        self.notice.show()
        self.ctx.sig_status.emit(text)

    def _save_refused(self, exc: ServiceError) -> None:
        from second_opinion.ui.ops import service_error_text

        prompts.show_error(self, tr("Save a copy"), service_error_text(exc))


def _suggested_name(opened: Opened) -> str:
    from second_opinion.services.documents import IMAGE_TYPES, PDF

    suffix = (
        ".pdf" if opened.media_type == PDF else ".txt" if opened.media_type == "text/plain" else ""
    )
    if opened.media_type in IMAGE_TYPES:
        suffix = {
            "image/jpeg": ".jpg",
            "image/png": ".png",
            "image/tiff": ".tif",
            "image/heic": ".heic",
        }[opened.media_type]
    safe = "".join(c if c.isalnum() or c in " -_." else "_" for c in opened.title).strip()
    return (safe or "document") + suffix
