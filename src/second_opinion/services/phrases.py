"""Sentences the services build for the screen, in English, that a translator can still read.

A service that tells the person something with names and counts in it ("2 of 5 record items
confirmed received") cannot hand the UI a finished English string: no catalog could
translate it. It hands a ``Phrase`` instead. A phrase *is* its English text (a ``str``, so the
command line, the tests and every English reader use it as before), and it also remembers the
template and the values it was made from, so the UI can look the template up in its catalog
and fill in the values, themselves translated where they are phrases or labels.

``scripts/translations.py`` collects the templates: every string literal handed to
``Phrase(...)`` or ``Phrase.counted(...)`` in services/. Keep them literal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

#: the catalog context of the templates
CONTEXT = "phrases"

Translate = Callable[[str, str], str]  # (context, English) -> the reader's language


class Phrase(str):
    """English text made from ``template`` (``str.format`` fields) and ``values``."""

    template: str
    values: Mapping[str, object]

    def __new__(cls, template: str, **values: object) -> Phrase:
        made = super().__new__(cls, template.format(**values))
        made.template = template
        made.values = values
        return made

    @classmethod
    def counted(cls, count: int, one: str, many: str, **values: object) -> Phrase:
        """``one`` when ``count`` is 1, else ``many``; both get ``{n}``."""
        return cls(one if count == 1 else many, n=count, **values)


class Label(str):
    """A word of ``services/labels.py`` (a record kind, a state): translated in its context."""


class Joined(str):
    """Parts read one after another, with ``separator`` between them ("; ", " ")."""

    parts: tuple[str, ...]
    separator: str

    def __new__(cls, separator: str, parts: Sequence[str]) -> Joined:
        made = super().__new__(cls, separator.join(parts))
        made.parts = tuple(parts)
        made.separator = separator
        return made


def render(text: str, translate: Translate) -> str:
    """``text`` in the reader's language: phrases and labels translated, anything else (a
    name, a description the person typed) as it is."""
    if isinstance(text, Phrase):
        values = {
            key: render(value, translate) if isinstance(value, str) else value
            for key, value in text.values.items()
        }
        return translate(CONTEXT, text.template).format(**values)
    if isinstance(text, Label):
        return translate("labels", text)
    if isinstance(text, Joined):
        return text.separator.join(render(part, translate) for part in text.parts)
    return str(text)


def in_english(context: str, text: str) -> str:
    """The ``translate`` of an English reader."""
    return text


def listed(parts: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c": each joint a phrase a translator can word."""
    if len(parts) < 2:
        return "".join(parts)
    if len(parts) == 2:
        return Phrase("{first} and {last}", first=parts[0], last=parts[1])
    return Phrase("{first}, {rest}", first=parts[0], rest=listed(parts[1:]))
