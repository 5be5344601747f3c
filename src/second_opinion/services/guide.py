"""The guide: its pages (read from package resources) and each person's ticked items.

The text lives in ``resources/guide/NN-name.md`` so it can be edited like prose, not code.
Each file has a small header (``key``, ``title``) and ends with a ``::: checklist`` block of
``item key | label | optional app link`` lines (see the README beside them). The format is
ours and tiny on purpose: no YAML or Markdown library is needed to read it.

Translations live in ``resources/guide/<language>/`` with the same file names, step keys and
checklist item keys (and links) as the English pages; ``load_guide("es")`` reads them, and a
page not translated yet falls back to English. Ticks are stored by item key, so they carry
over whichever language the guide is read in.

Progress is stored as the set of ticked item keys per person (``GuideProgress``). A step is done
when all its items are ticked; the introduction has no items and is not counted.

The Guide is the first tab people see, and it is built before the ORM has loaded (see
``first_screen``), so this module imports SQLAlchemy and the models only in the functions
that use the database.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl

from second_opinion.services.errors import NotFound, ValidationError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_PAGE_NAME = re.compile(r"^\d{2}-[a-z0-9-]+\.md$")
_KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$")
_TARGET = re.compile(r"^[a-z_]+(\.[a-z_]+)?(\?.*)?$")
_CHECKLIST_START = "::: checklist"
_DETAILS_START = "::: details "
_BLOCK_END = ":::"
MAX_ITEM_KEY = 80  # the width of GuideProgress.item_key
ENGLISH = "en"
#: languages with a translated guide (a folder of that name beside the English pages)
LANGUAGES = (ENGLISH, "es")


class GuideFormatError(ValueError):
    """A guide resource file does not follow the format (a packaging or editing mistake)."""


@dataclass(frozen=True)
class GuideItem:
    key: str
    label: str
    #: navigator target such as "contacts.new", or None when the app cannot help
    target: str | None = None
    #: navigator keyword arguments, e.g. (("role", "first_opinion"),)
    target_args: tuple[tuple[str, str], ...] = ()

    @property
    def target_kwargs(self) -> dict[str, str]:
        return dict(self.target_args)


@dataclass(frozen=True)
class GuideStep:
    key: str
    title: str
    #: Markdown, without the title (the UI shows the title itself)
    body: str
    items: tuple[GuideItem, ...]
    #: 1..n for counted steps; 0 for pages without a checklist (the introduction)
    number: int = 0
    #: folded sections (title, Markdown): detail a reader may open, after the practical text
    details: tuple[tuple[str, str], ...] = ()

    @property
    def counts(self) -> bool:
        """Whether this page is a step in "3 of 7 steps"."""
        return bool(self.items)

    def full_markdown(self) -> str:
        """The page as shown: the practical text first, the folded detail after a rule."""
        parts = [self.body]
        for title, text in self.details:
            parts.append(f"\n---\n\n## {title}\n\n{text}")
        return "".join(parts)

    def done_items(self, done_keys: Iterable[str]) -> int:
        done = set(done_keys)
        return sum(1 for item in self.items if item.key in done)

    def is_done(self, done_keys: Iterable[str]) -> bool:
        return self.counts and self.done_items(done_keys) == len(self.items)


@dataclass(frozen=True)
class StepSummary:
    done: int
    total: int

    @property
    def text(self) -> str:
        """English wording for logs and the command line; the UI builds its own translated text."""
        return f"{self.done} of {self.total} steps"

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done == self.total


# ------------------------------------------------------------------ reading the text


def parse_page(text: str, source: str = "<guide>") -> GuideStep:
    """Read one page; ``source`` names the file in error messages."""
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        raise GuideFormatError(f"{source}: must start with a '---' header")
    try:
        header_end = lines.index("---", 1)
    except ValueError:
        raise GuideFormatError(f"{source}: header is not closed with '---'") from None
    header: dict[str, str] = {}
    for line in lines[1:header_end]:
        name, sep, value = line.partition(":")
        if not sep:
            raise GuideFormatError(f"{source}: header line without ':': {line!r}")
        header[name.strip()] = value.strip()
    key = header.get("key", "")
    title = header.get("title", "")
    if not _KEY.match(key) or "." in key:
        raise GuideFormatError(f"{source}: bad or missing step key {key!r}")
    if not title:
        raise GuideFormatError(f"{source}: missing title")

    rest = lines[header_end + 1 :]
    items: list[GuideItem] = []
    body_lines = rest
    if _CHECKLIST_START in (line.strip() for line in rest):
        start = [line.strip() for line in rest].index(_CHECKLIST_START)
        body_lines = rest[:start]
        closed = False
        for line in rest[start + 1 :]:
            stripped = line.strip()
            if stripped == _BLOCK_END:
                closed = True
                break
            if stripped:
                items.append(_parse_item(stripped, key, source))
        if not closed:
            raise GuideFormatError(f"{source}: checklist is not closed with ':::'")
    body_lines, details = _split_details(body_lines, source)
    return GuideStep(
        key=key,
        title=title,
        body="\n".join(body_lines).strip() + "\n",
        items=tuple(items),
        details=details,
    )


def _split_details(lines: list[str], source: str) -> tuple[list[str], tuple[tuple[str, str], ...]]:
    """Take ``::: details TITLE`` ... ``:::`` blocks out of the body."""
    body: list[str] = []
    details: list[tuple[str, str]] = []
    open_title: str | None = None
    block: list[str] = []
    for line in lines:
        stripped = line.strip()
        if open_title is None and stripped.startswith(_DETAILS_START):
            open_title = stripped[len(_DETAILS_START) :].strip()
            if not open_title:
                raise GuideFormatError(f"{source}: a details block needs a title")
            block = []
        elif open_title is not None and stripped == _BLOCK_END:
            details.append((open_title, "\n".join(block).strip() + "\n"))
            open_title = None
        elif open_title is not None:
            block.append(line)
        else:
            body.append(line)
    if open_title is not None:
        raise GuideFormatError(f"{source}: details block is not closed with ':::'")
    return body, tuple(details)


def _parse_item(line: str, step_key: str, source: str) -> GuideItem:
    parts = [part.strip() for part in line.split("|")]
    if len(parts) not in (2, 3) or not parts[0] or not parts[1]:
        raise GuideFormatError(f"{source}: checklist line must be 'key | label | link': {line!r}")
    key, label = parts[0], parts[1]
    if not _KEY.match(key) or not key.startswith(step_key + ".") or len(key) > MAX_ITEM_KEY:
        raise GuideFormatError(f"{source}: item key {key!r} must look like '{step_key}.name'")
    target: str | None = None
    args: tuple[tuple[str, str], ...] = ()
    if len(parts) == 3 and parts[2]:
        if not _TARGET.match(parts[2]):
            raise GuideFormatError(f"{source}: bad app link {parts[2]!r}")
        target, _, query = parts[2].partition("?")
        args = tuple(parse_qsl(query, strict_parsing=bool(query)))
    return GuideItem(key=key, label=label, target=target, target_args=args)


def guide_language(code: str | None) -> str:
    """The guide language for a language or locale code ("es", "es_US", "es-MX", "en_GB");
    English when the guide has no translation for it."""
    base = (code or "").strip().replace("-", "_").split("_", 1)[0].split(".", 1)[0].lower()
    return base if base in LANGUAGES else ENGLISH


def _folder() -> Path:
    # A plain path, not importlib.resources (2 ms to import, on the way to the first screen):
    # the package is always installed as files, the frozen bundle included.
    return Path(__file__).resolve().parent.parent / "resources" / "guide"


def _same_checklist(english: GuideStep, translated: GuideStep, source: str) -> None:
    """A translation keeps the step key, the item keys (stored as progress) and the links."""
    if translated.key != english.key:
        raise GuideFormatError(f"{source}: step key {translated.key!r}, expected {english.key!r}")
    wanted = [(i.key, i.target, i.target_args) for i in english.items]
    found = [(i.key, i.target, i.target_args) for i in translated.items]
    if found != wanted:
        raise GuideFormatError(f"{source}: checklist keys or links differ from the English page")


@functools.cache
def _load_cached(language: str = ENGLISH) -> tuple[GuideStep, ...]:
    folder = _folder()
    names = sorted(entry.name for entry in folder.iterdir() if _PAGE_NAME.match(entry.name))
    if not names:
        raise GuideFormatError("the guide has no pages")
    translated_folder = folder / language if language != ENGLISH else None
    steps: list[GuideStep] = []
    number = 0
    seen_steps: set[str] = set()
    seen_items: set[str] = set()
    for name in names:
        step = parse_page((folder / name).read_text(encoding="utf-8"), source=name)
        if translated_folder is not None and (translated_folder / name).is_file():
            source = f"{language}/{name}"
            text = (translated_folder / name).read_text(encoding="utf-8")
            translated = parse_page(text, source=source)
            _same_checklist(step, translated, source)
            step = translated
        if step.key in seen_steps:
            raise GuideFormatError(f"{name}: step key {step.key!r} is used twice")
        seen_steps.add(step.key)
        for item in step.items:
            if item.key in seen_items:
                raise GuideFormatError(f"{name}: item key {item.key!r} is used twice")
            seen_items.add(item.key)
        if step.counts:
            number += 1
            step = dataclasses.replace(step, number=number)
        steps.append(step)
    return tuple(steps)


def load_guide(language: str | None = ENGLISH) -> list[GuideStep]:
    """Every page in reading order (the introduction first), in ``language`` (a language or
    locale code such as "es" or "es_US"); pages without a translation are in English."""
    return list(_load_cached(guide_language(language)))


def all_item_keys() -> frozenset[str]:
    return frozenset(item.key for step in _load_cached() for item in step.items)


def find_step(key: str, language: str | None = ENGLISH) -> GuideStep:
    for step in _load_cached(guide_language(language)):
        if step.key == key:
            return step
    raise NotFound(f"The guide has no step {key!r}.")


# ------------------------------------------------------------------ progress


def progress(session: Session, person_id: int) -> set[str]:
    """The item keys that are done for this person: those the data shows done
    (``guide_rules``) and those the person ticked, less those the person unticked.

    Keys of items a newer guide no longer has are left in the vault but not returned, so the
    counts shown always match the text shown.
    """
    from second_opinion.services import guide_rules

    connection = session.connection()
    params = {"pid": person_id}
    stored = connection.exec_driver_sql(guide_rules.STORED, params).fetchall()
    shown = connection.exec_driver_sql(guide_rules.DONE_FROM_DATA, params).fetchall()
    return guide_rules.done_keys(stored, shown) & all_item_keys()


def set_item_done(session: Session, person_id: int, key: str, done: bool) -> None:
    """Tick or untick; an untick is stored, so an item the data shows done stays unticked."""
    from second_opinion.domain.models import GuideProgress, Person

    if key not in all_item_keys():
        raise ValidationError(f"The guide has no checklist item {key!r}.", field="key")
    if session.get(Person, person_id) is None:
        raise NotFound("This person no longer exists.")
    existing = session.get(GuideProgress, (person_id, key))
    if existing is None:
        session.add(GuideProgress(person_id=person_id, item_key=key, done=done))
    else:
        existing.done = done
    session.flush()


def step_summary(done_keys: Iterable[str], steps: Sequence[GuideStep] | None = None) -> StepSummary:
    """How many counted steps have every item ticked."""
    pages = _load_cached() if steps is None else steps
    done = set(done_keys)
    counted = [step for step in pages if step.counts]
    return StepSummary(done=sum(1 for s in counted if s.is_done(done)), total=len(counted))


def summary_for(session: Session, person_id: int) -> StepSummary:
    return step_summary(progress(session, person_id))


def first_open_step(done_keys: Iterable[str], steps: Sequence[GuideStep] | None = None) -> str:
    """Where to open: the introduction for a new reader, else the first unfinished step."""
    pages = list(_load_cached() if steps is None else steps)
    done = set(done_keys)
    if not done:
        return pages[0].key
    for step in pages:
        if step.counts and not step.is_done(done):
            return step.key
    return pages[-1].key
