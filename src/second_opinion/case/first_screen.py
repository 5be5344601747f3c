"""The first screen after unlocking, read with plain SQL before SQLAlchemy has loaded.

Only the start-up path uses these (the person switcher and the Guide's ticks as the window
first paints); every later read goes through the operations runner and the ``Case``. They wrap
``Vault.reading()`` so the UI never opens a connection itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from second_opinion.services import first_screen

if TYPE_CHECKING:
    from second_opinion.services.first_screen import PersonName
    from second_opinion.vault.vault import Vault


def people(vault: Vault) -> list[PersonName]:
    """Everyone in the vault, oldest first (the order of the person switcher)."""
    with vault.reading() as conn:
        return first_screen.people(conn)


def people_or_first(vault: Vault, name: str) -> list[PersonName]:
    """Everyone in the vault; a vault with nobody in it first gets ``name`` (the case needs
    someone). Adding loads the ORM, which only a vault emptied outside the app needs."""
    found = people(vault)
    if found:
        return found
    from second_opinion.services.people import add_person

    with vault.session() as session:
        add_person(session, name)
    return people(vault)


def guide_done_keys(vault: Vault, person_id: int) -> set[str]:
    """The guide items ``person_id`` has ticked."""
    with vault.reading() as conn:
        return first_screen.guide_done_keys(conn, person_id)


def load_the_orm() -> None:
    """Import SQLAlchemy, the models and the engine, and configure the mappers: what every
    later read and save needs (about half a second). The start-up calls this on a worker
    thread once the first screen has painted, so no click has to wait for it."""
    from sqlalchemy.orm import configure_mappers

    import second_opinion.domain.models
    import second_opinion.vault.engine  # noqa: F401

    configure_mappers()
