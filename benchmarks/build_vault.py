"""Build the large fictional vault the benchmarks run against.

10 000 contacts, 5 000 record items, 10 000 records requests (with their items and state
history), 5 000 questions and 200 visits across 3 people, written with SQLAlchemy Core bulk
inserts so building it takes seconds, into a vault created with the app's real default KDF (so
the unlock that is timed later derives the key exactly as a user's unlock does).

Every name, number and address is invented. Person 1 holds the bulk; persons 3 and 2 are shaped
for the packet benchmarks: ``typical`` (30 questions, 20 record items sent to the doctor, a care
team of 10) and ``large`` (500 questions, 1 000 record items sent to the doctor, 40 holders).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from second_opinion.domain.enums import (
    ContactKind,
    ContactRole,
    Priority,
    QuestionCategory,
    RecordKind,
    RequestState,
    TransferMethod,
    TriState,
    VisitMode,
    VisitStatus,
)
from second_opinion.domain.models import (
    Authorization,
    Contact,
    Decision,
    InsuranceCall,
    InsurancePlan,
    Opinion,
    Person,
    Question,
    RecordItem,
    RecordRequest,
    RequestStateChange,
    Visit,
    record_request_item,
)
from second_opinion.vault.kdf import DEFAULT, KdfParameters
from second_opinion.vault.vault import Vault

PASSPHRASE = "fictional benchmark passphrase, never a real one"

N_CONTACTS = 10_000
N_ITEMS = 5_000
N_REQUESTS = 10_000
N_QUESTIONS = 5_000
N_VISITS = 200
N_PEOPLE = 3

TYPICAL_QUESTIONS = 30
TYPICAL_RECORDS = 20
LARGE_QUESTIONS = 500
LARGE_RECORDS = 1_000


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Ada Alan Alma Amir Ana Anders Aria Ayla Beatriz Ben Bodhi Carla Carmen Chen Chiara Dana "
    "Daniel Dara Elena Eli Emeka Esme Farah Felix Fatima Grace Hana Hugo Ines Ivan Jae Jonah "
    "Julia Kai Kamala Karin Keiko Lars Leila Lena Luca Maya Mateo Mina Nadia Nils Noor Oscar "
    "Pablo Priya Quinn Rafael Rosa Ruth Sami Sara Soren Tariq Tess Uma Viktor Wen Yara Zoe"
)
LAST = _words(
    "Abara Albrecht Amari Baptiste Bergstrom Caldera Castell Delacroix Dunmore Eriksen "
    "Fairweather Farrow Galloway Gutierrez Halvorsen Hartigan Ibarra Jansen Kaminski Kestrel "
    "Lindqvist Lowell Marchetti Moreau Nakamura Novak Okafor Ostrander Pellegrini Quintero "
    "Ramsay Rasmussen Salcedo Sorensen Tanaka Thornbury Underhill Valdez Vance Whitlock "
    "Yilmaz Zeller"
)
SPECIALTIES = (
    "Medical oncology",
    "Surgical oncology",
    "Radiation oncology",
    "Neurology",
    "Cardiology",
    "Rheumatology",
    "Endocrinology",
    "Gastroenterology",
    "Pathology",
    "Radiology",
    "Nephrology",
    "Urology",
    "Hematology",
    "Orthopedic surgery",
)
ORGS = (
    "Riverbend Medical Center",
    "Lakeshore Cancer Institute",
    "Northfield Clinic",
    "St. Imaginary Hospital",
    "Maple Grove Health",
    "Harborview Specialty Group",
    "Summit University Hospital",
    "Cedar Valley Imaging",
    "Prairie Pathology Associates",
    "Eastgate Family Practice",
)
SYSTEMS = ("Riverbend Health", "Lakeshore Health System", "Summit Medicine", "")
CITIES = ("Springfield", "Riverton", "Lakeside", "Fairview", "Greenville", "Milltown")
DESCRIPTIONS = {
    RecordKind.LAB_RESULTS: "Complete blood count and metabolic panel",
    RecordKind.IMAGING_REPORT: "MRI report of the chest",
    RecordKind.IMAGING_FILES: "CT images on disc (DICOM)",
    RecordKind.PATHOLOGY_REPORT: "Core biopsy pathology report",
    RecordKind.PATHOLOGY_MATERIAL: "Biopsy slides and paraffin block",
    RecordKind.VISIT_NOTES: "Consultation note",
    RecordKind.OPERATIVE_REPORT: "Operative report",
    RecordKind.DISCHARGE_SUMMARY: "Discharge summary",
    RecordKind.MEDICATION_LIST: "Current medication list",
    RecordKind.OTHER: "Genetic testing results",
}
QUESTION_STEMS = (
    "Do you agree with the diagnosis, and what would change your mind about it?",
    "Which tests would you repeat or add before deciding on treatment?",
    "What are the options besides the treatment recommended so far?",
    "What are the short- and long-term risks of each option?",
    "How urgent is the decision; what happens if we wait a few weeks?",
    "Is there a clinical trial that fits this case?",
    "Will my insurance cover what you recommend, and whom should I ask?",
    "Who coordinates my care if I choose treatment here?",
)
ROLE_WEIGHTS = (
    (ContactRole.SPECIALIST, 34),
    (ContactRole.OTHER, 18),
    (ContactRole.RECORDS_DEPARTMENT, 15),
    (ContactRole.PRIMARY_CARE, 10),
    (ContactRole.SUPPORT_PERSON, 6),
    (ContactRole.FIRST_OPINION, 6),
    (ContactRole.SECOND_OPINION_CANDIDATE, 6),
    (ContactRole.SECOND_OPINION_CHOSEN, 2),
    (ContactRole.INSURER, 3),
)
# A request walks one of these paths; its history lists each step.
PATHS = (
    (RequestState.TO_REQUEST,),
    (RequestState.REQUESTED,),
    (RequestState.REQUESTED, RequestState.EXTENDED),
    (RequestState.REQUESTED, RequestState.WAITING_ON_ME),
    (RequestState.REQUESTED, RequestState.PARTLY_RECEIVED),
    (RequestState.REQUESTED, RequestState.SENT),
    (RequestState.REQUESTED, RequestState.SENT, RequestState.RECEIVED),
    (RequestState.REQUESTED, RequestState.PROBLEM),
)


@dataclass(frozen=True)
class PacketCase:
    """A visit shaped for a packet benchmark."""

    person_id: int
    visit_id: int
    doctor_id: int
    questions: int
    records: int


@dataclass(frozen=True)
class BuiltVault:
    folder: Path
    passphrase: str
    vault_id: str
    key: bytes
    person_ids: tuple[int, ...]
    typical: PacketCase
    large: PacketCase
    counts: dict[str, int]
    build_s: float


def _phone(rng: random.Random) -> str:
    # 555-01xx numbers are reserved for fiction in North America.
    return f"+1 {rng.randint(201, 989)}-555-01{rng.randint(0, 99):02d}"


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _contact_rows(rng: random.Random) -> list[dict[str, Any]]:
    roles = [role for role, _w in ROLE_WEIGHTS]
    weights = [w for _r, w in ROLE_WEIGHTS]
    rows = []
    for n in range(1, N_CONTACTS + 1):
        role = rng.choices(roles, weights)[0]
        org = rng.choice(ORGS)
        is_org = role in (ContactRole.RECORDS_DEPARTMENT, ContactRole.INSURER)
        if is_org:
            name = f"{org} — {'records' if role is ContactRole.RECORDS_DEPARTMENT else 'plan'}"
            name += f" {n}"
        else:
            title = "Dr. " if role.is_doctor else ""
            name = f"{title}{rng.choice(FIRST)} {rng.choice(LAST)}"
        phone = _phone(rng)
        fax = _phone(rng) if rng.random() < 0.5 else ""
        rows.append(
            {
                "id": n,
                "name": name,
                "kind": ContactKind.ORGANIZATION if is_org else ContactKind.INDIVIDUAL,
                "role": role,
                "specialty": rng.choice(SPECIALTIES) if role.is_doctor else "",
                "organization": org,
                "health_system": rng.choice(SYSTEMS),
                "phone": phone,
                "fax": fax,
                "email": f"contact{n}@example.org",
                "address": f"{rng.randint(1, 999)} Example Street, {rng.choice(CITIES)}",
                "portal_url": "",
                "website": "",
                "recommended_by": "",
                "in_network": rng.choice(list(TriState)),
                "notes": "Fictional contact for benchmarks." if n % 7 == 0 else "",
                "phone_digits": _digits(phone),
                "fax_digits": _digits(fax),
            }
        )
    return rows


def build_large_vault(folder: Path, kdf: KdfParameters = DEFAULT, seed: int = 7) -> BuiltVault:
    """Create the vault in ``folder`` (which must not hold one) and fill it; it is left locked."""
    import time

    started = time.perf_counter()
    rng = random.Random(seed)
    vault = Vault.create(folder, PASSPHRASE, kdf=kdf)
    try:
        built = _fill(vault, rng)
        key = vault.key.raw()
        vault_id = vault.vault_id
    finally:
        vault.lock()
    typical, large, person_ids, counts = built
    return BuiltVault(
        folder=folder,
        passphrase=PASSPHRASE,
        vault_id=vault_id,
        key=key,
        person_ids=person_ids,
        typical=typical,
        large=large,
        counts=counts,
        build_s=time.perf_counter() - started,
    )


def _fill(
    vault: Vault, rng: random.Random
) -> tuple[PacketCase, PacketCase, tuple[int, ...], dict[str, int]]:
    today = dt.date.today()
    now = dt.datetime.now(dt.UTC)
    contacts = _contact_rows(rng)
    by_role: dict[ContactRole, list[int]] = {}
    for row in contacts:
        by_role.setdefault(row["role"], []).append(row["id"])
    doctors = [c["id"] for c in contacts if c["role"].is_doctor]
    holders = by_role[ContactRole.RECORDS_DEPARTMENT] + by_role[ContactRole.SPECIALIST]
    # The two packet doctors receive only the requests built for their packets.
    typical_doctor = by_role[ContactRole.SECOND_OPINION_CHOSEN][0]
    large_doctor = by_role[ContactRole.SECOND_OPINION_CHOSEN][1]
    recipients = [d for d in doctors if d not in (typical_doctor, large_doctor)]

    people = [
        {
            "id": 1,
            "name": "Alex Example",
            "date_of_birth": dt.date(1966, 5, 4),
            "condition": "Fictional case: a mass found on imaging; diagnosis to be confirmed.",
            "medications": "Fictional medication 10 mg daily",
            "allergies": "None known",
            "created_at": now,
        },
        {
            "id": 2,
            "name": "Sam Sample",
            "date_of_birth": dt.date(1950, 9, 21),
            "condition": "Fictional case: possible early movement disorder.",
            "medications": "",
            "allergies": "Fictional allergy (rash)",
            "created_at": now,
        },
        {
            "id": 3,
            "name": "Robin Fictional",
            "date_of_birth": dt.date(1989, 1, 30),
            "condition": "Fictional case: joint pain of unclear cause.",
            "medications": "",
            "allergies": "",
            "created_at": now,
        },
    ]
    person_ids = tuple(p["id"] for p in people)
    plans = [
        {
            "person_id": pid,
            "insurer": "Imaginary Mutual",
            "plan_name": "Silver PPO",
            "member_id": f"XM{pid:07d}",
            "group_number": "G-1234",
            "phone": "+1 800-555-0100",
            "second_opinion_covered": TriState.YES,
            "referral_needed": TriState.NO,
            "prior_authorization_needed": TriState.UNKNOWN,
            "notes": "",
        }
        for pid in person_ids
    ]
    calls = [
        {
            "person_id": pid,
            "called_on": today - dt.timedelta(days=10 + n),
            "spoke_with": "Plan representative",
            "reference_number": f"REF-{pid}-{n}",
            "summary": "Asked whether a second opinion is covered.",
        }
        for pid in person_ids
        for n in range(3)
    ]

    # Visits: the two packet visits first, the rest spread over the past and the next months.
    visits: list[dict[str, Any]] = []
    visit_owner: dict[int, int] = {}

    def visit(vid: int, pid: int, doctor: int, days: int) -> None:
        mode = VisitMode.TELEMEDICINE if vid % 4 == 0 else VisitMode.IN_PERSON
        visits.append(
            {
                "id": vid,
                "person_id": pid,
                "doctor_id": doctor,
                "starts_at": now.replace(hour=15, minute=0, second=0, microsecond=0)
                + dt.timedelta(days=days),
                "time_zone": "America/Chicago",
                "duration_minutes": 60,
                "mode": mode,
                "location": "" if mode is VisitMode.TELEMEDICINE else "Building B, floor 3",
                "telemedicine_url": (
                    "https://telehealth.example.org/room/1"
                    if mode is VisitMode.TELEMEDICINE
                    else ""
                ),
                "companion_id": rng.choice(by_role[ContactRole.SUPPORT_PERSON]),
                "referral_needed": vid % 3 == 0,
                "referral_obtained": vid % 6 == 0,
                "prior_auth_needed": False,
                "prior_auth_obtained": False,
                "expected_cost_cents": 25_000,
                "status": VisitStatus.DONE if days < 0 else VisitStatus.PLANNED,
                "notes": "",
            }
        )
        visit_owner[vid] = pid

    # Person 3 is a typical case, small enough to print in a few pages: one upcoming visit
    # with the chosen doctor, one past visit with primary care, 20 record items from six
    # specialists and two records departments, all sent to the doctor, 30 questions, and two
    # first opinions. Its care team is exactly 10 people. Persons 1 and 2 hold the bulk; the
    # large packet is person 2's visit.
    p_bulk, p_large, p_typ = person_ids
    # Person 2 is a large but believable case: 1 000 record items from 40 holders, all sent to
    # the doctor of the large packet's visit, 500 questions for that visit.
    large_holders = by_role[ContactRole.RECORDS_DEPARTMENT][2:42]
    typ_holders = by_role[ContactRole.SPECIALIST][:6] + by_role[ContactRole.RECORDS_DEPARTMENT][:2]
    typ_opinion_doctors = by_role[ContactRole.FIRST_OPINION][:2]
    typ_primary = by_role[ContactRole.PRIMARY_CARE][0]
    taken = {typical_doctor, large_doctor, typ_primary, *typ_holders, *typ_opinion_doctors}
    taken.update(large_holders)
    # Even a busy case sends records to a few dozen doctors, not thousands: the who-has-what
    # matrix has one column per recipient, so 10 000 requests go to 60 of them (from 300
    # holders). The 10 000 contacts are still all listed, searched and picked from.
    recipients = [d for d in recipients if d not in taken][:60]
    holders = [h for h in holders if h not in taken][:300]

    visit(1, p_typ, typical_doctor, 14)
    visit(2, p_large, large_doctor, 21)
    visit(3, p_typ, typ_primary, -40)
    for vid in range(4, N_VISITS + 1):
        visit(vid, p_bulk, rng.choice(recipients), rng.randint(-300, 120))
    typical_visit, large_visit = 1, 2
    visits_of: dict[int, list[int]] = {}
    for vid, pid in visit_owner.items():
        if vid not in (typical_visit, large_visit):
            visits_of.setdefault(pid, []).append(vid)

    items: list[dict[str, Any]] = []
    items_of: dict[int, list[int]] = {}

    def item(pid: int, holder: int) -> None:
        iid = len(items) + 1
        kind = rng.choice(list(RecordKind))
        items.append(
            {
                "id": iid,
                "person_id": pid,
                "kind": kind,
                "description": f"{DESCRIPTIONS[kind]} #{iid}",
                "date_of_service": today - dt.timedelta(days=rng.randint(5, 900)),
                "holder_id": holder,
                "notes": "",
            }
        )
        items_of.setdefault(pid, []).append(iid)

    for n in range(TYPICAL_RECORDS):
        item(p_typ, typ_holders[n % len(typ_holders)])
    for n in range(LARGE_RECORDS):
        item(p_large, large_holders[n % len(large_holders)])
    while len(items) < N_ITEMS:
        item(p_bulk, rng.choice(holders))
    holder_of = {i["id"]: i["holder_id"] for i in items}

    authorizations = []
    for aid in range(1, 301):
        authorizations.append(
            {
                "id": aid,
                "person_id": p_bulk,
                "holder_id": rng.choice(holders),
                "recipient_id": rng.choice(recipients),
                "scope": "All records about the current condition",
                "purpose": "Second opinion",
                "signed_on": today - dt.timedelta(days=rng.randint(10, 400)),
                "expires_on": today + dt.timedelta(days=rng.randint(-60, 300)),
                "expiry_event": "",
                "revoked_on": None,
            }
        )

    requests: list[dict[str, Any]] = []
    links: list[dict[str, int]] = []
    history: list[dict[str, Any]] = []

    def request(
        pid: int, recipient: int, item_ids: list[int], path: tuple[RequestState, ...]
    ) -> None:
        rid = len(requests) + 1
        requested = today - dt.timedelta(days=rng.randint(1, 120))
        state = path[-1]
        is_requested = state is not RequestState.TO_REQUEST
        sent = requested + dt.timedelta(days=10) if RequestState.SENT in path else None
        received = sent + dt.timedelta(days=3) if state is RequestState.RECEIVED and sent else None
        authorization = None
        if pid == p_bulk and rid % 5 == 0:
            authorization = rng.randint(1, len(authorizations))
        requests.append(
            {
                "id": rid,
                "person_id": pid,
                "holder_id": holder_of[item_ids[0]],
                "recipient_id": recipient,
                "authorization_id": authorization,
                "method": rng.choice(list(TransferMethod)),
                "state": state,
                "requested_on": requested if is_requested else None,
                "due_on": requested + dt.timedelta(days=30) if is_requested else None,
                "extended_due_on": (
                    requested + dt.timedelta(days=60) if RequestState.EXTENDED in path else None
                ),
                "sent_on": sent,
                "received_on": received,
                "fee_cents": 2_500 if rid % 9 == 0 else None,
                "reference_number": f"R-{rid:06d}",
                "notes": "",
            }
        )
        links.extend({"request_id": rid, "item_id": i} for i in item_ids)
        for step, s in enumerate(path):
            history.append(
                {
                    "request_id": rid,
                    "state": s,
                    "on": requested + dt.timedelta(days=5 * step),
                    "recorded_at": now,
                    "note": "",
                }
            )

    sent_path = (RequestState.REQUESTED, RequestState.SENT, RequestState.RECEIVED)
    typical_items = items_of[p_typ]
    large_items = items_of[p_large]
    for start in range(0, len(typical_items), 3):
        request(p_typ, typical_doctor, typical_items[start : start + 3], sent_path)
    for start in range(0, len(large_items), 3):
        request(p_large, large_doctor, large_items[start : start + 3], sent_path)
    while len(requests) < N_REQUESTS:
        chosen = rng.sample(items_of[p_bulk], rng.randint(1, 3))
        request(p_bulk, rng.choice(recipients), chosen, rng.choice(PATHS))

    # Questions: the packet visits get exactly their counts (the packet also prints open
    # questions tied to no visit, so person 2's others all belong to other visits).
    questions: list[dict[str, Any]] = []
    position: dict[int, int] = {}

    def question(pid: int, visit_id: int | None) -> None:
        qid = len(questions) + 1
        position[pid] = position.get(pid, 0) + 1
        questions.append(
            {
                "id": qid,
                "person_id": pid,
                "text": f"{QUESTION_STEMS[qid % len(QUESTION_STEMS)]} (#{qid})",
                "category": rng.choice(list(QuestionCategory)),
                "priority": int(rng.choice(list(Priority))),
                "position": position[pid],
                "visit_id": visit_id,
                "asked": visit_id is not None and rng.random() < 0.2,
                "answer": "",
                "starter_key": None,
            }
        )

    for _ in range(TYPICAL_QUESTIONS):
        question(p_typ, typical_visit)
    for _ in range(LARGE_QUESTIONS):
        question(p_large, large_visit)
    while len(questions) < N_QUESTIONS:
        linked = rng.random() < 0.6
        question(p_bulk, rng.choice(visits_of[p_bulk]) if linked else None)

    opinions = [
        {
            "person_id": pid,
            "doctor_id": (typ_opinion_doctors[n % 2] if pid == p_typ else rng.choice(recipients)),
            "given_on": today - dt.timedelta(days=30 * n + 5),
            "diagnosis": "Fictional diagnosis",
            "stage": "II" if n % 2 else "I",
            "recommended_treatment": "Fictional treatment plan",
            "alternatives": "Watchful waiting",
            "benefits": "",
            "risks": "",
            "urgency": "Within weeks",
            "confidence": "Moderate",
            "notes": "",
        }
        for pid in person_ids
        for n in range(4)
    ]
    decisions = [
        {
            "person_id": pid,
            "decided_on": today - dt.timedelta(days=2),
            "decision": "Fictional decision",
            "reasons": "",
        }
        for pid in person_ids
    ]

    with vault.engine.begin() as conn:
        # The vault was created with one person already ("Me") by nobody: it is empty here.
        for table, rows in (
            (Person.__table__, people),
            (InsurancePlan.__table__, plans),
            (InsuranceCall.__table__, calls),
            (Contact.__table__, contacts),
            (Visit.__table__, visits),
            (RecordItem.__table__, items),
            (Authorization.__table__, authorizations),
            (RecordRequest.__table__, requests),
            (record_request_item, links),
            (RequestStateChange.__table__, history),
            (Question.__table__, questions),
            (Opinion.__table__, opinions),
            (Decision.__table__, decisions),
        ):
            conn.execute(insert(table), rows)

    typical = PacketCase(p_typ, typical_visit, typical_doctor, TYPICAL_QUESTIONS, TYPICAL_RECORDS)
    large = PacketCase(p_large, large_visit, large_doctor, LARGE_QUESTIONS, LARGE_RECORDS)
    counts = {
        "people": len(people),
        "contacts": len(contacts),
        "record_items": len(items),
        "requests": len(requests),
        "request_items": len(links),
        "state_changes": len(history),
        "questions": len(questions),
        "visits": len(visits),
    }
    return typical, large, person_ids, counts


if __name__ == "__main__":  # a quick manual check: build once and print the counts
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        built = build_large_vault(Path(tmp) / "vault")
        sys.stdout.write(f"{built.counts} in {built.build_s:.2f} s\n")
