"""How the contacts tab words things: counts, copied details, search words."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from second_opinion.services import labels
from second_opinion.services.contacts import ContactRow
from second_opinion.ui.contact_form import label_of

_PHONE_WORD = re.compile(r"^[+(]?[0-9][0-9()\-./]*$")


def tr(text: str) -> str:
    return QCoreApplication.translate("ContactsTab", text)


def search_words(text: str) -> str:
    """Turn a typed phone number ("555.010-2030", "(555)") into digits, so it matches any format."""
    words = []
    for word in text.split():
        digits = "".join(ch for ch in word if ch.isdigit())
        words.append(digits if len(digits) >= 3 and _PHONE_WORD.match(word) else word)
    return " ".join(words)


def search_text(row: ContactRow, role_label: str) -> str:
    """What the search field matches in a contact: its names, role, numbers (also as plain
    digits, see ``search_words``) and email."""
    return " ".join(
        (
            row.name,
            row.organization,
            row.health_system,
            row.specialty,
            role_label,
            row.phone,
            row.fax,
            row.phone_digits,
            row.fax_digits,
            row.email,
        )
    )


def plural(n: int, one: str, many: str) -> str:
    """English-correct counts without a loaded translator; both forms are translatable."""
    return one if n == 1 else many.format(n=n)


def count_words(counts: dict[str, int]) -> str:
    words = {
        "requests": (tr("1 record request"), tr("{n} record requests")),
        "authorizations": (tr("1 authorization"), tr("{n} authorizations")),
        "visits": (tr("1 visit"), tr("{n} visits")),
        "opinions": (tr("1 opinion"), tr("{n} opinions")),
        "record_items": (tr("1 record item"), tr("{n} record items")),
        "companions": (
            tr("1 visit companion link"),
            tr("{n} visit companion links"),
        ),
    }
    parts = [plural(n, *words[key]) for key, n in counts.items() if n]
    if len(parts) <= 1:
        return "".join(parts)
    return tr("{0} and {1}").format(", ".join(parts[:-1]), parts[-1])


def details_text(row: ContactRow) -> str:
    lines = [row.name]
    for label, value in (
        (tr("Role"), label_of(labels.CONTACT_ROLE, row.role)),
        (tr("Specialty"), row.specialty),
        (tr("Organization"), row.organization),
        (tr("Health system"), row.health_system),
        (tr("Phone"), row.phone),
        (tr("Fax"), row.fax),
        (tr("E-mail"), row.email),
        (tr("Address"), row.address.replace("\n", ", ")),
        (tr("Patient portal"), row.portal_url),
        (tr("Website"), row.website),
    ):
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines)
