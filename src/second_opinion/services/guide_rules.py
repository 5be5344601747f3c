"""Which checklist items of the guide are done, judged from what the person has entered.

One rule per item key (an item without a rule is ticked by hand only). A rule answers "does
the data show this done?"; the person can still untick an item, and that untick is kept
(``guide_progress.done`` false). Contacts are shared by everyone in the vault, so the rules
about doctors look at all contacts; everything else is the person's own.

Plain SQL, in one place: the first screen after unlocking reads the ticks before SQLAlchemy
is loaded (``first_screen``), and ``guide.progress`` runs the very same statements.
"""

from __future__ import annotations

from collections.abc import Iterable

from second_opinion.domain.enums import ContactRole, RequestState, TriState

_SECOND_OPINION = ", ".join(f"'{r.value}'" for r in ContactRole if r.is_second_opinion)
_UNKNOWN = TriState.UNKNOWN.value

#: item key -> a SELECT that finds a row when the data shows the item done (``:pid`` is the
#: person)
RULES: dict[str, str] = {
    "insurance.details": "SELECT 1 FROM insurance_plan WHERE person_id = :pid"
    " AND (insurer != '' OR member_id != '')",
    "insurance.asked": "SELECT 1 FROM insurance_call WHERE person_id = :pid",
    "insurance.rules": "SELECT 1 FROM insurance_plan WHERE person_id = :pid"
    f" AND referral_needed != '{_UNKNOWN}' AND prior_authorization_needed != '{_UNKNOWN}'",
    "doctor.first": f"SELECT 1 FROM contact WHERE role = '{ContactRole.FIRST_OPINION.value}'",
    "doctor.candidates": f"SELECT 1 FROM contact WHERE role IN ({_SECOND_OPINION})",
    "doctor.booked": "SELECT 1 FROM visit JOIN contact ON contact.id = visit.doctor_id"
    f" WHERE visit.person_id = :pid AND contact.role IN ({_SECOND_OPINION})",
    "records.list": "SELECT 1 FROM record_item WHERE person_id = :pid",
    "records.requested": "SELECT 1 FROM record_request WHERE person_id = :pid"
    f" AND state != '{RequestState.TO_REQUEST.value}'",
    "questions.written": "SELECT 1 FROM question WHERE person_id = :pid",
    "visit.mode": "SELECT 1 FROM visit WHERE person_id = :pid",
    "support.companion": f"SELECT 1 FROM contact WHERE role = '{ContactRole.SUPPORT_PERSON.value}'",
    "after.recorded": "SELECT 1 FROM opinion WHERE person_id = :pid",
}

#: the keys whose rule finds them done, in one statement
DONE_FROM_DATA = " UNION ALL ".join(
    f"SELECT '{key}' WHERE EXISTS ({sql})" for key, sql in RULES.items()
)
#: what the person ticked (done 1) or unticked (done 0)
STORED = "SELECT item_key, done FROM guide_progress WHERE person_id = :pid"


def done_keys(
    stored: Iterable[Iterable[object]], from_data: Iterable[Iterable[object]]
) -> set[str]:
    """Done: what the data shows or the person ticked, less what the person unticked."""
    ticked: set[str] = set()
    unticked: set[str] = set()
    for key, done in (tuple(row) for row in stored):
        (ticked if done else unticked).add(str(key))
    shown = {str(next(iter(row))) for row in from_data}
    return (shown | ticked) - unticked
