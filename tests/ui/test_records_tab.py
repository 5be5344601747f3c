"""The Records tab used as a person would: fill the forms, press the quick actions, read it."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

import pytest
from PySide6.QtCore import Qt

from second_opinion.domain.enums import ContactKind, ContactRole, RecordKind, RequestState
from second_opinion.services import record_requests as rr
from second_opinion.services import records
from second_opinion.services.records import ItemData
from second_opinion.ui.context import AppContext
from second_opinion.ui.dates import to_qdate
from second_opinion.ui.records.forms import ItemForm, StateChangeForm
from second_opinion.ui.records.request_form import RequestForm
from second_opinion.ui.tabs.base import Navigator
from second_opinion.ui.tabs.records_tab import RecordsTab
from tests.factories import make_contact, make_person

TODAY = dt.date.today()


class RecordingNavigator(Navigator):
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def navigate(self, target: str, **kwargs: Any) -> None:
        self.calls.append((target, kwargs))


@pytest.fixture
def case(vault) -> dict[str, int]:
    with vault.session() as s:
        person = make_person(s, "Maria")
        return {
            "person": person.id,
            "lab": make_contact(s, "Riverside Pathology", ContactRole.RECORDS_DEPARTMENT).id,
            "rao": make_contact(s, "Dr. Rao", ContactRole.SECOND_OPINION_CHOSEN).id,
        }


@pytest.fixture
def navigator() -> RecordingNavigator:
    return RecordingNavigator()


@pytest.fixture
def tab(qtbot, vault, case, navigator, settle) -> RecordsTab:
    ctx = AppContext(vault, case["person"])
    widget = RecordsTab(ctx, navigator)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.reload()  # as the main window does once it has built the tab
    settle()
    return widget


@pytest.fixture
def reload(tab, settle):
    def again() -> None:
        tab.reload()
        settle()

    return again


def pick(combo, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data))


def texts(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def matrix_cell(tab: RecordsTab, row: int = 0, column: int = 1) -> str:
    return str(tab.matrix.proxy.index(row, column).data())


def add_item_through_form(tab: RecordsTab, case: dict[str, int], settle) -> None:
    tab.items.open_form()
    settle()
    form = tab.current_form
    assert isinstance(form, ItemForm)
    pick(form.kind, RecordKind.PATHOLOGY_REPORT)
    form.description.setText("Core biopsy report <b> & notes")
    pick(form.holder, case["lab"])
    form.accept()
    settle()


def add_request(vault, case, description="CT", days_ago: int | None = None, **extra) -> int:
    with vault.session() as s:
        item = records.add_item(s, case["person"], ItemData(RecordKind.IMAGING_REPORT, description))
        return rr.add_request(
            s,
            case["person"],
            rr.RequestData(
                item_ids=[item],
                holder_id=case["lab"],
                recipient_id=case["rao"],
                requested_on=None if days_ago is None else TODAY - dt.timedelta(days=days_ago),
                **extra,
            ),
        )


def test_a_request_made_in_the_forms_goes_overdue_then_sent_then_received(qtbot, tab, case, settle):
    assert tab.requests.stack.currentIndex() == 0  # the designed empty state
    add_item_through_form(tab, case, settle)
    assert texts(tab.items.proxy, 0) == ["Core biopsy report <b> & notes"]

    qtbot.mouseClick(tab.new_request_button, Qt.MouseButton.LeftButton)
    settle()
    form = tab.current_form
    assert isinstance(form, RequestForm)
    form.pick_proxy.setData(
        form.pick_proxy.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert form.holder.currentData() == case["lab"]  # guessed from the record
    # Searching narrows the records; the tick stays with its record.
    form.pick_search.setText("no such record")
    assert form.pick_proxy.rowCount() == 0
    form.pick_search.setText("BIOPSY core")
    assert form.pick_proxy.rowCount() == 1
    first = form.pick_proxy.index(0, 0)
    assert first.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    pick(form.recipient, case["rao"])
    form.requested_on.set_value(TODAY - dt.timedelta(days=40))
    # The due date follows the request date: 30 days later, so 10 days ago.
    assert form.due_on.value() == TODAY - dt.timedelta(days=10)
    with qtbot.waitSignal(tab.sig_title_changed) as title:
        form.accept()
        settle()
    assert title.args == ["Records (1 overdue)"]
    assert tab.title() == "Records (1 overdue)"
    assert texts(tab.attention.model, 0) == ["Overdue · 10 days overdue"]
    assert "Call Riverside Pathology" in texts(tab.attention.model, 3)[0]
    assert matrix_cell(tab).startswith("Requested")
    assert tab.selected_request() is not None  # the new request is selected

    qtbot.mouseClick(tab.requests.mark_sent_button, Qt.MouseButton.LeftButton)
    sent = tab.current_form
    assert isinstance(sent, StateChangeForm)
    sent.on.setDate(to_qdate(TODAY - dt.timedelta(days=12)))  # sent before it was due
    sent.accept()
    settle()
    assert tab.title() == "Records"
    assert tab.attention.view.isHidden()
    assert "Nothing overdue" in tab.attention.heading.text()
    assert matrix_cell(tab).startswith("Sent")

    qtbot.mouseClick(tab.requests.mark_received_button, Qt.MouseButton.LeftButton)
    received = tab.current_form
    assert isinstance(received, StateChangeForm)
    received.accept()
    settle()
    assert matrix_cell(tab).startswith("Confirmed")
    assert tab.attention.summary.text().startswith("Dr. Rao has 1 of 1 records confirmed")
    assert not tab.requests.mark_sent_button.isEnabled()
    assert texts(tab.requests.history_model, 1) == ["Requested", "Sent", "Received"]


def test_undo_asks_first_then_puts_the_request_back(
    qtbot, tab, case, answers, vault, reload, settle
):
    rid = add_request(vault, case, days_ago=3)
    with vault.session() as s:
        rr.mark_sent(s, rid, TODAY)
    reload()
    tab.select_request(rid)
    settle()
    assert matrix_cell(tab).startswith("Sent")

    answers.confirms.append(False)
    qtbot.mouseClick(tab.requests.undo_button, Qt.MouseButton.LeftButton)
    settle()
    assert answers.shown[-1][2] == "Undo “Sent” and put this request back to “Requested”?"
    assert matrix_cell(tab).startswith("Sent")
    with vault.session() as s:  # nothing was changed while the question was open
        assert rr.get_request(s, rid).state is RequestState.SENT

    qtbot.keyClick(tab.requests.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert matrix_cell(tab).startswith("Requested")
    assert not tab.requests.undo_button.isEnabled()  # only the first entry is left


def test_a_due_date_before_the_request_is_refused_on_the_field(tab, case, vault, reload, settle):
    with vault.session() as s:
        records.add_item(s, case["person"], ItemData(kind=RecordKind.LAB_RESULTS))
    reload()
    tab.open_request_form(item_ids=[tab.items.model.row_at(0).id])
    settle()
    form = tab.current_form
    assert isinstance(form, RequestForm)
    pick(form.holder, case["lab"])
    pick(form.recipient, case["rao"])
    form.requested_on.set_value(dt.date(2026, 3, 10))
    form.due_on.set_value(dt.date(2026, 3, 1))
    form.accept()
    settle()
    assert form.isVisible()
    assert form.errors.message("due_on") == (
        "The due date cannot be before the date of the request."
    )
    assert "Due on: The due date" in form.problem_line.text()
    assert tab.requests.model.rowCount() == 0


def test_filters_and_search_narrow_the_requests(tab, case, vault, reload):
    add_request(vault, case, "CT", days_ago=60, reference_number="REF60")
    add_request(vault, case, "Labs", days_ago=5, reference_number="REF5")
    reload()
    proxy = tab.requests.proxy
    assert proxy.rowCount() == 2
    pick(tab.state_filter, "overdue")
    assert texts(proxy, 3) == ["CT"]
    pick(tab.state_filter, None)
    tab.search.setText("ref60")
    assert texts(proxy, 3) == ["CT"]
    tab.search.setText("labs")
    assert texts(tab.matrix.proxy, 0) == ["Labs"]
    with vault.session() as s:
        records.add_item(s, case["person"], ItemData(RecordKind.LAB_RESULTS, "More labs"))
    reload()  # the search stays, and finds what was added since
    assert sorted(texts(tab.matrix.proxy, 0)) == ["Labs", "More labs"]
    tab.search.clear()
    pick(tab.kind_filter, RecordKind.LAB_RESULTS)
    assert texts(tab.items.proxy, 0) == ["More labs"]


def test_navigation_opens_the_right_place(
    qtbot, tab, case, vault, navigator, answers, monkeypatch, reload, settle
):
    rid = add_request(vault, case)
    reload()
    tab.views.setCurrentIndex(2)
    tab.handle_navigation("open_request", request_id=rid)
    assert tab.views.currentIndex() == 0
    assert tab.selected_request().id == rid

    tab.requests.act_open_holder.trigger()
    assert navigator.calls[-1] == ("contacts.open", {"contact_id": case["lab"]})

    import second_opinion.ui.export_actions as export_actions

    letters: list[tuple[int, str]] = []
    monkeypatch.setattr(
        export_actions, "export_letter", lambda _p, _c, rid, kind: letters.append((rid, kind))
    )
    # The request letter is a button in sight, not an entry under "More".
    assert tab.requests.letter_button.isVisible() and tab.requests.letter_button.isEnabled()
    qtbot.mouseClick(tab.requests.letter_button, Qt.MouseButton.LeftButton)
    tab.requests.act_auth_form.trigger()
    tab.requests.act_doctor_letter.trigger()
    assert letters == [(rid, "request"), (rid, "authorization"), (rid, "current-doctor")]

    monkeypatch.setitem(sys.modules, "second_opinion.ui.export_actions", None)
    tab.requests.letter_button.click()
    assert answers.shown[-1][0] == "info"
    assert "not available" in answers.shown[-1][2]

    tab.handle_navigation("new_item", kind="imaging_files")
    settle()
    form = tab.current_form
    assert isinstance(form, ItemForm)
    assert form.collect().kind is RecordKind.IMAGING_FILES
    form.reject()


def test_waiting_on_me_is_not_overdue_and_comes_after_it(tab, case, vault, reload):
    waiting = add_request(vault, case, "Labs", days_ago=45, notes="Sign the form")
    with vault.session() as s:
        rr.mark_waiting_on_me(s, waiting, TODAY)
    add_request(vault, case, "CT", days_ago=31)
    reload()
    assert texts(tab.attention.proxy, 0) == ["Overdue · 1 day overdue", "Waiting on me"]
    assert texts(tab.attention.proxy, 3)[1] == "Sign the form"
    assert "1 overdue, 1 waiting on you" in tab.attention.heading.text()
    assert tab.title() == "Records (1 overdue)"
    pick(tab.state_filter, "overdue")
    assert texts(tab.requests.proxy, 3) == ["CT"]


def test_models_pass_the_model_tester(qtmodeltester, tab, case, vault, reload, settle):
    rid = add_request(vault, case, days_ago=45)
    with vault.session() as s:
        rr.mark_problem(s, rid, TODAY)
    reload()
    tab.select_request(rid)
    settle()
    for model in (
        tab.matrix.model,
        tab.matrix.proxy,
        tab.requests.model,
        tab.attention.model,
        tab.items.model,
        tab.authorizations.model,
        tab.requests.history_model,
    ):
        qtmodeltester.check(model)
    tab.open_request_form()
    settle()
    form = tab.current_form
    assert isinstance(form, RequestForm)
    qtmodeltester.check(form.pick_model)
    form.reject()
    assert tab.matrix.model.index(0, 1).data(Qt.ItemDataRole.DisplayRole).startswith("Requested")
    assert tab.requests.model.row_at(0).state is RequestState.PROBLEM


def test_an_expired_authorization_flags_the_request_that_relies_on_it(
    tab, case, vault, reload, settle
):
    from second_opinion.ui.records.forms import AuthorizationForm

    tab.views.setCurrentIndex(3)
    tab.authorizations.new_button.click()
    settle()
    form = tab.current_form
    assert isinstance(form, AuthorizationForm)
    pick(form.holder, case["lab"])
    pick(form.recipient, case["rao"])
    form.scope.setText("Pathology & slides")
    form.signed_on.set_value(TODAY - dt.timedelta(days=400))
    form.expires_on.set_value(TODAY - dt.timedelta(days=1))
    form.accept()
    settle()
    assert texts(tab.authorizations.proxy, 0) == ["Expired"]
    assert tab.views.tabText(3) == "Authorizations (1 expired or revoked)"

    add_request(vault, case, days_ago=0, authorization_id=tab.authorizations.model.row_at(0).id)
    reload()
    assert texts(tab.attention.proxy, 0) == ["Authorization expired"]
    assert texts(tab.requests.proxy, 11) == ["Expired"]


def test_deleting_a_record_names_it_and_the_requests_it_leaves(
    tab, case, vault, answers, reload, settle
):
    add_request(vault, case)
    reload()
    tab.views.setCurrentIndex(1)
    tab.items.view.selectRow(0)
    answers.confirms.append(False)
    tab.items.delete_button.click()
    settle()
    assert answers.shown[-1][2] == "Delete “CT” and take it off the request that lists it?"
    assert tab.items.model.rowCount() == 1
    tab.items.delete_button.click()
    settle()
    assert tab.items.model.rowCount() == 0
    assert tab.items.stack.currentIndex() == 0  # back to the empty state


def test_the_default_due_time_is_a_setting_the_request_form_follows(
    tab, vault, case, reload, settle
):
    from second_opinion.ui.records.forms import DueDaysForm

    tab.requests.act_due_days.trigger()
    form = tab.current_form
    assert isinstance(form, DueDaysForm)
    assert form.days.value() == 30
    law = form.days.toolTip()
    assert "your own records under HIPAA" in law and "no such legal deadline" in law
    form.days.setValue(14)
    form.accept()
    settle()
    with vault.session() as s:
        assert records.get_request_due_days(s) == 14
        records.add_item(s, case["person"], ItemData(kind=RecordKind.LAB_RESULTS))
    reload()
    tab.open_request_form()
    settle()
    request_form = tab.current_form
    assert isinstance(request_form, RequestForm)
    request_form.requested_on.set_value(dt.date(2026, 5, 1))
    assert request_form.due_on.value() == dt.date(2026, 5, 15)
    assert request_form.due_on.toolTip() == law  # said once, the same in every form
    request_form.reject()


def test_new_request_without_records_asks_for_the_record_first(qtbot, tab, case, settle):
    tab.new_item()  # Ctrl+N
    settle()
    item_form = tab.current_form
    assert isinstance(item_form, ItemForm)
    item_form.description.setText("Operative report")
    item_form.accept()
    settle()
    qtbot.waitUntil(lambda: isinstance(tab.current_form, RequestForm))
    settle()
    request_form = tab.current_form
    assert isinstance(request_form, RequestForm)
    assert request_form.collect().item_ids == [tab.items.model.row_at(0).id]
    request_form.reject()


def test_keyboard_delete_names_the_request_and_can_be_cancelled(
    qtbot, tab, case, vault, answers, reload, settle
):
    add_request(vault, case)
    reload()
    tab.requests.view.setFocus()
    answers.confirms.append(False)
    qtbot.keyClick(tab.requests.view, Qt.Key.Key_Delete)
    settle()
    assert answers.shown[-1][2] == (
        "Delete the request to Dr. Rao from Riverside Pathology for “CT” and its history?"
    )
    assert tab.requests.model.rowCount() == 1
    qtbot.keyClick(tab.requests.view, Qt.Key.Key_Delete)
    settle()
    assert tab.requests.model.rowCount() == 0


def test_a_failed_save_keeps_the_form_open_with_what_was_typed(
    tab, case, monkeypatch, answers, settle
):
    from second_opinion.vault.errors import CouldNotSave

    def full_disk(*_args: object) -> int:
        raise CouldNotSave()

    monkeypatch.setattr(records, "add_item", full_disk)
    tab.items.open_form()
    settle()
    form = tab.current_form
    assert isinstance(form, ItemForm)
    form.description.setText("Pathology slides")
    form.accept()
    settle()
    assert form.isVisible()
    assert "disk may be full" in answers.shown[-1][2]
    assert form.description.text() == "Pathology slides"


def test_building_the_tab_reads_nothing_until_it_is_loaded(qtbot, vault, case, navigator, settle):
    from sqlalchemy import event

    statements: list[str] = []

    def count(_conn: object, _cursor: object, sql: str, *_args: object) -> None:
        statements.append(sql)

    with vault.session() as s:
        engine = s.get_bind()
    event.listen(engine, "before_cursor_execute", count)
    try:
        widget = RecordsTab(AppContext(vault, case["person"]), navigator)
        qtbot.addWidget(widget)
        assert statements == []  # the main window calls reload() once the tab is built
        widget.reload()
        settle()
        assert statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_a_contact_added_after_loading_is_offered_when_a_form_opens(
    tab, case, vault, reload, settle
):
    with vault.session() as s:
        records.add_item(s, case["person"], ItemData(kind=RecordKind.LAB_RESULTS))
    reload()
    with vault.session() as s:
        late = make_contact(s, "Dr. Okafor", ContactRole.SECOND_OPINION_CANDIDATE).id
    tab.open_request_form()
    settle()
    form = tab.current_form
    assert isinstance(form, RequestForm)
    assert form.recipient.findData(late) >= 0
    form.reject()


def test_another_screens_change_reloads_the_board(tab, case, vault, settle):
    from second_opinion.case.changes import Area

    add_request(vault, case, days_ago=45)
    tab.ctx.announce(Area.CONTACTS)  # e.g. a holder renamed in Doctors & contacts
    settle()
    assert tab.requests.model.rowCount() == 1
    assert tab.title() == "Records (1 overdue)"


def test_columns_fit_their_texts_and_keep_a_width_the_person_chose(tab, case, vault, reload):
    rid = add_request(vault, case, "CT of the chest", days_ago=45)
    with vault.session() as s:
        rr.mark_received(s, rid, TODAY)
    reload()
    view = tab.requests.view
    metrics = view.fontMetrics()
    for column in (0, 1, 3, 4, 5):  # status, due, from, to, requested
        text = tab.requests.proxy.index(0, column).data()
        assert view.columnWidth(column) > metrics.horizontalAdvance(text), text
    cell = matrix_cell(tab)
    assert cell.startswith("Confirmed")
    assert tab.matrix.view.columnWidth(1) > tab.matrix.view.fontMetrics().horizontalAdvance(cell)

    view.setColumnWidth(3, 300)
    reload()
    assert view.columnWidth(3) == 300


def test_the_method_list_offers_only_what_fits_the_recipient(tab, case, vault, reload, settle):
    """A patient portal delivers to the patient: it is no way to send records to a doctor."""
    from second_opinion.domain.enums import TransferMethod

    with vault.session() as s:
        myself = make_contact(s, "Maria (myself)", ContactRole.SELF).id
        records.add_item(s, case["person"], ItemData(kind=RecordKind.LAB_RESULTS))
    reload()
    tab.open_request_form()
    settle()
    form = tab.current_form
    assert isinstance(form, RequestForm)

    def offered() -> list[object]:
        return [form.method.itemData(i) for i in range(form.method.count())]

    pick(form.recipient, case["rao"])
    assert TransferMethod.PORTAL not in offered()
    assert TransferMethod.FAX in offered()
    pick(form.method, TransferMethod.MAIL)
    pick(form.recipient, myself)
    assert TransferMethod.PORTAL in offered()
    assert form.method.currentData() == TransferMethod.MAIL  # the choice survives
    pick(form.method, TransferMethod.PORTAL)
    pick(form.recipient, case["rao"])
    assert TransferMethod.PORTAL not in offered()
    assert form.method.currentData() != TransferMethod.PORTAL
    form.reject()


def test_linking_an_authorization_for_another_recipient_says_so_on_the_field(
    tab, case, vault, reload, settle
):
    from second_opinion.services import authorizations as auths

    with vault.session() as s:
        okafor = make_contact(s, "Dr. Okafor", ContactRole.SECOND_OPINION_CANDIDATE).id
        records.add_item(s, case["person"], ItemData(kind=RecordKind.LAB_RESULTS))
        for_rao = auths.add_authorization(
            s,
            case["person"],
            auths.AuthorizationData(holder_id=case["lab"], recipient_id=case["rao"]),
        )
    reload()
    tab.open_request_form()
    settle()
    form = tab.current_form
    assert isinstance(form, RequestForm)
    pick(form.holder, case["lab"])
    pick(form.recipient, okafor)
    assert form.authorization_note.isHidden()
    pick(form.authorization, for_rao)
    assert not form.authorization_note.isHidden()
    assert "Dr. Rao" in form.authorization_note.text()
    assert form.authorization_note.accessibleName()
    pick(form.recipient, case["rao"])
    assert form.authorization_note.isHidden()
    form.reject()


def test_a_date_that_cannot_be_true_is_refused_or_asked_about(
    qtbot, tab, case, vault, reload, settle, answers
):
    # A date of service still to come: asked about; "no" keeps the form open on the date.
    tab.items.open_form()
    settle()
    form = tab.current_form
    assert isinstance(form, ItemForm)
    form.description.setText("PET scan")
    form.date_of_service.set_value(TODAY + dt.timedelta(days=20))
    answers.confirms.append(False)
    form.accept()
    settle()
    assert answers.shown and "still to come" in answers.shown[-1][2]
    assert form.isVisible()
    assert "still to come" in form.errors.message("date_of_service")
    assert texts(tab.items.proxy, 0) == []
    answers.confirms.append(True)  # a planned scan: saved with its date
    form.accept()
    settle()
    assert texts(tab.items.proxy, 0) == ["PET scan"]

    # "Mark sent" on a day still to come is refused beside the date.
    request_id = add_request(vault, case, days_ago=5)
    reload()
    assert tab.requests.select(request_id)
    qtbot.mouseClick(tab.requests.mark_sent_button, Qt.MouseButton.LeftButton)
    sent = tab.current_form
    assert isinstance(sent, StateChangeForm)
    sent.on.setDate(to_qdate(TODAY + dt.timedelta(days=3)))
    sent.accept()
    settle()
    assert sent.isVisible()
    assert "still to come" in sent.errors.message("on")
    sent.on.setDate(to_qdate(TODAY))
    sent.accept()
    settle()
    with vault.session() as s:
        assert rr.get_request(s, request_id).sent_on == TODAY


def test_a_new_holder_is_made_from_the_record_form_and_chosen(qtbot, tab, case, vault, settle):
    tab.items.open_form()
    settle()
    form = tab.current_form
    assert isinstance(form, ItemForm)
    form.description.setText("MRI brain")
    qtbot.mouseClick(form.new_holder_button, Qt.MouseButton.LeftButton)
    contact_form = form.contact_form
    assert contact_form is not None and contact_form.isVisible()
    assert contact_form.role.currentData() == ContactRole.RECORDS_DEPARTMENT
    assert contact_form.kind.currentData() == ContactKind.ORGANIZATION
    qtbot.keyClicks(contact_form.name, "Riverbend Imaging")
    contact_form.accept()
    settle()
    assert form.isVisible()
    assert form.holder.currentText() == "Riverbend Imaging"
    form.accept()
    settle()
    with vault.session() as s:
        (item,) = records.list_items(s, case["person"])
        assert item.holder_name == "Riverbend Imaging"


def test_the_icons_drawn_ahead_are_all_the_tab_is_built_with(qtbot, vault, case, navigator):
    from second_opinion.ui import icons
    from second_opinion.ui.records.common import icons_ahead

    for draw in icons_ahead():
        draw()
    drawn = icons._icon.cache_info().misses
    widget = RecordsTab(AppContext(vault, case["person"]), navigator)
    qtbot.addWidget(widget)
    # Building it drew nothing new: the window drew it all a few per turn beforehand.
    assert icons._icon.cache_info().misses == drawn
