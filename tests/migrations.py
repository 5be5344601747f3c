"""Finding a migration by what it does, not by its number: migrations written side by side
are renumbered when they meet, and a test must not care which one ended up last."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from alembic.script import ScriptDirectory

from second_opinion.vault import migrate


def revision_mentioning(marker: str) -> tuple[str, str, Path]:
    """(revision, the one before it, its file) of the one migration whose text names
    ``marker`` (e.g. a table it creates)."""
    script = ScriptDirectory.from_config(migrate.alembic_config())
    found = [rev for rev in script.walk_revisions() if marker in Path(rev.path).read_text("utf-8")]
    assert len(found) == 1, f"{len(found)} migrations mention {marker!r}"
    rev = found[0]
    assert isinstance(rev.down_revision, str)
    return rev.revision, rev.down_revision, Path(rev.path)


def module_mentioning(marker: str) -> ModuleType:
    _rev, _before, path = revision_mentioning(marker)
    spec = importlib.util.spec_from_file_location(f"migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
