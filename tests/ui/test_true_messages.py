"""Messages claim only what is true: an unexpected error does not say "nothing was changed"."""

from __future__ import annotations

from pathlib import Path

from second_opinion.ui.unlock_page import UnlockPage


def test_an_unexpected_unlock_error_names_itself_and_claims_nothing(qtbot, tmp_path: Path) -> None:
    page = UnlockPage(tmp_path)
    qtbot.addWidget(page)
    page.show_refusal(RuntimeError("boom"))
    text = page.error.text()
    assert "could not be opened (RuntimeError)" in text
    assert "nothing was changed" not in text.lower()


def test_the_profile_dialog_does_not_claim_nothing_was_changed() -> None:
    # A failed save may fail at commit, after part of the work ran: say only what is known.
    source = Path(__file__).resolve().parents[2] / "src/second_opinion/ui/profile_dialog.py"
    assert "could not be saved. Nothing was changed" not in source.read_text(encoding="utf-8")
