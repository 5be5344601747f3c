"""The Qt binding itself must not corrupt the interpreter.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every void Qt call; a long
session then aborts with "deallocating None". pyproject.toml keeps that release out; this
test fails on any binding that brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_void_qt_calls_leave_nones_reference_count_alone(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(10, 10)  # warm up any one-time caches
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.resize(10, 10)
        widget.update()
    assert abs(sys.getrefcount(None) - before) < 50
