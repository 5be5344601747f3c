"""Find anything: how long one keystroke's search takes on the large vault.

    python benchmarks/bench_search.py            # progress on stderr, JSON on the last line

Builds ``build_vault.py``'s 10 000-row vault (with the smallest KDF: unlocking is not what is
timed here), adds 100 documents of 10 text pages each (1 000 indexed pages), then times
``case.search.find`` (what the finder runs per keystroke: a session, the FTS5 query, the
person join, and the typo pass when few results come back) for "marchetti" typed letter by
letter and for other searches. Prints ``search_ms_p95`` (goal: <= 50 ms) with the median, the
worst, the time to rebuild the index (``check --reindex``) and the index's size.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from build_vault import LAST, build_large_vault  # noqa: E402
from sqlalchemy import text  # noqa: E402

from second_opinion.case.case import Case  # noqa: E402
from second_opinion.case.search import find  # noqa: E402
from second_opinion.services.search_index import index_document_text, rebuild  # noqa: E402
from second_opinion.vault.kdf import MINIMUM, KdfParameters  # noqa: E402
from second_opinion.vault.key import VaultKey  # noqa: E402
from second_opinion.vault.vault import Vault  # noqa: E402

FAST_KDF = KdfParameters(
    memory_kib=MINIMUM.memory_kib, iterations=MINIMUM.iterations, parallelism=1
)
N_DOCUMENTS = 100
PAGES_PER_DOCUMENT = 10
ROUNDS = 3

TYPED = [("marchetti"[:n]) for n in range(1, len("marchetti") + 1)]
OTHER = [
    "tanaka",
    "Dr. Tomás",
    "oncology",
    "radiation oncology",
    "555-0142",
    "+1 312-555-0101",
    "biopsy margins",
    "her2",
    "marhcetti",  # a typo: the forgiving pass runs
    "zzzz nothing",
    '"quoted" NEAR(x) -y*',
]

_TEXT = (
    "the patient tumor margin biopsy pathology report imaging contrast lesion lymph node "
    "chemotherapy radiation surgery recommendation follow up stage grade receptor her2 "
    "estrogen progesterone negative positive findings impression history medication dose"
)
_WORDS = tuple(_TEXT.split())


def _page(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(180)]
    words.insert(rng.randrange(len(words)), f"Dr. {rng.choice(LAST)}")
    return " ".join(words)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        folder = Path(tmp) / "vault"
        _say("building the 10 000-row vault (the index is kept by triggers as rows go in)...")
        built = build_large_vault(folder, kdf=FAST_KDF)
        _say(f"  built in {built.build_s:.1f} s")
        vault = Vault.unlock_with_key(folder, VaultKey(bytearray(built.key)))
        try:
            rng = random.Random(11)
            person = built.person_ids[0]
            started = time.perf_counter()
            with vault.session() as session:
                for document_id in range(1, N_DOCUMENTS + 1):
                    pages = [_page(rng) for _ in range(PAGES_PER_DOCUMENT)]
                    title = f"Report {document_id}"
                    index_document_text(session, document_id, person, title, pages)
            documents_s = time.perf_counter() - started
            _say(f"  indexed {N_DOCUMENTS * PAGES_PER_DOCUMENT} pages in {documents_s:.2f} s")

            case = Case(vault, person)
            for query in TYPED + OTHER:  # warm the caches, as a second keystroke would find them
                find(case, query)
            timings: dict[str, list[float]] = {}
            counts: dict[str, int] = {}
            for _round in range(ROUNDS):
                for query in TYPED + OTHER:
                    started = time.perf_counter()
                    found = find(case, query)
                    timings.setdefault(query, []).append((time.perf_counter() - started) * 1000)
                    counts[query] = len(found.hits)
            every = sorted(ms for values in timings.values() for ms in values)
            p95 = every[max(0, int(len(every) * 0.95) - 1)]
            for query, values in timings.items():
                median = statistics.median(values)
                _say(f"  {query[:24]:<24} {median:6.1f} ms  {counts[query]} hits")

            with vault.session() as session:
                size = text("SELECT total(length(block)) FROM search_index_data")
                index_bytes = int(session.execute(size).scalar_one())
                count = text("SELECT count(*) FROM search_index")
                entries = int(session.execute(count).scalar_one())
            started = time.perf_counter()
            with vault.session() as session:
                rebuild(session)
            rebuild_s = time.perf_counter() - started
        finally:
            vault.lock()
    result = {
        "search_ms_p95": round(p95, 1),
        "search_ms_median": round(statistics.median(every), 1),
        "search_ms_max": round(every[-1], 1),
        "typing_marchetti_ms_max": round(max(max(timings[q]) for q in TYPED), 1),
        "searches_timed": len(every),
        "index_entries": entries,
        "index_mib": round(index_bytes / 2**20, 2),
        "index_documents_1000_pages_s": round(documents_s, 2),
        "reindex_s": round(rebuild_s, 2),
        "build_vault_s": round(built.build_s, 1),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
