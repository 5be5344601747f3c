"""Refusals raised by services: a message for a person and, where it helps, the field."""

from __future__ import annotations


class ServiceError(Exception):
    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class ValidationError(ServiceError):
    """Input a person can fix: shown next to ``field``."""


class NotFound(ServiceError):
    pass


class InUse(ServiceError):
    """Deleting this would leave other data dangling; ``references`` says what refers to it."""

    def __init__(self, message: str, references: dict[str, int]) -> None:
        super().__init__(message)
        self.references = references


class InvalidTransition(ServiceError):
    pass
