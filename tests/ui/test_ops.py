"""The operations runner: work off the GUI thread, one error policy, nothing after a lock."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from second_opinion.case.changes import Area, Changes, Outcome
from second_opinion.services.errors import ValidationError
from second_opinion.services.people import add_person
from second_opinion.ui.context import AppContext
from second_opinion.vault.errors import CouldNotSave


@pytest.fixture
def ctx(vault):
    with vault.session() as s:
        person_id = add_person(s, "Maria")
    return AppContext(vault, person_id)


def test_a_slow_operation_leaves_the_window_responsive(qtbot, ctx, settle):
    release = threading.Event()
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)

    def slow(_case):
        release.wait(5)
        return Changes.of(Area.CONTACTS)

    done: list[object] = []
    ctx.ops.change(slow, owner=None).success(done.append).run()
    qtbot.wait(300)
    assert not done and not ctx.ops.is_idle()
    assert len(ticks) >= 10  # the GUI thread kept running its timers
    release.set()
    settle()
    assert done == [None]
    timer.stop()


def test_operations_run_one_at_a_time_in_order(ctx, settle):
    order: list[int] = []
    active = []

    def step(n):
        def run(_case):
            active.append(n)
            assert len(active) == 1, "two operations ran at once"
            time.sleep(0.01)
            order.append(n)
            active.remove(n)
            return n

        return run

    for n in range(5):
        ctx.ops.query(step(n), owner=None).run()
    settle()
    assert order == [0, 1, 2, 3, 4]


def test_changes_are_announced_with_their_initiator(qtbot, ctx, settle):
    owner = QWidget()
    qtbot.addWidget(owner)
    seen: list[tuple[Changes, object]] = []
    ctx.sig_changed.connect(lambda changes, who: seen.append((changes, who)))
    ctx.ops.change(lambda _case: Outcome(7, Changes.of(Area.RECORDS, 7)), owner=owner).run()
    settle()
    assert seen and seen[-1][0].ids_in(Area.RECORDS) == {7} and seen[-1][1] is owner


def test_a_rule_refusal_goes_to_failure_and_success_never_runs(ctx, settle, answers):
    def refuse(_case):
        raise ValidationError("A name is needed.", field="name")

    got: list[ValidationError] = []
    succeeded: list[object] = []
    ctx.ops.change(refuse, owner=None).success(succeeded.append).failure(got.append).run()
    settle()
    assert [e.field for e in got] == ["name"] and not succeeded
    assert not answers.shown  # the caller took it: no extra message


def test_disk_full_gets_the_one_clear_message(ctx, settle, answers):
    def full(_case):
        raise CouldNotSave()

    finished: list[bool] = []
    ctx.ops.change(full, owner=None, title="Save contact").finished(
        lambda: finished.append(True)
    ).run()
    settle()
    kind, title, text = answers.shown[-1]
    assert kind == "error" and title == "Save contact"
    assert "disk may be full" in text and "still here" in text
    assert finished == [True]


def test_results_that_arrive_after_a_lock_are_dropped(qtbot, ctx):
    release = threading.Event()
    seen: list[object] = []

    def slow(_case):
        release.wait(5)
        return Changes.of(Area.CONTACTS)

    ctx.ops.change(slow, owner=None).success(seen.append).run()
    ctx.ops.query(lambda _case: "queued", owner=None).success(seen.append).run()
    QTimer.singleShot(50, release.set)
    ctx.shutdown()  # waits for the running one; drops the queued one and every result
    qtbot.wait(100)
    assert seen == []
    ctx.ops.query(lambda _case: "after", owner=None).success(seen.append).run()
    qtbot.wait(100)
    assert seen == []  # a shut-down runner takes no more work


def test_a_deleted_owner_gets_no_callbacks(qtbot, ctx, settle):
    owner = QWidget()
    seen: list[object] = []
    release = threading.Event()

    def slow(_case):
        release.wait(5)
        return "value"

    ctx.ops.query(slow, owner=owner).success(seen.append).run()
    owner.deleteLater()
    qtbot.wait(20)
    release.set()
    settle()
    assert seen == []


def test_typing_in_a_search_filters_while_the_worker_is_busy(qtbot, ctx, settle) -> None:
    from second_opinion.case import contacts as case_contacts
    from second_opinion.domain.enums import ContactRole
    from second_opinion.services.contacts import ContactData
    from second_opinion.ui.tabs.base import Navigator
    from second_opinion.ui.tabs.contacts_tab import COL_NAME, ContactsTab

    class Nowhere(Navigator):
        def navigate(self, target, **kwargs):
            pass

    for name in ("Dr. Ana Rao", "Dr. Ben Okafor", "Mercy Records"):
        case_contacts.save_contact(ctx.case, ContactData(name=name, role=ContactRole.OTHER))
    tab = ContactsTab(ctx, Nowhere())
    qtbot.addWidget(tab)
    tab.reload()
    tab.show()
    settle()
    release = threading.Event()
    ctx.ops.query(lambda _case: release.wait(5), owner=None).run()
    qtbot.wait(50)
    assert not ctx.ops.is_idle()  # the worker is held
    qtbot.keyClicks(tab.search, "okaf")
    shown = [tab.proxy.index(r, COL_NAME).data() for r in range(tab.proxy.rowCount())]
    assert shown == ["Dr. Ben Okafor"]  # filtered at once, on the GUI thread
    assert not ctx.ops.is_idle()
    release.set()
    settle()


def test_results_that_arrive_together_are_shown_one_per_turn_of_the_event_loop(qtbot, ctx, settle):
    events: list[str] = []
    both_read = threading.Semaphore(0)

    def read(name: str):
        def fn(_case):
            both_read.release()
            return name

        return fn

    ctx.ops.query(read("first"), owner=None).success(events.append).run()
    ctx.ops.query(read("second"), owner=None).success(events.append).run()
    # Both results wait for the window, which handles no event until they are there.
    assert both_read.acquire(timeout=5) and both_read.acquire(timeout=5)
    time.sleep(0.05)
    ticks = QTimer()
    ticks.setInterval(1)
    ticks.timeout.connect(lambda: events.append("tick") if events[-1:] != ["tick"] else None)
    ticks.start()
    settle()
    ticks.stop()
    # The window's own timers ran between the two: they were not shown in one go.
    first, second = events.index("first"), events.index("second")
    assert first < second and "tick" in events[first:second]
