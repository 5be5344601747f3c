"""The flow layout: a row of buttons that wraps rather than squeezing its words."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from second_opinion.ui.flow_layout import FlowLayout


def _row(qtbot) -> tuple[QWidget, list[QPushButton], QLineEdit]:
    root = QWidget()
    qtbot.addWidget(root)
    layout = FlowLayout(root)
    search = QLineEdit(root)
    layout.addWidget(search)
    buttons = [QPushButton(text, root) for text in ("Mark requested", "Mark sent", "Undo")]
    for button in buttons:
        layout.addWidget(button)
    root.show()
    return root, buttons, search


def test_a_wide_row_is_one_line_and_the_search_field_takes_the_room_left(qtbot) -> None:
    root, buttons, search = _row(qtbot)
    root.resize(root.sizeHint().width() + 300, root.heightForWidth(2000))
    qtbot.waitUntil(lambda: search.width() > search.sizeHint().width())
    assert {b.y() for b in buttons} == {search.y()}
    assert buttons[-1].geometry().right() <= root.width()


def test_a_narrow_row_wraps_and_reports_the_height_it_needs(qtbot) -> None:
    root, buttons, search = _row(qtbot)
    one_line = root.heightForWidth(2000)
    narrow = max(b.sizeHint().width() for b in buttons) + search.sizeHint().width() // 2
    assert root.heightForWidth(narrow) > one_line
    root.resize(narrow, root.heightForWidth(narrow))
    qtbot.waitUntil(lambda: buttons[-1].y() > search.y())
    for button in buttons:
        assert button.width() >= button.sizeHint().width()
        assert button.geometry().bottom() <= root.height()
    assert root.minimumSizeHint().width() >= max(b.sizeHint().width() for b in buttons)
