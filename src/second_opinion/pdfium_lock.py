"""One lock for every use of PDFium.

PDFium (through pypdfium2) keeps global state and is not thread-safe: two threads using it at
once, even on different documents, can crash the app. The app uses it from several threads
(the database worker draws a stored document's pages and counts pages while attaching; the
packet preview draws on a pool thread; printing draws on the GUI thread), so each use holds
this lock for as long as its documents are open.
"""

from __future__ import annotations

import threading

PDFIUM = threading.RLock()
