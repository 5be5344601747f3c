"""Refusals raised by services: a message for a person and, where it helps, the field."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")


class ServiceError(Exception):
    """A refusal with a message for a person.

    ``message`` is the untranslated English text, with ``{placeholders}`` for ``values``
    (so a translation can move them); ``str()`` gives it filled in.
    """

    def __init__(self, message: str, field: str | None = None, **values: object) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.values = values

    def __str__(self) -> str:
        return self.message.format(**self.values) if self.values else self.message


class ValidationError(ServiceError):
    """Input a person can fix: shown next to ``field``."""


class NotFound(ServiceError):
    pass


def must_exist(session: Session, model: type[T], key: object, message: str) -> T:
    """The ``model`` row with primary key ``key``, or ``NotFound(message)``."""
    row = session.get(model, key)
    if row is None:
        raise NotFound(message)
    return row


class InUse(ServiceError):
    """Deleting this would leave other data dangling; ``references`` says what refers to it."""

    def __init__(self, message: str, references: dict[str, int]) -> None:
        super().__init__(message)
        self.references = references


class InvalidTransition(ServiceError):
    pass
