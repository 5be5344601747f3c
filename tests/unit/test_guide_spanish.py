"""The guide in Spanish: the same steps, checklist keys and links, and every fact kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from second_opinion.services import guide


def _text(steps: list[guide.GuideStep]) -> str:
    text = "\n".join(
        step.title
        + "\n"
        + step.full_markdown()
        + "\n"
        + "\n".join(item.label for item in step.items)
        for step in steps
    )
    return " ".join(text.split())  # lines wrap at different places than the English


@pytest.mark.parametrize(
    ("code", "expected"),
    [("es", "es"), ("es_US", "es"), ("es-MX", "es"), ("es_US.UTF-8", "es"), ("ES", "es"),
     ("en_US", "en"), ("fr_FR", "en"), ("", "en"), (None, "en")],
)  # fmt: skip
def test_language_codes_pick_a_translated_guide_or_english(code: str | None, expected: str) -> None:
    assert guide.guide_language(code) == expected


def test_every_page_is_translated_with_the_same_keys_links_and_folding() -> None:
    english = guide.load_guide("en")
    spanish = guide.load_guide("es_US")
    assert [s.key for s in spanish] == [s.key for s in english]
    assert [s.number for s in spanish] == [s.number for s in english]
    for en, es in zip(english, spanish, strict=True):
        assert es.title != en.title, en.key  # translated, not the English fallback
        assert [(i.key, i.target, i.target_args) for i in es.items] == [
            (i.key, i.target, i.target_args) for i in en.items
        ]
        assert [i.label for i in es.items] != [i.label for i in en.items] or not en.items
        assert len(es.details) == len(en.details)
    # Ticks are stored by item key, so a person's progress reads the same in both languages.
    done = {"insurance.details", "insurance.asked", "insurance.rules", "doctor.first"}
    assert guide.step_summary(done, spanish) == guide.step_summary(done, english)
    assert guide.first_open_step(done, spanish) == guide.first_open_step(done, english)
    assert guide.find_step("records", "es").title.startswith("Haga llegar")


@pytest.mark.parametrize(
    "pattern",
    [
        r"segunda opinión",
        r"no consejo médico",
        r"parte b de medicare",
        r"deducible habitual de la parte b y el coseguro del 20%",
        r"medicare advantage",
        r"tercera opinión si las dos primeras no coinciden",
        r"remisión",
        r"autorización previa",
        r"dentro de la red",
        # the right of access: 30 calendar days, one extension of 30 with written notice
        r"dentro de los 30 días calendario después de\s+recibirla",
        r"hasta 30 días más una sola vez, y solo si se lo comunica por escrito",
        r"dentro de los primeros 30 días",
        # the fee limit only for copies given to the person; directed electronic copies
        r"por las copias que le entreguen a usted, cualquier cobro\s+debe ser razonable",
        r"copias electrónicas\s+directamente a otra persona",
        r"límite del cobro ya no se aplica a las copias enviadas a otra persona",
        r"sin su permiso por escrito, y no fija\s+un plazo",
        # slides are lent
        r"material físico, no copias de información",
        r"como préstamo con una fecha de devolución",
        # the authorization's elements
        r"qué información se comparte, quién puede entregarla, quién\s+puede recibirla",
        r"fecha o un hecho en que vence",
        r"anularla por escrito",
        r"si su tratamiento puede depender de que la\s+firme",
        r"puede volver a compartirlo",
        r"oficina de derechos civiles",
        r"telemedicina",
        r"persona de apoyo",
    ],
)
def test_the_spanish_guide_keeps_the_facts(pattern: str) -> None:
    assert re.search(pattern, _text(guide.load_guide("es")).casefold())


def test_the_legal_details_stay_folded_in_spanish() -> None:
    records = guide.find_step("records", "es")
    assert [title for title, _text in records.details] == ["Los detalles legales (Estados Unidos)"]
    assert "30 días calendario" not in records.body
    assert "30 días calendario" in records.full_markdown()


def test_no_english_sentences_left_in_the_spanish_guide() -> None:
    text = _text(guide.load_guide("es"))
    for english in ("the ", " your ", " and ", " with ", " you ", "In the app", "Medicare Part"):
        assert english not in text, english


def _write_page(folder: Path, name: str, key: str, title: str, items: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    body = "Texto " * 50
    checklist = f"\n::: checklist\n{items}\n:::\n" if items else ""
    (folder / name).write_text(f"---\nkey: {key}\ntitle: {title}\n---\n{body}\n{checklist}")


def test_an_untranslated_page_falls_back_to_english_and_a_wrong_key_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_page(tmp_path, "00-why.md", "why", "Why", "")
    _write_page(tmp_path, "01-insurance.md", "insurance", "Insurance", "insurance.asked | Ask")
    _write_page(tmp_path / "es", "00-why.md", "why", "Por qué", "")
    monkeypatch.setattr(guide, "_folder", lambda: tmp_path)
    guide._load_cached.cache_clear()
    try:
        assert [s.title for s in guide.load_guide("es")] == ["Por qué", "Insurance"]
        _write_page(tmp_path / "es", "01-insurance.md", "insurance", "Seguro", "insurance.ask | P")
        guide._load_cached.cache_clear()
        with pytest.raises(guide.GuideFormatError, match="checklist keys or links"):
            guide.load_guide("es")
    finally:
        guide._load_cached.cache_clear()
