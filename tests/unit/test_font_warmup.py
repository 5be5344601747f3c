"""The system's font configuration is loaded beside the first window, never in its way."""

from __future__ import annotations

import sys

import pytest

from second_opinion import app


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="fontconfig is for Linux and BSD")
def test_the_font_configuration_loads_on_a_helper_thread_that_ends() -> None:
    thread = app.warm_system_fonts()
    assert thread is not None and thread.daemon
    thread.join(timeout=30)
    assert not thread.is_alive()


def test_a_system_without_the_font_library_starts_no_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(app, "FONTCONFIG_LIBRARY", "libno-such-font-library.so.0")
    assert app.warm_system_fonts() is None
