"""Adding documents: from the file dialog, dropped files, or the clipboard, with progress.

One ``Attacher`` per screen that adds documents (the Documents tab, the records views). The
work runs through the operations runner (never freezing the window) with a progress dialog
whose Cancel stops it; a stopped or refused add leaves nothing behind (the case layer's
promise). Every refusal is the service's one line; a damaged file may be kept anyway, as
"cannot be shown"; content already in the vault is said, not stored twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QProgressDialog, QWidget

from second_opinion.case import document_links, documents
from second_opinion.case.case import Case
from second_opinion.case.changes import Outcome
from second_opinion.case.documents import AttachResult
from second_opinion.case.progress import Progress
from second_opinion.services.documents import DocumentRefused, LinkRef
from second_opinion.services.errors import ServiceError
from second_opinion.ui import prompts
from second_opinion.ui.context import AppContext
from second_opinion.ui.documents.texts import tr
from second_opinion.ui.ops import Pending, service_error_text

FILE_FILTER = "Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.heic *.heif *.txt);;All files (*)"
#: progress shows only for an add that takes longer than a blink
PROGRESS_DELAY_MS = 300
_STEPS = 1000


def local_files(mime: QMimeData | None) -> list[Path]:
    """The local files a drop or the clipboard carries (links to web pages are not files)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def carries_documents(mime: QMimeData | None) -> bool:
    return bool(local_files(mime)) or (mime is not None and mime.hasImage())


class Attacher(QObject):
    """Adds documents for ``parent``'s screen; ``sig_added(AttachResult)`` after each add.

    ``owner`` is the initiator of the changes (a screen may skip its own reload).
    """

    sig_added = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget, owner: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.widget = parent
        self.owner = owner if owner is not None else parent
        self.progress: QProgressDialog | None = None
        self._pending: Pending[AttachResult] | None = None
        #: every step the last add reported (what the progress dialog showed), for tests
        self.steps: list[str] = []

    @property
    def busy(self) -> bool:
        return self._pending is not None

    # ---------------------------------------------------------------- ways in
    def choose(self, link: LinkRef | None = None) -> None:
        """Ask for files (several at once), then add them."""
        if self.busy:
            return
        paths = prompts.ask_open_paths(self.widget, tr("Add documents"), tr(FILE_FILTER))
        if paths:
            self.attach(paths, link)

    def attach_mime(self, mime: QMimeData | None, link: LinkRef | None = None) -> bool:
        """Add what a drop or a paste carries: files, or a picture. False if nothing."""
        files = local_files(mime)
        if files:
            self.attach(files, link)
            return True
        if mime is not None and mime.hasImage():
            image = mime.imageData()
            if isinstance(image, QImage) and not image.isNull():
                self.attach_image(image, link)
                return True
        return False

    def paste(self, link: LinkRef | None = None) -> bool:
        clipboard = QGuiApplication.clipboard()
        if self.attach_mime(clipboard.mimeData(), link):
            return True
        image = clipboard.image()
        if not image.isNull():
            self.attach_image(image, link)
            return True
        prompts.show_info(
            self.widget,
            tr("Paste"),
            tr("There is nothing to add on the clipboard: copy files or a picture first."),
        )
        return False

    # ---------------------------------------------------------------- adding
    def attach(
        self, paths: Sequence[Path], link: LinkRef | None = None, keep_damaged: bool = False
    ) -> None:
        if self.busy:
            prompts.show_info(
                self.widget, tr("Add documents"), tr("Wait until the documents being added are in.")
            )
            return
        chosen = [Path(p) for p in paths]

        def work(case: Case, progress: Progress) -> Outcome[AttachResult]:
            return documents.attach_files(
                case,
                chosen,
                link=link,
                progress=progress,
                keep_damaged=keep_damaged,
            )

        pending: Pending[AttachResult] = self.ctx.ops.change(
            work, owner=self.owner, title=tr("Add documents")
        )
        self._start(pending, len(chosen), lambda exc: self._refused(exc, chosen, link))

    def attach_image(self, image: QImage, link: LinkRef | None = None) -> None:
        if self.busy:
            return
        rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
        width, height = rgba.width(), rgba.height()
        pixels = bytes(rgba.constBits())[: width * height * 4]
        title = tr("Pasted picture, {when}").format(
            when=dt.datetime.now().strftime("%Y-%m-%d %H:%M")
        )
        pending: Pending[AttachResult] = self.ctx.ops.change(
            lambda case: document_links.attach_picture(case, width, height, pixels, title, link),
            owner=self.owner,
            title=tr("Paste a picture"),
        )
        self._start(pending, 1, self._say_refusal, progress=False)

    def cancel(self) -> None:
        """What the progress dialog's Cancel does: stop, and keep nothing of this add."""
        if self._pending is not None:
            self._pending.cancel()

    def _start(
        self,
        pending: Pending[AttachResult],
        count: int,
        failure: Callable[[ServiceError], None],
        progress: bool = True,
    ) -> None:
        self._pending = pending
        self.steps = []
        if progress:
            self._show_progress(count)
            pending.with_progress(self._on_progress)
        pending.success(self._added).failure(failure).finished(self._done).run()

    def _show_progress(self, count: int) -> None:
        dialog = QProgressDialog(self.widget)
        dialog.setWindowTitle(tr("Adding documents"))
        dialog.setLabelText(
            tr("Checking and encrypting {count} files…").format(count=count)
            if count > 1
            else tr("Checking and encrypting the file…")
        )
        dialog.setAccessibleName(tr("Adding documents"))
        dialog.setCancelButtonText(tr("Cancel"))
        dialog.setRange(0, _STEPS)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        dialog.setValue(0)
        self.progress = dialog

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.steps.append(text)
        if self.progress is not None:
            self.progress.setValue(int(_STEPS * done / total) if total else 0)
            if text:
                self.progress.setLabelText(text)

    def _done(self) -> None:
        self._pending = None
        if self.progress is not None:
            dialog, self.progress = self.progress, None
            dialog.canceled.disconnect(self.cancel)
            dialog.close()
            dialog.deleteLater()

    # ---------------------------------------------------------------- results
    def _added(self, result: AttachResult) -> None:
        lines = []
        for duplicate in result.duplicates:
            if duplicate.existing_id > 0:
                lines.append(
                    tr("{name}: already among your documents; it was not stored twice.").format(
                        name=duplicate.path.name
                    )
                )
            else:
                lines.append(
                    tr("{name}: the same content as another file chosen; stored once.").format(
                        name=duplicate.path.name
                    )
                )
        if lines:
            prompts.show_info(self.widget, tr("The same content twice"), "\n".join(lines))
        if result.added:
            count = len(result.added)
            self.ctx.sig_status.emit(
                tr("Added {count} documents.").format(count=count)
                if count > 1
                else tr("Added “{title}”.").format(title=result.added[0].title)
            )
        self.sig_added.emit(result)

    def _refused(self, exc: ServiceError, paths: list[Path], link: LinkRef | None) -> None:
        message = service_error_text(exc)
        if isinstance(exc, DocumentRefused) and exc.keepable:
            keep = prompts.ask_confirm(
                self.widget,
                tr("A damaged file"),
                message
                + "\n\n"
                + tr(
                    "Keep it anyway? It will be stored as it is and marked “cannot be shown”; "
                    "nothing was added yet."
                ),
                tr("Keep it anyway"),
            )
            if keep:  # once this add has finished, start the one that keeps it
                QTimer.singleShot(0, lambda: self.attach(paths, link, keep_damaged=True))
            return
        prompts.show_error(
            self.widget, tr("Add documents"), message + " " + tr("Nothing was added.")
        )

    def _say_refusal(self, exc: ServiceError) -> None:
        prompts.show_error(self.widget, tr("Add documents"), service_error_text(exc))
