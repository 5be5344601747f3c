"""The Spanish catalogue: complete, compiled, and what a person reads in Spanish is Spanish."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.ui import screens

ROOT = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts/translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> dict[str, str]:
    """Source -> finished translation ("" for an unfinished one)."""
    found: dict[str, str] = {}
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        done = translation.get("type") not in ("unfinished", "vanished", "obsolete")
        forms = [f.text or "" for f in translation.iter("numerusform")]
        text = forms[0] if forms else translation.text or ""
        found[message.findtext("source") or ""] = text if done else ""
    return found


def test_the_compiled_catalogue_is_built_from_the_current_ts() -> None:
    assert _script().stale() == [], "run scripts/translations.py build"


def test_every_string_of_the_code_has_a_spanish_translation(tmp_path: Path) -> None:
    script = _script()
    shutil.copy(script.catalogue("es"), tmp_path)
    script.update(tmp_path)  # what lupdate finds in the code today
    fresh = _messages(tmp_path / script.catalogue("es").name)
    untranslated = sorted(source for source, text in fresh.items() if not text)
    assert untranslated == [], "run scripts/translations.py update, then translate these"
    assert set(fresh) == set(_messages(script.catalogue("es"))), "run the update"


def _plain(text: str) -> str:
    return re.sub(r"&(?!&)", "", text).replace("&&", "&").strip()


@pytest.fixture
def spanish(qapp):
    from second_opinion.ui import i18n

    assert i18n.install("es") == "es"
    yield
    i18n.install("en")


def test_the_window_in_spanish_shows_no_english_sentence(qtbot, tmp_path, spanish) -> None:
    english = {
        _plain(source): _plain(text)
        for source, text in _messages(_script().catalogue("es")).items()
        if text and _plain(text) != _plain(source)
    }
    window = screens.demo_window(tmp_path / "vault", (1280, 800))
    qtbot.addWidget(window)
    seen: dict[str, set[str]] = {}
    for name, screen in screens.screens(window):
        seen[name] = {_plain(t) for t in screens.visible_texts(screen)}
    window.lock()
    assert "tab today" in seen and "profile / &Perfil" in seen and len(seen) > 15
    left = {name: sorted(t for t in texts if t in english) for name, texts in seen.items()}
    assert {name: texts for name, texts in left.items() if texts} == {}
    # and the Spanish is there
    assert "Médicos y contactos" in seen["tab contacts"]


def test_in_spanish_the_guide_the_starters_and_new_documents_are_spanish(
    qtbot, tmp_path, spanish
) -> None:
    from second_opinion.services import guide
    from second_opinion.services.starter_questions import all_starters

    window = screens.demo_window(tmp_path / "vault", (1280, 800))
    qtbot.addWidget(window)
    seen = {
        name: {_plain(t) for t in screens.visible_texts(w)} for name, w in screens.screens(window)
    }
    window.lock()
    titles_es = {step.title for step in guide.load_guide("es")}
    titles_en = {step.title for step in guide.load_guide("en")}
    assert titles_es & seen["tab guide"] and not titles_en & seen["tab guide"]
    starter = all_starters()[0]
    assert starter.text_in("es") in seen["starter questions"]
    assert starter.text not in seen["starter questions"]


def test_a_text_the_catalogue_lacks_shows_in_english_not_blank(spanish) -> None:
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("opinions", "Diagnosis") == "Diagnóstico"
    missing = "A sentence no catalogue has"
    assert QCoreApplication.translate("opinions", missing) == missing


def test_in_spanish_a_visits_readiness_is_spanish(qtbot, tmp_path, spanish) -> None:
    """The checklist's sentences are built by the service with names and counts in them; in
    Spanish none of them may reach the screen in English."""
    from second_opinion.ui.readiness_view import ReadinessView

    window = screens.demo_window(tmp_path / "vault", (1280, 800))
    qtbot.addWidget(window)
    window.navigate("visits")
    screens.settle()
    view = window.findChild(ReadinessView)
    assert view is not None
    readiness = view.readiness()
    assert readiness is not None and len(readiness.checks) >= 4
    shown = {_plain(t) for t in screens.visible_texts(view)}
    window.lock()
    english = {_plain(str(check.label)) for check in readiness.checks}
    english |= {_plain(str(check.detail)) for check in readiness.checks if check.detail}
    assert english.isdisjoint(shown)
    records = readiness.check("records")
    assert records is not None
    assert any("recepción confirmada" in t or "expedientes en camino" in t for t in shown)


def test_every_translated_template_keeps_its_fields() -> None:
    """A field renamed or dropped in a translation would fail on the screen, not here."""
    fields = re.compile(r"\{(\w*)\}")
    broken = {
        source: text
        for source, text in _messages(_script().catalogue("es")).items()
        if text and "{" in source and set(fields.findall(source)) != set(fields.findall(text))
    }
    assert broken == {}
