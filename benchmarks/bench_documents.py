"""Documents benchmarks (issue 15): adding, the first window with 1 GB of documents, the packet.

    python benchmarks/bench_documents.py            # one JSON object on stdout
    python benchmarks/bench_documents.py --runs 5   # start-up runs per vault (default 3)

Prints, with the goals in GOALS:

- ``attach_50mb_s``: adding one 50 MB PDF through the case layer (check, hash, encrypt,
  fsync, one transaction), wall time;
- ``attach_gui_stall_ms``: the longest the GUI thread went without handling events while the
  same add ran through the operations runner with the Documents tab's progress dialog
  (a 2 ms heartbeat timer, as ``probe_session.py``'s ``StallMeter``);
- ``first_window_1gb_docs_ratio``: launch to the first painted main window (``probe_window.py
  cold``: unlocked by a remembered key) with 1 GB of documents (20 x 50 MB) over the same vault
  without them (two vaults, otherwise alike); medians of the child runs, interleaved;
- ``packet_200_doc_pages_s``: a visit packet enclosing ten 20-page PDFs (200 pages), built
  and rendered in memory;
- ``merge_rss_mb``: the peak memory (max RSS) of a child process that builds that packet.

Everything happens in a temporary folder, deleted at the end (HOME, XDG folders, keyring as
in ``run.py``); nothing touches the real data folder or keyring.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

PASSPHRASE = "benchmark passphrase for documents"
GOALS: dict[str, tuple[str, float]] = {
    "attach_50mb_s": ("<=", 2.0),
    "attach_gui_stall_ms": ("<=", 50),
    "first_window_1gb_docs_ratio": ("<=", 1.1),
    "packet_200_doc_pages_s": ("<=", 5.0),
    "merge_rss_mb": ("<=", 400),
}
MB = 1_000_000
HEARTBEAT_MS = 2


def _progress(text: str) -> None:
    sys.stderr.write(f"[documents {time.monotonic():.2f}] {text}\n")
    sys.stderr.flush()


# ---------------------------------------------------------------------- files
def big_pdf(path: Path, size: int, seed: bytes) -> Path:
    """A valid one-page PDF of about ``size`` bytes: the bulk is an unused image stream of
    random bytes (incompressible, like a scan), which PDFium never has to decode."""
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, NumberObject, StreamObject

    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    stream = StreamObject()
    stream.set_data(seed + os.urandom(max(0, size - len(seed) - 2000)))
    stream[NameObject("/Type")] = NameObject("/XObject")
    stream[NameObject("/Subtype")] = NameObject("/Image")
    stream[NameObject("/Width")] = NumberObject(1)
    stream[NameObject("/Height")] = NumberObject(1)
    reference = writer._add_object(stream)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Bulk"): reference})}
    )
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def text_pdf(path: Path, pages: int, marker: str) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    for index in range(pages):
        for line in range(40):
            canvas.drawString(72, 760 - 16 * line, f"{marker} page {index + 1} line {line} " * 2)
        canvas.showPage()
    canvas.save()
    return path


# ---------------------------------------------------------------------- the vault
def new_vault(folder: Path) -> tuple[Any, int, int]:
    """A vault with one person, a doctor and a visit; returns (vault, person, visit)."""
    from second_opinion.domain.models import Contact, Visit
    from second_opinion.services.people import add_person
    from second_opinion.vault.kdf import MINIMUM, KdfParameters
    from second_opinion.vault.vault import Vault

    kdf = KdfParameters(memory_kib=MINIMUM.memory_kib, iterations=MINIMUM.iterations, parallelism=1)
    vault = Vault.create(folder, PASSPHRASE, kdf=kdf)
    with vault.session() as session:
        person = add_person(session, "Ada Benchmark")
        doctor = Contact(name="Dr. Rao")
        session.add(doctor)
        session.flush()
        visit = Visit(
            person_id=person,
            doctor_id=doctor.id,
            starts_at=dt.datetime.now(dt.UTC) + dt.timedelta(days=7),
        )
        session.add(visit)
        session.flush()
        visit_id = visit.id
    return vault, person, visit_id


def measure_attach(root: Path) -> dict[str, float]:
    from second_opinion.case import documents as docs
    from second_opinion.case.case import Case

    vault, person, _visit = new_vault(root / "attach-vault")
    case = Case(vault, person)
    times = []
    for run in range(3):
        path = big_pdf(root / f"attach-{run}.pdf", 50 * MB, f"run {run}".encode())
        started = time.perf_counter()
        docs.attach_files(case, [path])
        times.append(time.perf_counter() - started)
        path.unlink()
        _progress(f"attach 50 MB run {run + 1}: {times[-1]:.3f} s")
    stall = measure_attach_stall(root, vault, person)
    vault.lock()
    return {"attach_50mb_s": statistics.median(times), "attach_gui_stall_ms": stall}


def measure_attach_stall(root: Path, vault: Any, person: int) -> float:
    """The same add through the runner and the tab's Attacher, with a heartbeat."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from second_opinion.ui import ops, prompts
    from second_opinion.ui.context import AppContext
    from second_opinion.ui.documents.attach import Attacher

    app = QApplication.instance() or QApplication([])
    prompts.scripted = prompts.ScriptedAnswers()  # no modal question may stop the run
    ctx = AppContext(vault, person)
    window = QWidget()
    window.resize(800, 600)
    window.show()
    attacher = Attacher(ctx, window)
    worst = [0.0]
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        worst[0] = max(worst[0], (now - last[0]) * 1000 - HEARTBEAT_MS)
        last[0] = now

    timer = QTimer()
    timer.setInterval(HEARTBEAT_MS)
    timer.timeout.connect(beat)
    results = []
    for run in range(3):
        path = big_pdf(root / f"stall-{run}.pdf", 50 * MB, f"stall {run}".encode())
        deadline = time.monotonic() + 0.3
        while time.monotonic() < deadline:  # settle before measuring
            app.processEvents()
        worst[0], last[0] = 0.0, time.perf_counter()
        timer.start()
        attacher.attach([path])
        while not ops.all_idle() or attacher.busy:
            app.processEvents()
            time.sleep(0.0005)
        timer.stop()
        results.append(worst[0])
        path.unlink()
        _progress(f"attach 50 MB through the runner, run {run + 1}: stall {worst[0]:.1f} ms")
    ctx.shutdown()
    window.close()
    prompts.scripted = None
    return max(results)


# ---------------------------------------------------------------------- the first window
def measure_first_window(root: Path, runs: int) -> dict[str, Any]:
    """Two vaults alike but for 1 GB of documents, each remembered in its own child folders;
    their start-up runs interleaved, so a burst of load on the machine hits both alike."""
    from run import Children, _byte_compile_the_app

    from second_opinion.case import documents as docs
    from second_opinion.case.case import Case

    children = {}
    total = 0
    for label in ("without", "with"):
        folder = root / f"window-vault-{label}"
        vault, person, _visit = new_vault(folder)
        if label == "with":
            case = Case(vault, person)
            source = root / "one.pdf"
            for index in range(20):  # 20 x 50 MB = 1 GB, each its own content
                big_pdf(source, 50 * MB, f"document {index}".encode())
                docs.attach_files(case, [source])
                source.unlink()
            total = sum(r.byte_size for r in docs.documents_board(case).rows)
            _progress(f"added {total / 1e9:.2f} GB of documents")
        built = SimpleNamespace(folder=folder, key=vault.key.raw(), vault_id=vault.vault_id)
        vault.lock()
        (root / label).mkdir()
        children[label] = (Children(root / label, built), folder)
    _byte_compile_the_app()
    times: dict[str, list[float]] = {"without": [], "with": []}
    for run in range(runs):
        for label, (child, folder) in children.items():
            result = child.run("probe_window.py", ["cold", str(folder)], True, 120)
            if "elapsed_s" in result:  # launch to the painted main window, as run.py's "cold"
                times[label].append(result["elapsed_s"])
                _progress(
                    f"first window {label} documents, run {run + 1}: {times[label][-1]:.3f} s"
                )
            else:
                _progress(f"first window {label} documents, run {run + 1} failed: {result}")
    a, b = (statistics.median(times[k]) if times[k] else None for k in ("without", "with"))
    return {
        "first_window_s_without_documents": a,
        "first_window_s_with_1gb_documents": b,
        "first_window_1gb_docs_ratio": b / a if a and b else None,
        "documents_gb": total / 1e9,
    }


# ---------------------------------------------------------------------- the packet
def prepare_packet_vault(root: Path) -> tuple[Path, int, int]:
    from second_opinion.case import documents as docs
    from second_opinion.case.case import Case
    from second_opinion.services.documents import LinkRef, LinkTarget

    folder = root / "packet-vault"
    vault, person, visit = new_vault(folder)
    case = Case(vault, person)
    for index in range(10):
        path = text_pdf(root / f"chart-{index}.pdf", 20, f"chart {index}")
        docs.attach_files(case, [path], link=LinkRef(LinkTarget.VISIT, visit))
    vault.lock()
    return folder, person, visit


def build_packet(folder: Path, person: int, visit: int) -> tuple[int, int]:
    """Unlock, build and render the packet with its documents; (bytes, pages)."""
    from pypdf import PdfReader

    from second_opinion.case import documents as docs
    from second_opinion.case.case import Case
    from second_opinion.export.enclosures import render_packet_with_documents
    from second_opinion.services.packet import build_packet_data
    from second_opinion.vault.vault import Vault

    vault = Vault.unlock(folder, PASSPHRASE)
    try:
        case = Case(vault, person)
        with vault.session() as session:
            data = build_packet_data(session, visit)
        enclosed = docs.packet_documents(case, visit)
        pdf = render_packet_with_documents(data, enclosed)
    finally:
        vault.lock()
    return len(pdf), len(PdfReader(io.BytesIO(pdf)).pages)


def measure_packet(root: Path) -> dict[str, Any]:
    folder, person, visit = prepare_packet_vault(root)
    times = []
    pages = 0
    for run in range(3):
        started = time.perf_counter()
        _size, pages = build_packet(folder, person, visit)
        times.append(time.perf_counter() - started)
        _progress(
            f"packet with 200 document pages run {run + 1}: {times[-1]:.3f} s ({pages} pages)"
        )
    child = subprocess.run(
        [sys.executable, __file__, "--packet-child", str(folder), str(person), str(visit)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = [line for line in child.stdout.splitlines() if line.startswith("{")]
    rss = json.loads(lines[-1])["max_rss_mb"] if lines else None
    _progress(f"packet child peak memory: {rss} MB")
    return {
        "packet_200_doc_pages_s": statistics.median(times),
        "packet_pages": pages,
        "merge_rss_mb": rss,
    }


def packet_child(argv: list[str]) -> int:
    import resource

    folder, person, visit = Path(argv[0]), int(argv[1]), int(argv[2])
    build_packet(folder, person, visit)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    sys.stdout.write(json.dumps({"max_rss_mb": round(peak_kib * 1024 / MB, 1)}) + "\n")
    return 0


# ---------------------------------------------------------------------- main
def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-window", action="store_true", help="not the 1 GB start-up runs")
    parser.add_argument("--packet-child", nargs=3, metavar=("FOLDER", "PERSON", "VISIT"))
    args = parser.parse_args(argv)
    if args.packet_child:
        return packet_child(args.packet_child)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="so-bench-docs-") as tmp:
        root = Path(tmp)
        results.update(measure_attach(root))
        results.update(measure_packet(root))
        if not args.skip_window:
            results.update(measure_first_window(root, args.runs))
    results["goals_met"] = {
        key: (value <= limit if op == "<=" else value >= limit)
        for key, (op, limit) in GOALS.items()
        if (value := results.get(key)) is not None
    }
    sys.stdout.write(json.dumps(results) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
