"""The columns each kind of entry shows and edits, with their captions (translatable)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from second_opinion.services.health_summary import Kind


def _t(text: str) -> str:
    return QCoreApplication.translate("HealthSummary", text)


@dataclass(frozen=True)
class Column:
    field: str
    caption: str
    is_date: bool = False


def columns(kind: Kind) -> list[Column]:
    name = Column("name", _t("Substance") if kind is Kind.ALLERGY else _t("Name"))
    code = [Column("code", _t("Code")), Column("code_system", _t("Code system"))]
    specific = {
        Kind.CONDITION: [Column("onset", _t("Since"), True), Column("status", _t("Status"))],
        Kind.MEDICATION: [
            Column("dose", _t("Dose")),
            Column("frequency", _t("How often")),
            Column("since", _t("Since"), True),
            Column("status", _t("Status")),
        ],
        Kind.ALLERGY: [Column("reaction", _t("Reaction")), Column("severity", _t("Severity"))],
        Kind.PROCEDURE: [Column("performed_on", _t("Date"), True)],
        Kind.RESULT: [
            Column("value", _t("Value")),
            Column("unit", _t("Unit")),
            Column("observed_on", _t("Date"), True),
            Column("flag", _t("Flag")),
        ],
    }[kind]
    return [name, *specific, *code]


def kind_title(kind: Kind) -> str:
    return {
        Kind.CONDITION: _t("Conditions"),
        Kind.MEDICATION: _t("Medications"),
        Kind.ALLERGY: _t("Allergies"),
        Kind.PROCEDURE: _t("Procedures"),
        Kind.RESULT: _t("Results"),
    }[kind]


def kind_singular(kind: Kind) -> str:
    return {
        Kind.CONDITION: _t("condition"),
        Kind.MEDICATION: _t("medication"),
        Kind.ALLERGY: _t("allergy"),
        Kind.PROCEDURE: _t("procedure"),
        Kind.RESULT: _t("result"),
    }[kind]
