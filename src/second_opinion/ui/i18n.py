"""The language of the app: English (the source) or Spanish, from the system or Preferences.

``install`` runs once, right after the QApplication exists and before any window is built:
it loads Qt's own catalogue (the standard buttons, the text fields' menus) and the app's
(resources/i18n, built from translations/*.ts by scripts/translations.py), and makes that
language's QLocale the default, so dates, numbers and money follow it too.

The app's translator falls back to the empty context: many strings are translated through
module helpers with a context of their own, and PySide names the context of ``self.tr`` after
the object's own class, not the class that holds the call; the compiled catalogue holds every
translation under the empty context as well (see docs/translation.md).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

#: the languages a person can choose in Preferences; "" follows the system
LANGUAGES = {"en": "English", "es": "Español"}
CATALOGUES = Path(__file__).resolve().parent.parent / "resources" / "i18n"

_installed: list[QTranslator] = []


class CatalogueTranslator(QTranslator):
    """A .qm catalogue that, for a context it does not know, tries the string on its own."""

    def translate(
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        found = super().translate(context, source, disambiguation, n)
        if not found and context:
            found = super().translate("", source, disambiguation, n)
        # Not found: a null string, so Qt tries the next translator and then shows the
        # English. An empty one ("") counts as a translation, and the text came out blank.
        return found or None  # type: ignore[return-value]


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language to show for a Preferences choice ("" = the system's)."""
    if choice in LANGUAGES:
        return choice
    system = system or QLocale.system()
    return "es" if system.language() == QLocale.Language.Spanish else "en"


def install(choice: str = "") -> str:
    """Translate the app into ``choice`` (or the system's language); returns the language."""
    app = QCoreApplication.instance()
    assert app is not None, "install the translators once the QApplication exists"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve(choice)
    system = QLocale.system()
    if language == "en":
        if system.language() != QLocale.Language.English:
            system = QLocale(QLocale.Language.English, system.territory())
        QLocale.setDefault(system)
        return language
    if system.language() == QLocale.Language.Spanish:
        QLocale.setDefault(system)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.UnitedStates))
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    ours = CatalogueTranslator(app)
    if ours.load(str(CATALOGUES / f"second_opinion_{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    return language


def install_from_settings() -> str:
    from second_opinion.ui.settings import AppSettings

    return install(AppSettings().language)
