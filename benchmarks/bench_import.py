"""Time importing portal files: a 250 KB CCD and a 5 MB FHIR Bundle, preview then write.

    python benchmarks/bench_import.py     # prints {"import_ccd_s": ..., "import_fhir_5mb_s": ...}

Goals: import_ccd_s <= 1 and import_fhir_5mb_s <= 5. Each figure is the best of three runs
of "preview (read, parse, compare) then import (read, parse, compare again, write)" into a
fresh vault in a temporary folder, made from the test fixtures with every entry distinct,
so every entry is compared and written. The real data folder is never touched.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
FIXTURES = ROOT / "tests" / "fixtures" / "import"

RESULT = """
          <entry typeCode="DRIV">
            <organizer classCode="BATTERY" moodCode="EVN">
              <code code="58410-2" codeSystem="2.16.840.1.113883.6.1" displayName="CBC panel"/>
              <statusCode code="completed"/>
              <effectiveTime value="2026{month:02d}{day:02d}"/>
              <component>
                <observation classCode="OBS" moodCode="EVN">
                  <templateId root="2.16.840.1.113883.10.20.22.4.2" extension="2015-08-01"/>
                  <code code="X{i}" codeSystem="2.16.840.1.113883.6.1" displayName="Test {i}"/>
                  <statusCode code="completed"/>
                  <effectiveTime value="2026{month:02d}{day:02d}"/>
                  <value xsi:type="PQ" value="{value}" unit="g/dL"/>
                  <interpretationCode code="N" codeSystem="2.16.840.1.113883.5.83"/>
                </observation>
              </component>
            </organizer>
          </entry>"""


def big_ccd(target: int = 250_000) -> bytes:
    text = (FIXTURES / "ccd.xml").read_text(encoding="utf-8")
    marker = "<title>Results</title>"
    head, tail = text.split(marker, 1)
    entries: list[str] = []
    size = len(text)
    i = 0
    while size < target:
        entry = RESULT.format(i=i, month=i % 12 + 1, day=i % 28 + 1, value=10 + i % 7)
        entries.append(entry)
        size += len(entry)
        i += 1
    section_text, rest = tail.split("</text>", 1)
    return (head + marker + section_text + "</text>" + "".join(entries) + rest).encode()


def big_fhir(target: int = 5_000_000) -> bytes:
    bundle = json.loads((FIXTURES / "fhir_collection.json").read_text(encoding="utf-8"))
    template = next(e for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation")
    size, i = 0, 0
    entries = list(bundle["entry"])
    one = len(json.dumps(template))
    while size < target:
        entry = json.loads(json.dumps(template))
        entry["fullUrl"] = f"urn:uuid:obs-{i}"
        entry["resource"]["id"] = f"obs-{i}"
        entry["resource"]["code"]["text"] = f"Test {i}"
        entry["resource"]["code"]["coding"][0]["code"] = f"X{i}"
        entry["resource"]["effectiveDateTime"] = f"2026-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
        entries.append(entry)
        size += one
        i += 1
    bundle["entry"] = entries
    return json.dumps(bundle).encode()


def _time_import(path: Path, folder: Path) -> float:
    from second_opinion.case.case import Case
    from second_opinion.case.importing import preview_import, run_import
    from second_opinion.domain.models import Person
    from second_opinion.vault.kdf import MINIMUM, KdfParameters
    from second_opinion.vault.vault import Vault

    kdf = KdfParameters(memory_kib=MINIMUM.memory_kib, iterations=MINIMUM.iterations, parallelism=1)
    best = float("inf")
    for run in range(3):
        vault = Vault.create(folder / f"vault-{path.stem}-{run}", "bench pass", kdf=kdf)
        try:
            with vault.session() as session:
                person = Person(name="Maria Example")
                session.add(person)
                session.flush()
                person_id = person.id
            case = Case(vault, person_id)
            start = time.perf_counter()
            preview = preview_import(case, path, person_id)
            run_import(
                case, path, person_id, preview.plan.default_keep(), document=preview.document
            )
            best = min(best, time.perf_counter() - start)
        finally:
            vault.lock()
    return best


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="so-bench-import-") as tmp:
        folder = Path(tmp)
        for var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[var] = str(folder / "home")
        ccd = folder / "big-ccd.xml"
        ccd.write_bytes(big_ccd())
        fhir = folder / "big-fhir.json"
        fhir.write_bytes(big_fhir())
        result = {
            "import_ccd_s": round(_time_import(ccd, folder), 3),
            "import_fhir_5mb_s": round(_time_import(fhir, folder), 3),
            "ccd_bytes": ccd.stat().st_size,
            "fhir_bytes": fhir.stat().st_size,
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
