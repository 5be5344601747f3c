"""The layers import downwards only, and only the case layer touches the database.

domain at the bottom; vault and services on it; the case layer above services; export (PDFs
from plain data) and ui (Qt) on top. Read from the source, imports inside functions
included, so a late import cannot slip past.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "second_opinion"

#: layer -> top-level names it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": (
        "PySide6",
        "reportlab",
        "second_opinion.vault",
        "second_opinion.services",
        "second_opinion.case",
        "second_opinion.export",
        "second_opinion.ui",
    ),
    "vault": (
        "PySide6",
        "reportlab",
        "second_opinion.services",
        "second_opinion.case",
        "second_opinion.export",
        "second_opinion.ui",
    ),
    "services": (
        "PySide6",
        "reportlab",
        "second_opinion.case",
        "second_opinion.export",
        "second_opinion.ui",
    ),
    "case": ("PySide6", "reportlab", "second_opinion.export", "second_opinion.ui"),
    "export": ("PySide6", "second_opinion.case", "second_opinion.ui", "sqlalchemy"),
    "ui": ("sqlalchemy", "sqlcipher3"),
}


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _hits(name: str, forbidden: tuple[str, ...]) -> bool:
    return any(name == f or name.startswith(f + ".") for f in forbidden)


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_each_layer_imports_only_what_lies_below_it(layer: str) -> None:
    modules = _modules(layer)
    assert modules, f"no modules found for {layer}"
    wrong = [
        f"{path.relative_to(PACKAGE)}:{line} imports {name}"
        for path in modules
        for line, name in _imports(path)
        if _hits(name, FORBIDDEN[layer])
    ]
    assert wrong == []


def test_the_ui_never_opens_a_session_or_a_plain_reading() -> None:
    """Only the case layer (run by the operations runner) touches the database."""
    wrong = []
    for path in _modules("ui"):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("session", "reading", "unit", "session_factory")
            ):
                wrong.append(f"{path.relative_to(PACKAGE)}:{node.lineno} calls .{node.func.attr}()")
    assert wrong == []


def test_no_ui_file_is_larger_than_a_livable_room() -> None:
    sizes = {
        str(path.relative_to(PACKAGE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in _modules("ui")
    }
    assert {name: n for name, n in sizes.items() if n > 520} == {}


def test_the_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    """The scanner itself: an import inside a function is found too."""
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from sqlalchemy.orm import Session\n", encoding="utf-8")
    assert _imports(module) == [(2, "sqlalchemy.orm")]
    assert _hits("sqlalchemy.orm", FORBIDDEN["ui"])


#: Qt's item widgets keep their rows inside the widget; every list here is a model and a view
ITEM_WIDGET = re.compile(r"^Q(List|Table|Tree)Widget")


def _item_widgets(path: Path) -> list[tuple[int, str]]:
    """Uses of QListWidget, QTableWidget, QTreeWidget (and their items), however named:
    imported, called, or reached as an attribute (``QtWidgets.QListWidget``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom | ast.Import):
            found += [(node.lineno, a.name) for a in node.names if ITEM_WIDGET.match(a.name)]
        elif isinstance(node, ast.Name) and ITEM_WIDGET.match(node.id):
            found.append((node.lineno, node.id))
        elif isinstance(node, ast.Attribute) and ITEM_WIDGET.match(node.attr):
            found.append((node.lineno, node.attr))
    return found


def test_every_list_in_the_ui_is_a_model_shown_by_a_view() -> None:
    wrong = [
        f"{path.relative_to(PACKAGE)}:{line} uses {name}"
        for path in _modules("ui")
        for line, name in _item_widgets(path)
    ]
    assert wrong == []


def test_the_check_sees_an_item_widget(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "from PySide6 import QtWidgets\n"
        "from PySide6.QtWidgets import QListWidgetItem\n"
        "def f():\n    return QtWidgets.QTreeWidget(), QListWidgetItem('a')\n",
        encoding="utf-8",
    )
    assert sorted(_item_widgets(module)) == [
        (2, "QListWidgetItem"),
        (4, "QListWidgetItem"),
        (4, "QTreeWidget"),
    ]
