#!/usr/bin/env python3
"""Keep the app's translation catalogues in step with the code (see docs/translation.md).

    scripts/translations.py update   # collect the strings into translations/*.ts (pyside6-lupdate)
    scripts/translations.py build    # compile them to src/second_opinion/resources/i18n/*.qm
    scripts/translations.py check    # exit 1 if a .qm is older than its .ts (the tests run this)

The catalogue holds every string the UI translates: the ui/ modules and app.py as
pyside6-lupdate reads them, plus the English texts the Qt-free layers hand to the UI, which
lupdate cannot see there: the enum labels of services/labels.py (context "labels") and the
messages of ServiceError and its kin raised in services/ and case/ (context "service").

Many UI strings are translated through small module helpers (``tr(text)`` bound to a context
such as "records"), and PySide's ``self.tr`` uses the runtime class name, so the context lupdate
records is not always the one asked at run time. The compiled catalogue therefore also holds
every translation under the empty context, which the app's translator falls back to
(ui/i18n.py): a string is translated wherever it is shown.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "second_opinion"
CATALOGUES = ROOT / "translations"
COMPILED = PACKAGE / "resources" / "i18n"
LANGUAGES = ("es",)

#: ServiceError and the refusals derived from it: their first argument is a message for people
ERROR_CALLS = {
    "ServiceError",
    "ValidationError",
    "NotFound",
    "InUse",
    "InvalidTransition",
    "ImportFileError",
    "VCardFileError",
    "DiscGone",
}


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: it comes with PySide6 (scripts/setup)")
    return found


def catalogue(language: str) -> Path:
    return CATALOGUES / f"second_opinion_{language}.ts"


def compiled(language: str) -> Path:
    return COMPILED / f"second_opinion_{language}.qm"


def label_strings() -> list[str]:
    """The values of every dict in services/labels.py, in order."""
    tree = ast.parse((PACKAGE / "services" / "labels.py").read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for value in node.values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    found.append(value.value)
    return found


def _string(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return None  # an f-string is no message id; the tests would catch its use
    return None


def service_strings() -> list[str]:
    """The messages of the refusals raised in services/ and case/ (and ``must_exist``)."""
    found: list[str] = []
    for folder in ("services", "case"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                message: str | None = None
                if name in ERROR_CALLS and node.args:
                    message = _string(node.args[0])
                elif name == "must_exist" and len(node.args) >= 4:
                    message = _string(node.args[3])
                for keyword in node.keywords:
                    if keyword.arg == "message" and name in ERROR_CALLS | {"must_exist"}:
                        message = _string(keyword.value)
                if message:
                    found.append(message)
    return found


def phrase_strings() -> list[str]:
    """The templates of ``Phrase(...)`` and ``Phrase.counted(...)`` in services/ (see
    services/phrases.py): the sentences the UI renders through ``ui.ops.phrase_text``."""
    found: list[str] = []
    for path in sorted((PACKAGE / "services").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Name) and func.id == "Phrase":
                texts = node.args[:1]
            elif (
                isinstance(func, ast.Attribute)
                and func.attr == "counted"
                and isinstance(func.value, ast.Name)
                and func.value.id == "Phrase"
            ):
                texts = node.args[1:3]
            else:
                continue
            found.extend(text for arg in texts if (text := _string(arg)))
    return found


#: English sentences a service keeps in a dict for the UI to translate: (module, dict, context)
SENTENCE_DICTS = (
    ("services/opinions.py", "SUMMARY_TEXTS", "opinions"),
    ("services/visits.py", "VISIT_TEXTS", "service"),
)


def dict_strings(module: str, name: str) -> list[str]:
    """The string values of the module-level dict ``name`` in ``module``."""
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if isinstance(target, ast.Name) and target.id == name and isinstance(node.value, ast.Dict):
            return [text for value in node.value.values if (text := _string(value))]
    sys.exit(f"{name} not found in {module}")


def _noop_module(strings: dict[str, list[str]]) -> str:
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    for context, texts in strings.items():
        for text in dict.fromkeys(texts):
            lines.append(f"QT_TRANSLATE_NOOP({context!r}, {text!r})")
    return "\n".join(lines) + "\n"


def update(folder: Path = CATALOGUES) -> None:
    sources = sorted(str(p) for p in (PACKAGE / "ui").rglob("*.py"))
    sources.append(str(PACKAGE / "app.py"))
    folder.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        extra = Path(tmp) / "service_strings.py"
        strings = {
            "labels": label_strings(),
            "service": service_strings(),
            "phrases": phrase_strings(),
        }
        for module, name, context in SENTENCE_DICTS:
            strings.setdefault(context, []).extend(dict_strings(module, name))
        extra.write_text(_noop_module(strings), encoding="utf-8")
        for language in LANGUAGES:
            subprocess.run(
                [
                    _tool("pyside6-lupdate"),
                    "-locations",
                    "none",
                    "-no-obsolete",
                    "-tr-function-alias",
                    "tr+=_tr,tr+=_translate",
                    "-target-language",
                    language,
                    *sources,
                    str(extra),
                    "-ts",
                    str(folder / catalogue(language).name),
                ],
                check=True,
                stdout=subprocess.DEVNULL,
            )


def _with_fallback(ts: Path, out: Path) -> None:
    """``ts`` with every finished translation also under the empty context (see above)."""
    tree = ET.parse(ts)
    root = tree.getroot()
    fallback = None
    for context in root.iter("context"):
        if (context.findtext("name") or "") == "":
            fallback = context
    if fallback is None:
        fallback = ET.SubElement(root, "context")
        ET.SubElement(fallback, "name").text = ""
    for message in root.iter("message"):
        _count_forms(message)
    seen = {m.findtext("source") for m in fallback.iter("message")}
    for context in list(root.iter("context")):
        if context is fallback:
            continue
        for message in context.iter("message"):
            source = message.findtext("source")
            if source in seen:
                continue
            seen.add(source)
            fallback.append(message)
    tree.write(out, encoding="utf-8", xml_declaration=True)


def _count_forms(message: ET.Element) -> None:
    """A "%n" message as a plural one, its translation for every form.

    The UI passes a count with each "%n" string; Qt then looks the translation up as a plural,
    and finds nothing for the plural form of a message stored as a single one.
    """
    source = message.findtext("source") or ""
    translation = message.find("translation")
    if "%n" not in source or message.get("numerus") == "yes" or translation is None:
        return
    text = translation.text or ""
    message.set("numerus", "yes")
    translation.text = None
    for _ in range(2):  # Spanish has two plural forms, as English
        ET.SubElement(translation, "numerusform").text = text


def build_into(folder: Path) -> list[Path]:
    outputs = []
    with tempfile.TemporaryDirectory() as tmp:
        for language in LANGUAGES:
            merged = Path(tmp) / catalogue(language).name
            _with_fallback(catalogue(language), merged)
            target = folder / compiled(language).name
            subprocess.run(
                [_tool("pyside6-lrelease"), "-silent", str(merged), "-qm", str(target)],
                check=True,
            )
            outputs.append(target)
    return outputs


def build() -> None:
    COMPILED.mkdir(parents=True, exist_ok=True)
    build_into(COMPILED)


def stale() -> list[str]:
    """The compiled catalogues that differ from what ``build`` makes of the .ts now."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for fresh in build_into(Path(tmp)):
            shipped = COMPILED / fresh.name
            if not shipped.exists() or shipped.read_bytes() != fresh.read_bytes():
                problems.append(str(shipped.relative_to(ROOT)))
    return problems


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "update":
        update()
    elif command == "build":
        build()
    elif command == "check":
        problems = stale()
        for path in problems:
            print(f"{path} is out of date: run scripts/translations.py build")
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
