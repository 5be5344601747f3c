"""Whatever a person types — markup, emoji, right-to-left script, huge or empty — prints.

Every text field of the packet and of each letter is filled with the same value; the PDF must
build, open, and show that value (escaped, never taken as markup).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from second_opinion.export import render_letter, render_packet
from second_opinion.export.fonts import register_fonts
from second_opinion.export.text import REPLACEMENT, _printed, printable
from second_opinion.services.packet_data import LetterKind
from tests.export.pdfread import all_text, flat, pages_text, reader
from tests.export.samples import letter, packet

NASTY = [
    "",
    "<",
    "&",
    "&amp; &lt;b&gt;",
    "<b>bold?</b>",
    "<b>unclosed <i>tags <para",
    "</para></b>]]>",
    "a \"quoted\" 'value' with \\ backslash",
    "Ωμέγα Привет Ärztin Łódź Çağrı",
    "emoji 😀 👩‍⚕️ 🧬 ✅",
    "שלום עולם",
    "مرحبا بالعالم",
    "line one\nline two\r\nline three\ttabbed",
    "\x00\x07 control \x1b characters",
    "   ",
]


def _stuff(obj: Any, value: str) -> Any:
    """``obj`` with every plain text field (recursively) set to ``value``."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {}
        for field in dataclasses.fields(obj):
            current = getattr(obj, field.name)
            if type(current) is str:
                changes[field.name] = value
            elif dataclasses.is_dataclass(current) or isinstance(current, tuple):
                changes[field.name] = _stuff(current, value)
        return dataclasses.replace(obj, **changes)
    if isinstance(obj, tuple):
        return tuple(_stuff(item, value) for item in obj)
    return obj


def _shown(value: str, pdf: bytes) -> None:
    pages = reader(pdf).pages
    assert len(pages) >= 1
    expected = flat(printable(value))
    text = flat(all_text(pdf))
    if _has_rtl(expected):
        # Text extraction reorders right-to-left runs; check every character arrived.
        for ch in set(expected):
            assert ch in text, repr(ch)
    else:
        assert expected in text


def _has_rtl(text: str) -> bool:
    import unicodedata

    return any(unicodedata.bidirectional(ch) in ("R", "AL", "AN") for ch in text)


@pytest.mark.parametrize("value", NASTY, ids=range(len(NASTY)))
def test_odd_text_in_every_packet_field_prints(value: str) -> None:
    _shown(value, render_packet(_stuff(packet(), value)))


@pytest.mark.parametrize("kind", list(LetterKind))
@pytest.mark.parametrize("value", NASTY[:8] + NASTY[9:12], ids=range(11))
def test_odd_text_in_every_letter_field_prints(kind: LetterKind, value: str) -> None:
    _shown(value, render_letter(_stuff(letter(kind), value)))


def test_greek_cyrillic_and_accents_print_as_themselves() -> None:
    value = "Ωμέγα Привет Ärztin Łódź Çağrı"
    assert printable(value) == value
    assert flat(value) in flat(all_text(render_packet(packet(person_name=value))))


def test_characters_the_font_lacks_print_as_a_visible_sign_not_an_empty_box() -> None:
    # U+1F9EC (DNA) is not in DejaVu Sans; U+1F600 is.
    assert printable("🧬😀") == REPLACEMENT + "😀"


def _numbered_words(length: int) -> str:
    # Numbered words, so each can be found even where a page break (and its footer) cuts in.
    return "".join(f"w{i:05d} " for i in range(length // 7 + 1))[:length]


def test_a_50000_character_field_prints_in_full() -> None:
    long = _numbered_words(50_000)
    assert len(long) == 50_000
    data = packet(condition=long, person_name="N" + "x" * 2000)
    data = dataclasses.replace(
        data,
        questions=(dataclasses.replace(data.questions[0], text=long),),
        records=(dataclasses.replace(data.records[0], description=long),),
    )
    pdf = render_packet(data)
    for page in pages_text(pdf):
        # The records table runs over pages with its header on top, never twice on a page.
        assert flat(page).count("RecordFromStatusDates") <= 1
    seen = Counter(re.findall(r"w\d{5}", all_text(pdf)))
    words = re.findall(r"w\d{5}", long)
    # condition, question and record description each show every word
    assert all(seen[word] >= 3 for word in words)


def test_a_50000_character_item_in_a_letter_prints() -> None:
    long = _numbered_words(50_000)
    data = letter(LetterKind.AUTHORIZATION)
    data = dataclasses.replace(data, items=(dataclasses.replace(data.items[0], description=long),))
    seen = set(re.findall(r"w\d{5}", all_text(render_letter(data))))
    assert seen == set(re.findall(r"w\d{5}", long))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_in_every_packet_field(value: str) -> None:
    _shown(value, render_packet(_stuff(packet(), value)))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.sampled_from(list(LetterKind)))
def test_any_text_in_every_letter_field(value: str, kind: LetterKind) -> None:
    _shown(value, render_letter(_stuff(letter(kind), value)))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_printable_treats_every_character_by_the_same_rule(value: str) -> None:
    # Text that prints as typed skips the per-character work; it must come out the same.
    covered = register_fonts()
    expected = "".join(
        _printed(ch, covered)
        for ch in value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    )
    assert printable(value) == expected


def test_text_the_fonts_can_draw_prints_as_typed() -> None:
    value = "Summit Hospital — records 12, Łódź, Ωμέγα 😀\nline two"
    assert printable(value) == value
