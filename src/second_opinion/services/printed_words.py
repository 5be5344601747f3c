"""Words for printed documents that the services put together: dates and a few phrases.

The visit packet and the letters print in English or Spanish, chosen per export (the person may
read Spanish while a records office wants English). Most of their text is the export layer's
(``export/i18n.py``), but a few lines are composed here, where the data is (why a record is
missing, with its dates). They are written in the language asked for, with the same month names
the export layer uses, so one document never mixes two ways of writing a date.

No locale module: Qt sets the C locale on start-up, and the printed language is chosen per
export, not per machine. Numbers and money keep the US form in both languages (1,234.50), as
US Spanish speakers write them.
"""

from __future__ import annotations

import datetime as dt

from second_opinion.services.phrases import render

ENGLISH = "en"
SPANISH = "es"
#: languages a document can be printed in
LANGUAGES = (ENGLISH, SPANISH)
#: each language by its own name, for a chooser
LANGUAGE_NAMES = {ENGLISH: "English", SPANISH: "Español"}

MONTHS = {
    ENGLISH: (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    SPANISH: (
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ),
}  # fmt: skip
WEEKDAYS = {
    ENGLISH: ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    SPANISH: ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}


def language_of(code: str | None) -> str:
    """A printed language for a language or locale code ("es", "es_US", "es-MX"); English
    for anything without a translation. Raises nothing: an export always prints."""
    base = (code or "").strip().replace("-", "_").split("_", 1)[0].split(".", 1)[0].lower()
    return base if base in LANGUAGES else ENGLISH


def short_date(value: dt.date | None, language: str = ENGLISH) -> str:
    """ "Dec 3, 2026" / "3 dic. 2026": the month as a word, so no reader takes it for 12/3."""
    if value is None:
        return ""
    if language == SPANISH:
        month = MONTHS[SPANISH][value.month - 1]
        short = month if len(month) <= 4 else month[:3] + "."
        return f"{value.day} {short} {value.year}"
    return f"{MONTHS[ENGLISH][value.month - 1][:3]} {value.day}, {value.year}"


def long_date(value: dt.date | None, language: str = ENGLISH) -> str:
    """ "December 3, 2026" / "3 de diciembre de 2026"."""
    if value is None:
        return ""
    if language == SPANISH:
        return f"{value.day} de {MONTHS[SPANISH][value.month - 1]} de {value.year}"
    return f"{MONTHS[ENGLISH][value.month - 1]} {value.day}, {value.year}"


def clock(value: dt.time | dt.datetime, language: str = ENGLISH) -> str:
    """ "9:30 AM" / "9:30 a. m." (12-hour, as both readers in the US expect)."""
    hour = value.hour % 12 or 12
    if language == SPANISH:
        return f"{hour}:{value.minute:02d} {'a. m.' if value.hour < 12 else 'p. m.'}"
    return f"{hour}:{value.minute:02d} {'AM' if value.hour < 12 else 'PM'}"


def weekday(value: dt.date, language: str = ENGLISH) -> str:
    return WEEKDAYS[SPANISH if language == SPANISH else ENGLISH][value.weekday()]


#: Spanish for the phrases the services compose (``say`` fills in the ``{names}``).
PHRASES_ES: dict[str, str] = {
    "Not requested for this doctor yet": "Todavía no se ha pedido para este médico",
    "Request not sent yet": "La solicitud todavía no se ha enviado",
    "Waiting on me (for example a signed form)": (
        "Esperando algo de mí (por ejemplo, un formulario firmado)"
    ),
    "Refused or a problem: follow up": "Rechazado o con un problema: hay que hacer seguimiento",
    "Only partly received so far": "Recibido solo en parte hasta ahora",
    "Requested {date}": "Pedido el {date}",
    "Requested": "Pedido",
    "{asked}; 1 day overdue": "{asked}; 1 día de atraso",
    "{asked}; {days} days overdue": "{asked}; {days} días de atraso",
    "{asked}; due {date}": "{asked}; vence el {date}",
    "; it must reach the doctor before a video visit": (
        "; debe llegarle al médico antes de una visita por video"
    ),
    "Lacks {what}": "Falta {what}",
    "the accession number": "el número de acceso (accession number)",
    "the block or slide IDs": "la identificación de los bloques o las laminillas",
    "the consult question": "la pregunta para la consulta",
    "{first} and {last}": "{first} y {last}",
    "{first}, {rest}": "{first}, {rest}",
    # services/independence.py: why a doctor may not be independent
    "Shares the organization “{name}” with {doctor}, who gave the first opinion.": (
        "Comparte la organización «{name}» con {doctor}, que dio la primera opinión."
    ),
    "Shares the health system “{name}” with {doctor}, who gave the first opinion.": (
        "Comparte el sistema de salud «{name}» con {doctor}, que dio la primera opinión."
    ),
    "The same goes for 1 more first-opinion doctor.": (
        "Lo mismo ocurre con 1 médico más de la primera opinión."
    ),
    "The same goes for {n} more first-opinion doctors.": (
        "Lo mismo ocurre con {n} médicos más de la primera opinión."
    ),
}


def say(text: str, language: str = ENGLISH, **values: object) -> str:
    """``text`` (English, with ``{name}`` slots) in ``language``, the slots filled in."""
    if language == SPANISH:
        text = PHRASES_ES.get(text, text)
    return text.format(**values) if values else text


def said(text: str, language: str = ENGLISH) -> str:
    """A sentence a service built (a ``phrases.Phrase``: a template and its values), in
    ``language``: each template, and each phrase inside it, looked up here."""
    return render(text, lambda _context, template: say(template, language))
