"""The shared table model and its search proxy: the rows shown are exactly the rows that match.

The proxy judges rows in Python passes and keeps one verdict per source row in step with the
model's signals, so these tests change the filter and the rows in every order a tab does and
compare what shows with a plain re-filtering of the rows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView

from second_opinion.ui.search_proxy import SearchFilterProxy
from second_opinion.ui.table_model import ROW_ROLE, Column, RowTableModel


@dataclass(frozen=True)
class Item:
    id: int
    name: str
    place: str
    kind: str


NAMES = ("Ada Marchetti", "Wen Farrow", "Ivan Novak", "Priya Kestrel", "Noor Ramsay", "Ana Wen")
PLACES = ("Riverbend Clinic", "Lakeshore Institute", "Summit Hospital", "Café Ünïcode & Co")


def make_items(n: int, seed: int = 1, start: int = 1) -> list[Item]:
    rng = random.Random(seed)
    return [
        Item(i, f"{rng.choice(NAMES)} {i}", rng.choice(PLACES), rng.choice(("doctor", "other")))
        for i in range(start, start + n)
    ]


def make_model() -> RowTableModel[Item]:
    return RowTableModel(
        [
            Column("Name", lambda r: r.name),
            Column("Place", lambda r: r.place),
            Column("Kind", lambda r: r.kind),
        ],
        row_id=lambda r: r.id,
        search_text=lambda r: f"{r.name} {r.place}",
    )


@pytest.fixture
def model(qtbot) -> RowTableModel[Item]:
    model = make_model()
    model.set_rows(make_items(60))
    return model


@pytest.fixture
def proxy(qtbot, qtmodeltester, model) -> SearchFilterProxy:
    proxy = SearchFilterProxy()
    proxy.setSourceModel(model)
    # The Python tester asserts on every signal, so a bad change fails the test at once.
    qtmodeltester.check(proxy, force_py=True)
    return proxy


def shown_ids(proxy: SearchFilterProxy) -> list[int]:
    return [proxy.index(r, 0).data(ROW_ROLE).id for r in range(proxy.rowCount())]


def expected_ids(model: RowTableModel[Item], words: str, kind: str | None = None) -> list[int]:
    """Re-filter the model's rows the obvious way."""
    wanted = words.casefold().split()
    return [
        r.id
        for r in model.rows()
        if all(w in f"{r.name} {r.place}".casefold() for w in wanted)
        and (kind is None or r.kind == kind)
    ]


def test_typing_and_deleting_a_search_shows_exactly_the_matching_rows(proxy, model):
    typed = ""
    for text in ("ivan novak", "café ü", "WEN fa", "5", "riverbend 1"):
        steps = [text[:i] for i in range(1, len(text) + 1)]
        for typed in steps + steps[::-1][1:] + [""]:
            proxy.set_search(typed)
            assert shown_ids(proxy) == expected_ids(model, typed), typed
    assert typed == "" and proxy.rowCount() == 60


def test_search_and_a_predicate_combine(proxy, model):
    proxy.set_search("wen")
    proxy.set_predicate("kind", lambda r: r.kind == "doctor")
    assert shown_ids(proxy) == expected_ids(model, "wen", "doctor")
    proxy.set_search("wen farrow")
    assert shown_ids(proxy) == expected_ids(model, "wen farrow", "doctor")
    proxy.set_predicate("kind", None)
    assert shown_ids(proxy) == expected_ids(model, "wen farrow")
    proxy.set_search("")
    proxy.set_predicate("kind", lambda r: r.kind == "other")
    assert shown_ids(proxy) == expected_ids(model, "", "other")


def test_rows_changed_under_an_active_search_are_judged_again(proxy, model):
    proxy.set_search("marchetti")
    first = model.rows()[0]
    # A row renamed into the search appears; one renamed out of it goes.
    model.upsert(replace(first, name="Zed Marchetti"))
    assert first.id in shown_ids(proxy)
    shown = next(r for r in model.rows() if "Marchetti" in r.name and r.id != first.id)
    model.upsert(replace(shown, name="Somebody Else"))
    assert shown.id not in shown_ids(proxy)
    # Added and removed rows.
    model.upsert(Item(1000, "New Marchetti", "Nowhere", "doctor"))
    model.upsert(Item(1001, "Not Matching", "Nowhere", "doctor"))
    assert 1000 in shown_ids(proxy) and 1001 not in shown_ids(proxy)
    model.remove(1000)
    model.remove(first.id)
    assert shown_ids(proxy) == expected_ids(model, "marchetti")
    # Narrowing after the changes still sees every row that matches.
    proxy.set_search("marchetti 1")
    assert shown_ids(proxy) == expected_ids(model, "marchetti 1")


def test_sorting_keeps_the_filter_and_orders_the_matches(proxy, model):
    proxy.set_search("wen")
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert names == sorted(names, key=str.casefold, reverse=True)
    assert sorted(shown_ids(proxy)) == sorted(expected_ids(model, "wen"))
    model.upsert(replace(model.rows()[-1], name="Aaa Wen"))  # moves to the end when sorted
    assert proxy.index(proxy.rowCount() - 1, 0).data() == "Aaa Wen"
    proxy.set_search("wen 1")
    assert shown_ids(proxy) == expected_ids(model, "wen 1")


def test_a_reload_under_an_active_search_filters_the_new_rows(proxy, model):
    proxy.set_search("novak")
    model.set_rows(make_items(40, seed=5, start=500))
    assert shown_ids(proxy) == expected_ids(model, "novak")
    model.clear()
    assert proxy.rowCount() == 0
    proxy.set_search("")
    assert proxy.rowCount() == 0


def test_a_proxy_set_up_after_the_search_filters_at_once(qtbot, model):
    proxy = SearchFilterProxy()
    proxy.set_search("lakeshore")
    proxy.setSourceModel(model)
    assert shown_ids(proxy) == expected_ids(model, "lakeshore")


def test_random_changes_always_show_the_matching_rows(qtbot, proxy, model):
    rng = random.Random(3)
    texts = ["", "a", "an", "ana", "ana w", "wen", "w", "1", "12", "riv", "café", "o", "zzz"]
    kind: str | None = None
    text = ""
    next_id = 5000
    for _ in range(150):
        action = rng.randrange(6)
        if action == 0:
            text = rng.choice(texts)
            proxy.set_search(text)
        elif action == 1:
            kind = rng.choice([None, "doctor", "other"])
            proxy.set_predicate("kind", None if kind is None else (lambda r, k=kind: r.kind == k))
        elif action == 2 and model.rowCount():
            model.remove(rng.choice(model.rows()).id)
        elif action == 3:
            next_id += 1
            model.upsert(make_items(1, seed=next_id, start=next_id)[0])
        elif action == 4 and model.rowCount():
            row = rng.choice(model.rows())
            model.upsert(replace(row, place=rng.choice(PLACES), name=rng.choice(NAMES)))
        else:
            proxy.sort(rng.randrange(3), rng.choice(list(Qt.SortOrder)))
        assert sorted(shown_ids(proxy)) == sorted(expected_ids(model, text, kind))


@pytest.mark.parametrize("order", list(Qt.SortOrder))
def test_a_new_row_is_shown_where_sorting_the_list_would_put_it(proxy, model, order):
    rng = random.Random(11)
    for column in range(3):
        proxy.sort(column, order)
        for number in range(15):
            # Names and places repeat, so new rows often tie with rows already there.
            new = make_items(1, seed=rng.randrange(1000), start=2000 + 100 * column + number)[0]
            before = model.rows()
            model.upsert(new)
            shown = [proxy.index(r, column).data() for r in range(proxy.rowCount())]
            descending = order == Qt.SortOrder.DescendingOrder
            assert shown == sorted(shown, key=str.casefold, reverse=descending)
            # Among equals, after those already there: as sorting the list again put it.
            ids = [row.id for row in model.rows()]
            assert ids == [row.id for row in model._sorted([*before, new])]


def test_a_keystroke_that_keeps_the_same_rows_does_not_touch_the_list(qtbot, proxy, model):
    proxy.set_search("marchett")
    signals = []
    for signal in (proxy.layoutChanged, proxy.rowsRemoved, proxy.rowsInserted, proxy.modelReset):
        signal.connect(lambda *_args: signals.append(1))
    proxy.set_search("marchetti")
    assert signals == []
    assert shown_ids(proxy) == expected_ids(model, "marchetti")


def test_hiding_the_selected_row_tells_the_selection(qtbot, proxy, model):
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    selection = view.selectionModel()
    target = next(r for r in range(proxy.rowCount()) if "Novak" in proxy.index(r, 0).data())
    selection.setCurrentIndex(
        proxy.index(target, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    selected_id = proxy.index(target, 0).data(ROW_ROLE).id
    # Still shown: still selected.
    proxy.set_search("novak")
    assert [i.data(ROW_ROLE).id for i in selection.selectedRows()] == [selected_id]
    # Hidden: the selection empties and says so (tabs enable their buttons from it).
    with qtbot.waitSignal(selection.selectionChanged, timeout=1000):
        proxy.set_search("novak farrow")
    assert not selection.hasSelection()
    assert shown_ids(proxy) == expected_ids(model, "novak farrow")


@pytest.mark.parametrize("changed", [1, 100])
def test_data_changed_rejudges_rows_a_predicate_reads_from_outside(proxy, model, changed):
    model.set_rows(make_items(120, seed=9))
    flagged: set[int] = set()
    proxy.set_predicate("flagged", lambda r: r.id in flagged)
    assert proxy.rowCount() == 0
    flagged.update(r.id for r in model.rows()[:changed])
    model.dataChanged.emit(model.index(0, 2), model.index(changed - 1, 2))
    assert shown_ids(proxy) == [r.id for r in model.rows()[:changed]]


def test_a_cell_cut_off_shows_its_whole_text_as_a_tooltip(qtbot) -> None:
    model: RowTableModel[Item] = RowTableModel(
        [
            Column("Name", lambda r: r.name),
            Column("Place", lambda r: r.place, tooltip=lambda r: f"Where: {r.place}"),
            Column("Kind", lambda r: ""),
        ],
        row_id=lambda r: r.id,
    )
    model.set_rows([Item(1, "Faxed late, then lost, then faxed again", "Riverbend", "x")])
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.index(0, 0).data(tip) == "Faxed late, then lost, then faxed again"
    assert model.index(0, 1).data(tip) == "Where: Riverbend"  # its own tooltip wins
    assert model.index(0, 2).data(tip) is None  # nothing to show
