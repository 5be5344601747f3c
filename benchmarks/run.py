"""Measure what a person using Second Opinion feels, on a vault with 10 000 rows everywhere.

    python benchmarks/run.py            # prints a table
    python benchmarks/run.py --json     # ... and one JSON object on the last line

Everything happens in a temporary folder (vault, HOME, XDG folders, an in-memory keyring):
the real data folder and keyring are never touched. Start-up is timed in fresh child
processes (``probe_window.py``), interleaved with a bare-Qt baseline so that a noisy machine
skews both alike and the ratios stay comparable; the rest runs in this process or in one
child that uses the window as a person would (``probe_session.py``). See README.md.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

GOALS: dict[str, tuple[str, float]] = {
    # key: (comparison, limit)
    "first_window_ratio": ("<=", 1.2),
    "cold_start_ratio": ("<=", 2.5),
    "filter_keystroke_ms_p95": ("<=", 30),
    "tab_switch_ms_p95": ("<=", 50),
    "packet_typical_s": ("<=", 0.5),
    "packet_large_s": ("<=", 4),
    "rss_mb_10k": ("<=", 250),
    "encrypted_vs_plain_query_ratio": ("<=", 1.5),
    "gui_stall_ms_max": ("<=", 50),
    # from the feature benchmarks run as children (bench_*.py)
    "attach_50mb_s": ("<=", 2),
    "attach_gui_stall_ms": ("<=", 50),
    "first_window_1gb_docs_ratio": ("<=", 1.1),
    "packet_200_doc_pages_s": ("<=", 5),
    "merge_rss_mb": ("<=", 400),
    "import_ccd_s": ("<=", 1),
    "import_fhir_5mb_s": ("<=", 5),
    "search_ms_p95": ("<=", 50),
}
#: the feature benchmarks: script -> the keys it reports
FEATURE_BENCHMARKS: dict[str, tuple[str, ...]] = {
    "bench_documents.py": (
        "attach_50mb_s",
        "attach_gui_stall_ms",
        "first_window_1gb_docs_ratio",
        "packet_200_doc_pages_s",
        "merge_rss_mb",
    ),
    "bench_import.py": ("import_ccd_s", "import_fhir_5mb_s"),
    "bench_search.py": ("search_ms_p95",),
}
KEYS = (
    "first_window_s",
    "cold_start_s",
    "baseline_qt_window_s",
    "first_window_ratio",
    "cold_start_ratio",
    "unlock_s",
    "filter_keystroke_ms_p95",
    "tab_switch_ms_p95",
    "packet_typical_s",
    "packet_large_s",
    "rss_mb_10k",
    "encrypted_vs_plain_query_ratio",
    "gui_stall_ms_max",
    "attach_50mb_s",
    "attach_gui_stall_ms",
    "first_window_1gb_docs_ratio",
    "packet_200_doc_pages_s",
    "merge_rss_mb",
    "import_ccd_s",
    "import_fhir_5mb_s",
    "search_ms_p95",
)
# One run slower than this means the app is far off its goal: repeating it would only make
# the benchmark take many minutes, so the first run stands alone.
_SLOW_RUN_S = 15.0
_CHILD_TIMEOUT_S = 150.0
_SESSION_TIMEOUT_S = 330.0


def _progress(text: str) -> None:
    sys.stderr.write(f"[bench] {text}\n")
    sys.stderr.flush()


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _p95(values: list[float]) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


# ---------------------------------------------------------------------- the machine
def machine() -> dict[str, str]:
    import importlib.metadata as md

    info: dict[str, str] = {"nproc": str(os.cpu_count())}
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next(
            line.split(":", 1)[1].strip()
            for line in cpuinfo.splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        info["cpu"] = platform.processor() or platform.machine()
    try:
        meminfo = Path("/proc/meminfo").read_text().split()
        info["memory"] = f"{int(meminfo[meminfo.index('MemTotal:') + 1]) / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError):
        info["memory"] = "?"
    info["os"] = platform.platform()
    info["python"] = platform.python_version()
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        info["pyside6"] = PySide6.__version__
        info["qt"] = qVersion()
    except ImportError:
        pass
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    info["sqlcipher"] = conn.execute("PRAGMA cipher_version").fetchone()[0]
    info["sqlite"] = conn.execute("SELECT sqlite_version()").fetchone()[0]
    conn.close()
    for dist in ("sqlcipher3", "SQLAlchemy", "reportlab", "argon2-cffi"):
        with contextlib.suppress(md.PackageNotFoundError):
            info[dist] = md.version(dist)
    return info


# ---------------------------------------------------------------------- child processes
class Children:
    """Runs the probes with a private HOME, XDG folders and keyring, drawing offscreen."""

    def __init__(self, root: Path, built: Any) -> None:
        self.built = built
        env = dict(os.environ)
        for name in ("home", "config", "data", "cache", "state", "runtime"):
            (root / name).mkdir(mode=0o700, exist_ok=True)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            HOME=str(root / "home"),
            XDG_CONFIG_HOME=str(root / "config"),
            XDG_DATA_HOME=str(root / "data"),
            XDG_CACHE_HOME=str(root / "cache"),
            XDG_STATE_HOME=str(root / "state"),
            XDG_RUNTIME_DIR=str(root / "runtime"),
            PYTHONPATH=os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH", "")])),
            # The locked window asks the keyring for a remembered key: give it one that has none
            # and is never the machine's real keyring.
            PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        )
        env.pop("SO_BENCH_REMEMBERED", None)
        self.env = env
        from second_opinion.vault.keystore import SERVICE

        key = base64.b64encode(built.key).decode("ascii")
        # A person who ticked "Remember on this computer": the key in the keyring, and the
        # app's own note of it in its settings (a folder of their own, so that the runs
        # without a remembered key neither see nor clear it).
        (root / "config-remembered").mkdir(mode=0o700, exist_ok=True)
        self.remembered_env = dict(
            env,
            XDG_CONFIG_HOME=str(root / "config-remembered"),
            PYTHON_KEYRING_BACKEND="probe_keyring.MemoryKeyring",
            SO_BENCH_REMEMBERED=f"{SERVICE}|{built.vault_id}|{key}",
        )
        _note_remembered_key(built.vault_id, self.remembered_env)

    def run(self, script: str, args: list[str], remembered: bool, timeout: float) -> dict[str, Any]:
        env = self.remembered_env if remembered else self.env
        started = time.monotonic()
        try:
            done = subprocess.run(
                [sys.executable, str(HERE / script), *args],
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            return {"error": f"{script} {args[:1]} took over {timeout:.0f} s"}
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if not lines:
            tail = done.stderr.strip().splitlines()[-3:]
            return {"error": f"{script} {args[:1]} exit {done.returncode}: {' | '.join(tail)}"}
        result: dict[str, Any] = json.loads(lines[-1])
        if "painted" in result:
            result["elapsed_s"] = result["painted"] - started
        if "unlocked_painted" in result:
            result["cold_start_s"] = result["unlocked_painted"] - started
        return result


def _note_remembered_key(vault_id: str, env: dict[str, str]) -> None:
    """Write the app's settings note of a remembered key, through the app's own settings
    class, in a process with the child processes' environment (so in their folder)."""
    script = (
        "import sys\n"
        "from second_opinion.ui.settings import AppSettings\n"
        "settings = AppSettings()\n"
        "settings.remembered_vault = sys.argv[1]\n"
        "settings.sync()\n"
    )
    subprocess.run([sys.executable, "-c", script, vault_id], env=env, check=True, timeout=60)


def _byte_compile_the_app() -> None:
    """Give the app's modules their bytecode, as an installed app has it.

    Installing a wheel byte-compiles it and the bundle ships bytecode, but an editable
    (development) install compiles each module when first imported, and not even that sticks
    when PYTHONDONTWRITEBYTECODE is set, as on this machine: every start would then pay for
    compiling some twenty modules (10-20 ms), which no installed copy does.
    """
    import compileall

    import second_opinion

    compileall.compile_dir(Path(second_opinion.__file__).parent, quiet=1)


def measure_startup(children: Children, runs: int) -> dict[str, Any]:
    folder = str(children.built.folder)
    kinds = {
        "baseline": ("baseline", [], False),
        "first": ("first", [folder], False),
        "cold": ("cold", [folder], True),
    }
    times: dict[str, list[float]] = {k: [] for k in kinds}
    errors: list[str] = []
    for run in range(runs):
        # Interleaved, so a burst of load on the shared machine hits all three alike.
        for name, (mode, args, remembered) in kinds.items():
            if run > 0 and (not times[name] or times[name][0] > _SLOW_RUN_S):
                continue
            result = children.run("probe_window.py", [mode, *args], remembered, _CHILD_TIMEOUT_S)
            if "elapsed_s" in result:
                times[name].append(result["elapsed_s"])
                _progress(f"start-up {name} run {run + 1}: {result['elapsed_s']:.3f} s")
            else:
                errors.append(str(result.get("error")))
                _progress(f"start-up {name} run {run + 1} failed: {result.get('error')}")
    baseline = _median(times["baseline"])
    first = _median(times["first"])
    cold = _median(times["cold"])
    return {
        "baseline_qt_window_s": baseline,
        "first_window_s": first,
        "cold_start_s": cold,
        "first_window_ratio": _ratio(first, baseline),
        "cold_start_ratio": _ratio(cold, baseline),
        "startup_runs": {k: len(v) for k, v in times.items()},
        "startup_errors": errors,
    }


def measure_session(children: Children, rounds: int) -> dict[str, Any]:
    result = children.run(
        "probe_session.py",
        [str(children.built.folder), str(rounds)],
        remembered=True,
        timeout=_SESSION_TIMEOUT_S,
    )
    if "error" in result:
        _progress(f"session: {result['error']}")
    switches = result.get("tab_switch_ms") or []
    filters = result.get("filter_ms") or []
    return {
        "filter_keystroke_ms_p95": _p95(filters) if result.get("filter_rows") else None,
        "tab_switch_ms_p95": _p95(switches) if len(result.get("tab_switch_ms", [])) else None,
        "rss_mb_10k": result.get("peak_rss_mb"),
        "gui_stall_ms_max": _stall_after_unlock(result),
        "session": result,
    }


def _stall_after_unlock(result: dict[str, Any]) -> float | None:
    """The longest GUI-thread stall of the scripted session (unlock included)."""
    phases = result.get("gui_stall_ms_by_phase") or {}
    return round(max(phases.values()), 1) if phases else None


def measure_features(skip: set[str]) -> dict[str, Any]:
    """Run each feature benchmark in a child process and take its keys from its last line."""
    results: dict[str, Any] = {}
    for script, keys in FEATURE_BENCHMARKS.items():
        if script in skip:
            continue
        _progress(f"{script}")
        try:
            done = subprocess.run(
                [sys.executable, str(HERE / script)],
                capture_output=True,
                text=True,
                timeout=_FEATURE_TIMEOUT_S,
                check=False,
            )
            last = [line for line in done.stdout.splitlines() if line.startswith("{")][-1]
            found = json.loads(last)
        except (subprocess.TimeoutExpired, IndexError, json.JSONDecodeError) as exc:
            _progress(f"{script} failed: {type(exc).__name__}")
            continue
        for key in keys:
            results[key] = found.get(key)
    return results


_FEATURE_TIMEOUT_S = 900.0


# ---------------------------------------------------------------------- in this process
def _timed(fn: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return samples


def measure_unlock(built: Any, runs: int) -> dict[str, Any]:
    from second_opinion.vault.header import VaultHeader
    from second_opinion.vault.kdf import derive_key
    from second_opinion.vault.paths import VaultPaths
    from second_opinion.vault.vault import Vault

    def unlock() -> None:
        Vault.unlock(built.folder, built.passphrase).lock()

    header = VaultHeader.read(VaultPaths(built.folder).header)
    slot = header.current
    derive = _timed(lambda: derive_key(built.passphrase, slot.salt, slot.kdf), runs)
    return {
        "unlock_s": _median(_timed(unlock, runs)),
        "kdf_s": _median(derive),
        "kdf": slot.kdf.to_json(),
    }


def _plain_copy(built: Any, destination: Path) -> None:
    """A plaintext SQLite copy of the vault, made the way SQLCipher documents it."""
    from second_opinion.vault.connection import open_keyed
    from second_opinion.vault.key import VaultKey
    from second_opinion.vault.paths import VaultPaths

    conn = open_keyed(VaultPaths(built.folder).database, VaultKey(bytearray(built.key)))
    try:
        conn.execute(f"ATTACH DATABASE '{destination}' AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()


def _plain_engine(path: Path) -> Any:
    """An engine over the plain copy, set up like the vault's own (same driver and pragmas)."""
    import sqlcipher3
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    def creator() -> Any:
        conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
        for pragma in (
            "foreign_keys = ON",
            "journal_mode = DELETE",
            "synchronous = FULL",
            "secure_delete = ON",
            "temp_store = MEMORY",
        ):
            conn.execute(f"PRAGMA {pragma}")
        return conn

    engine = create_engine(
        "sqlite://", creator=creator, module=sqlcipher3, poolclass=QueuePool, pool_size=4
    )

    @event.listens_for(engine, "connect")
    def _no_implicit(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def list_queries(built: Any) -> dict[str, Callable[[Any], object]]:
    """The app's list queries over the whole vault, as its tabs call them."""
    import datetime as dt

    from second_opinion.services import contacts, questions, record_requests, records

    bulk = built.person_ids[0]
    today = dt.date.today()
    return {
        "contacts.list_contacts": lambda s: contacts.list_contacts(s),
        "record_requests.list_requests": lambda s: record_requests.list_requests(s, bulk, today),
        "records.list_items": lambda s: records.list_items(s, bulk),
        "questions.list_questions": lambda s: questions.list_questions(s, bulk),
    }


def measure_queries(built: Any, root: Path, runs: int) -> dict[str, Any]:
    from sqlalchemy.orm import Session

    from second_opinion.vault.key import VaultKey
    from second_opinion.vault.vault import Vault

    plain_path = root / "plain-copy.db"
    _plain_copy(built, plain_path)
    plain = _plain_engine(plain_path)
    vault = Vault.unlock_with_key(built.folder, VaultKey(bytearray(built.key)))
    timings: dict[str, dict[str, float | None]] = {}
    try:
        for name, query in list_queries(built).items():
            samples: dict[str, list[float]] = {"encrypted": [], "plain": []}

            def once(label: str, query: Callable[[Any], object] = query) -> float:
                started = time.perf_counter()
                with Session(vault.engine if label == "encrypted" else plain) as session:
                    query(session)
                return time.perf_counter() - started

            try:
                once("encrypted")  # warm the page caches and SQLAlchemy's statement cache
                once("plain")
                # Alternated, and in turns that swap which goes first, so that a burst of load
                # on the shared machine (or a warmer cache) favours neither side.
                for run in range(runs):
                    order = ("encrypted", "plain") if run % 2 == 0 else ("plain", "encrypted")
                    for label in order:
                        samples[label].append(once(label))
            except Exception as exc:  # a service that changed its signature: say so
                _progress(f"query {name} failed: {type(exc).__name__}: {exc}")
            row: dict[str, float | None] = {k: _median(v) for k, v in samples.items()}
            row["ratio"] = _ratio(row.get("encrypted"), row.get("plain"))
            timings[name] = row
            _progress(f"query {name}: {row}")
    finally:
        vault.lock()
        plain.dispose()
    measured = {n: r for n, r in timings.items() if r.get("ratio") is not None}
    heaviest = max(measured, key=lambda n: measured[n]["encrypted"] or 0.0, default=None)
    return {
        "encrypted_vs_plain_query_ratio": measured[heaviest]["ratio"] if heaviest else None,
        "heaviest_query": heaviest,
        "queries": timings,
    }


def measure_packets(built: Any, runs: int) -> dict[str, Any]:
    try:
        from second_opinion.export.packet import render_packet
        from second_opinion.services.packet import build_packet_data
    except ImportError as exc:
        _progress(f"packets not measured: {exc}")
        return {"packet_typical_s": None, "packet_large_s": None}
    from second_opinion.vault.key import VaultKey
    from second_opinion.vault.vault import Vault

    vault = Vault.unlock_with_key(built.folder, VaultKey(bytearray(built.key)))
    out: dict[str, Any] = {}
    try:
        for name, case in (("typical", built.typical), ("large", built.large)):
            parts: dict[str, list[float]] = {"data": [], "render": []}
            shape = ""
            for _ in range(runs if name == "typical" else max(1, runs - 1)):
                started = time.perf_counter()
                with vault.session() as session:
                    data = build_packet_data(session, case.visit_id)
                gathered = time.perf_counter()
                pdf = render_packet(data)
                parts["data"].append(gathered - started)
                parts["render"].append(time.perf_counter() - gathered)
                shape = (
                    f"{len(data.questions)} questions, {len(data.records)} record lines, "
                    f"{len(data.care_team)} care team, {len(data.missing)} missing, "
                    f"{len(pdf) // 1024} KiB"
                )
            totals = [d + r for d, r in zip(parts["data"], parts["render"], strict=True)]
            out[f"packet_{name}_s"] = _median(totals)
            out[f"packet_{name}_detail"] = {
                "data_s": _median(parts["data"]),
                "render_s": _median(parts["render"]),
                "shape": shape,
            }
            _progress(f"packet {name}: {out[f'packet_{name}_s']:.3f} s ({shape})")
    finally:
        vault.lock()
    return out


# ---------------------------------------------------------------------- report
def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}" if value < 10 else f"{value:.1f}"
    return str(value)


def table(results: dict[str, Any], extra: dict[str, Any]) -> str:
    lines = [f"{'metric':34} {'value':>10}  {'goal':>8}  verdict", "-" * 66]
    for key in KEYS:
        value = results.get(key)
        goal = GOALS.get(key)
        verdict = ""
        if goal is not None:
            verdict = "n/a" if value is None else ("ok" if value <= goal[1] else "MISSED")
        goal_text = f"{goal[0]} {goal[1]:g}" if goal else ""
        lines.append(f"{key:34} {_fmt(value):>10}  {goal_text:>8}  {verdict}")
    lines.append("")
    session = extra.get("session", {})
    if session.get("first_visit_ms"):
        visits = ", ".join(f"{k} {_fmt(v)}" for k, v in session["first_visit_ms"].items())
        lines.append(f"first visit of each tab (ms): {visits}")
    if session.get("tab_switch_slowest_into_ms"):
        slow = ", ".join(f"{k} {_fmt(v)}" for k, v in session["tab_switch_slowest_into_ms"].items())
        lines.append(f"slowest switch into each tab (ms): {slow}")
    if session.get("gui_stall_ms_by_phase"):
        stalls = ", ".join(f"{k} {_fmt(v)}" for k, v in session["gui_stall_ms_by_phase"].items())
        lines.append(f"longest GUI stall by phase (ms): {stalls}")
    if session.get("actions"):
        done = ", ".join(
            f"{name}: {v['outcome']} ({v['ms']} ms)" for name, v in session["actions"].items()
        )
        lines.append(f"actions: {done}")
    if session.get("missing_tabs"):
        lines.append(f"tabs missing: {', '.join(session['missing_tabs'])}")
    if "filter_rows" in session:
        lines.append(
            f"filter: {len(session.get('filter_ms', []))} keystrokes timed over "
            f"{session['filter_rows']} contacts, "
            f"{session.get('filter_keystrokes_without_change', 0)} left the list unchanged"
        )
    if session.get("error"):
        lines.append(f"session: {session['error']}")
    for name in ("typical", "large"):
        detail = extra.get(f"packet_{name}_detail")
        if detail:
            lines.append(
                f"packet {name}: data {_fmt(detail['data_s'])} s + render "
                f"{_fmt(detail['render_s'])} s ({detail['shape']})"
            )
    for name, row in extra.get("queries", {}).items():
        lines.append(
            f"query {name}: encrypted {_fmt(row.get('encrypted'))} s, plain "
            f"{_fmt(row.get('plain'))} s, ratio {_fmt(row.get('ratio'))}"
        )
    if extra.get("kdf_s") is not None:
        lines.append(f"unlock: key derivation {_fmt(extra['kdf_s'])} s with {extra.get('kdf')}")
    runs = extra.get("startup_runs")
    if runs:
        lines.append(f"start-up runs: {runs}; errors: {extra.get('startup_errors') or 'none'}")
    if extra.get("build_s") is not None:
        lines.append(f"vault built in {_fmt(extra['build_s'])} s: {extra.get('counts')}")
    lines.append(f"whole benchmark: {_fmt(extra.get('total_s'))} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--json", action="store_true", help="end with one JSON object")
    parser.add_argument("--runs", type=int, default=11, help="fresh processes per start-up kind")
    parser.add_argument("--rounds", type=int, default=2, help="passes over every tab pair")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        help="leave out a feature benchmark (e.g. bench_documents.py); may repeat",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()

    from build_vault import build_large_vault

    extra: dict[str, Any] = {"machine": machine()}
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="so-bench-") as tmp:
        root = Path(tmp)
        _progress("building the vault (10 000 contacts, 10 000 requests, ...)")
        built = build_large_vault(root / "vault")
        extra.update(build_s=built.build_s, counts=built.counts)
        _progress(f"built in {built.build_s:.1f} s")

        unlock = measure_unlock(built, runs=3)
        results["unlock_s"] = unlock.pop("unlock_s")
        extra.update(unlock)
        _progress(f"unlock: {results['unlock_s']:.3f} s")

        queries = measure_queries(built, root, runs=8)
        results["encrypted_vs_plain_query_ratio"] = queries.pop("encrypted_vs_plain_query_ratio")
        extra.update(queries)

        packets = measure_packets(built, runs=3)
        for name in ("packet_typical_s", "packet_large_s"):
            results[name] = packets.pop(name, None)
        extra.update(packets)

        children = Children(root, built)
        _byte_compile_the_app()
        startup = measure_startup(children, args.runs)
        for key in list(startup):
            if key in KEYS:
                results[key] = startup.pop(key)
        extra.update(startup)

        _progress("session: tabs, filter, memory")
        session = measure_session(children, args.rounds)
        for key in (
            "filter_keystroke_ms_p95",
            "tab_switch_ms_p95",
            "rss_mb_10k",
            "gui_stall_ms_max",
        ):
            results[key] = session.pop(key)
        extra.update(session)

    results.update(measure_features(set(args.skip)))
    extra["total_s"] = time.perf_counter() - started
    machine_line = ", ".join(f"{k} {v}" for k, v in extra["machine"].items())
    sys.stdout.write(f"machine: {machine_line}\n\n{table(results, extra)}\n")
    if args.json:
        sys.stdout.write(json.dumps({key: results.get(key) for key in KEYS}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
