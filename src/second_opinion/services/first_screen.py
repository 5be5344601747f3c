"""What the first screen after unlocking shows, read with plain SQL: the people, and the guide
ticks of one of them.

These run on ``Vault.reading()`` before SQLAlchemy has been imported. Loading SQLAlchemy and
the models takes about a quarter of a second, longer than everything else between unlocking
and the painted window, so the window shows these first and the ORM loads in the background.
They read the same tables as ``people.list_people`` and ``guide.progress``, and a test holds
each pair to the same answers.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from second_opinion.services import guide_rules
from second_opinion.services.guide import all_item_keys


class PersonName(NamedTuple):
    id: int
    name: str


def people(conn: Any) -> list[PersonName]:
    """Everyone in the vault, oldest first (the order of the person switcher)."""
    rows = conn.execute("SELECT id, name FROM person ORDER BY id").fetchall()
    return [PersonName(int(row[0]), str(row[1])) for row in rows]


def guide_done_keys(conn: Any, person_id: int) -> set[str]:
    """The guide items done for this person (those the current guide still has): ticked, or
    shown done by the data and not unticked (``guide_rules``)."""
    params = {"pid": person_id}
    stored = conn.execute(guide_rules.STORED, params).fetchall()
    shown = conn.execute(guide_rules.DONE_FROM_DATA, params).fetchall()
    return guide_rules.done_keys(stored, shown) & all_item_keys()
