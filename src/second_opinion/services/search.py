"""Find anything: one search over the vault's index (``search_index``), forgiving of how it
is typed.

Whatever a person types is taken as plain words, never as FTS5 syntax: it is cut to
``MAX_INPUT`` characters, split into words (letters and digits), and each word is quoted and
matched as a prefix, so "marc" finds "Marchetti" while it is being typed. Case and accents are
folded by the index's tokenizer ("tomas" finds "Tomás"). A search made only of a phone
number's characters also matches the number's digits however it was written. When the index
finds few results, a second pass forgives one typo in a name (rapidfuzz against the names of
contacts) and searches again with the names it found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from second_opinion.services.search_index import DOCUMENT, KINDS, NO_TEXT, TABLE

#: characters of a search considered; the rest is ignored
MAX_INPUT = 200
#: words of a search considered
MAX_WORDS = 8
#: results kept per kind
PER_KIND = 8
#: fewer results than this, and the typo-forgiving pass runs
FEW = 3
#: the shortest word the typo-forgiving pass corrects
FUZZY_MIN_LEN = 4

#: the marks around a matching word in ``Hit.title_marked`` and ``Hit.snippet_marked``
MARK_START = "\x02"
MARK_END = "\x03"

_WORD = re.compile(r"[^\W_]+")
_PHONE_ONLY = re.compile(r"^[\d\s()+./-]+$")


@dataclass(frozen=True)
class Hit:
    """One result: what it is, where it lives, and its text with the matches marked."""

    kind: str
    id: int
    title: str
    title_marked: str
    snippet_marked: str
    person_id: int | None
    person: str | None  # None: shared by everyone (a contact)
    page: int | None = None  # a document's page (1-based); 0 or None: the document itself
    no_text: bool = False  # a document without a text layer: only its title is searchable
    fuzzy: bool = False  # found by forgiving a typo


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: list[Hit] = field(default_factory=list)

    def by_kind(self) -> dict[str, list[Hit]]:
        groups: dict[str, list[Hit]] = {kind: [] for kind in KINDS}
        for hit in self.hits:
            groups.setdefault(hit.kind, []).append(hit)
        return {kind: hits for kind, hits in groups.items() if hits}


def plain(marked: str) -> str:
    """The text of a marked string without its marks."""
    return marked.replace(MARK_START, "").replace(MARK_END, "")


def marked_parts(marked: str) -> list[tuple[str, bool]]:
    """``marked`` as (text, is_match) pieces, for whoever draws it."""
    parts: list[tuple[str, bool]] = []
    for i, piece in enumerate(re.split(f"[{MARK_START}{MARK_END}]", marked)):
        if piece:
            parts.append((piece, i % 2 == 1))
    return parts


def fold(word: str) -> str:
    """Lower case without accents: what the index's tokenizer does to a word."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def words_of(query: str) -> list[str]:
    return _WORD.findall(query[:MAX_INPUT])[:MAX_WORDS]


def _quoted(word: str) -> str:
    # Words hold only letters and digits, so no quote can be inside; doubled all the same.
    return '"' + word.replace('"', '""') + '"'


def _phone_digits(query: str) -> list[str]:
    query = query[:MAX_INPUT].strip()
    if not _PHONE_ONLY.match(query):
        return []
    digits = "".join(ch for ch in query if ch.isdigit())
    if len(digits) < 3:
        return []
    forms = [digits]
    if len(digits) == 11 and digits.startswith("1"):
        forms.append(digits[1:])
    return forms


def match_expression(query: str, alternatives: Sequence[Sequence[str]] = ()) -> str | None:
    """The FTS5 expression for ``query``; None when there is nothing to search for.

    ``alternatives[i]``, when given, are other whole words that may stand for word i (the
    typo-forgiving pass).
    """
    words = words_of(query)
    if not words:
        return None
    terms = []
    for i, word in enumerate(words):
        # A one-letter prefix matches most of the index: such a word is matched whole.
        options = [_quoted(word) + ("*" if len(word) > 1 else "")]
        if i < len(alternatives):
            options += [_quoted(other) for other in alternatives[i]]
        terms.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    expression = " AND ".join(terms)
    digits = [d for d in _phone_digits(query) if words != [d]]
    if digits:
        expression = "(" + expression + ") OR " + " OR ".join(_quoted(d) + "*" for d in digits)
    return expression


def search(
    session: Session,
    query: str,
    *,
    person_id: int | None = None,
    per_kind: int = PER_KIND,
) -> SearchResult:
    """Everything matching ``query``, best first within each kind.

    ``person_id`` limits the results to that person's case and the shared contacts; None
    searches everyone's.
    """
    expression = match_expression(query)
    if expression is None:
        return SearchResult(query)
    hits = _run(session, expression, person_id, per_kind)
    if len(hits) < FEW:
        alternatives = _name_alternatives(session, words_of(query))
        if any(alternatives):
            seen = {(hit.kind, hit.id, hit.page) for hit in hits}
            corrected = match_expression(query, alternatives)
            assert corrected is not None
            for hit in _run(session, corrected, person_id, per_kind):
                if (hit.kind, hit.id, hit.page) not in seen:
                    hits.append(_as_fuzzy(hit))
    return SearchResult(query, hits)


def _as_fuzzy(hit: Hit) -> Hit:
    return Hit(
        hit.kind,
        hit.id,
        hit.title,
        hit.title_marked,
        hit.snippet_marked,
        hit.person_id,
        hit.person,
        hit.page,
        hit.no_text,
        fuzzy=True,
    )


_COLUMNS = f"""
    SELECT s.rowid, s.kind, s.ref_id, s.person_id, s.page, s.flags, s.title,
           highlight({TABLE}, 5, '{MARK_START}', '{MARK_END}'),
           snippet({TABLE}, 6, '{MARK_START}', '{MARK_END}', '…', 10),
           p.name
    FROM {TABLE} AS s LEFT JOIN person AS p ON p.id = s.person_id
    WHERE {TABLE} MATCH :expression AND s.rowid BETWEEN :first AND :last
      AND (:person_id IS NULL OR s.person_id IS NULL OR s.person_id = :person_id)
"""
# Within a kind, newest first. FTS5 walks its lists in rowid order inside the kind's rowid
# range and stops at the limit, so a search costs about the same however many rows match
# (ranking every match by bm25 took 60-200 ms for a two-letter prefix on the large vault).
_QUERY = text(_COLUMNS + " ORDER BY s.rowid DESC LIMIT :limit")


def _kind_ranges() -> list[tuple[int, int]]:
    from second_opinion.services.search_index import DOCUMENT_CODE, KIND_SPAN, SOURCES

    codes = [source.code for source in SOURCES] + [DOCUMENT_CODE]
    return [(code * KIND_SPAN, (code + 1) * KIND_SPAN - 1) for code in codes]


def _run(session: Session, expression: str, person_id: int | None, per_kind: int) -> list[Hit]:
    """Per kind: entries whose title matches first, then those where only the rest does."""
    conn = session.connection()
    hits: list[Hit] = []
    for first, last in _kind_ranges():
        seen: set[int] = set()
        for scoped in (f"{{title}} : ({expression})", expression):
            rows = conn.execute(
                _QUERY,
                {
                    "expression": scoped,
                    "first": first,
                    "last": last,
                    "person_id": person_id,
                    "limit": per_kind,
                },
            ).all()
            for row in rows:
                if row[0] in seen or len(seen) >= per_kind:
                    continue
                seen.add(row[0])
                hits.append(_hit(row))
            if len(seen) >= per_kind:
                break
    if any(hit.kind == DOCUMENT for hit in hits):
        hits = _with_document_titles(session, hits)
    return hits


def _hit(row: Any) -> Hit:
    _rowid, kind, ref_id, owner, page, flags, title, title_marked, snippet, person = row
    return Hit(
        kind=str(kind),
        id=int(ref_id),
        title=str(title or ""),
        title_marked=str(title_marked or ""),
        snippet_marked=str(snippet or ""),
        person_id=None if owner is None else int(owner),
        person=None if person is None else str(person),
        page=None if page is None else int(page),
        no_text=kind == DOCUMENT and flags == NO_TEXT,
    )


def _with_document_titles(session: Session, hits: list[Hit]) -> list[Hit]:
    """A page's entry has no title of its own: give it its document's."""
    ids = {hit.id for hit in hits if hit.kind == DOCUMENT and hit.page}
    if not ids:
        return hits
    from second_opinion.services.search_index import _document_rowid

    titles: dict[int, str] = {}
    for document_id in ids:
        row = (
            session.connection()
            .execute(
                text(f"SELECT title FROM {TABLE} WHERE rowid = :rowid"),
                {"rowid": _document_rowid(document_id, 0)},
            )
            .first()
        )
        titles[document_id] = str(row[0]) if row else ""
    result = []
    for hit in hits:
        if hit.kind == DOCUMENT and hit.page:
            title = titles.get(hit.id, "")
            hit = Hit(
                hit.kind,
                hit.id,
                title,
                title,
                hit.snippet_marked,
                hit.person_id,
                hit.person,
                hit.page,
                hit.no_text,
                hit.fuzzy,
            )
        result.append(hit)
    return result


# ------------------------------------------------------------------ forgiving a typo


_name_cache: tuple[tuple[Any, ...], list[str]] | None = None


def _name_words(session: Session) -> list[str]:
    """The distinct words of every contact's name, folded; reused while the contacts'
    count, newest id and total name length stay the same (a stale list only changes which
    spellings are forgiven, never what the index finds)."""
    global _name_cache
    conn = session.connection()
    stats = conn.execute(text("SELECT count(*), max(id), total(length(name)) FROM contact"))
    signature = (id(conn.engine), *stats.one())
    if _name_cache is not None and _name_cache[0] == signature:
        return _name_cache[1]
    raw: set[str] = set()
    for (name,) in conn.execute(text("SELECT DISTINCT name FROM contact")):
        raw.update(_WORD.findall(str(name)))
    words = sorted({fold(word) for word in raw})
    _name_cache = (signature, words)
    return words


def _name_alternatives(session: Session, words: list[str]) -> list[list[str]]:
    """For each word of the search, the name words one edit away from it (or from what it
    begins), so "marchetit" and "marchetto" both reach "marchetti"."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    candidates_for = [fold(word) for word in words]
    if not any(len(word) >= FUZZY_MIN_LEN for word in candidates_for):
        return [[] for _ in words]
    names = _name_words(session)
    alternatives: list[list[str]] = []
    for word in candidates_for:
        if len(word) < FUZZY_MIN_LEN or word.isdigit():
            alternatives.append([])
            continue
        found: set[str] = set()
        # whole words: one insertion, deletion, substitution or swap of neighbours
        for _match, _score, index in process.extract(
            word, names, scorer=OSA.distance, score_cutoff=1, limit=None
        ):
            found.add(names[index])
        # words being typed: the same, against the start of each longer name word
        longer = [name for name in names if len(name) > len(word)]
        starts = [name[: len(word)] for name in longer]
        for _match, _score, index in process.extract(
            word, starts, scorer=OSA.distance, score_cutoff=1, limit=None
        ):
            found.add(longer[index])
        found.discard(word)
        alternatives.append(sorted(found)[:10])
    return alternatives
