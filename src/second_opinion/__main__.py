"""Entry point: ``python -m second_opinion`` and the ``second-opinion`` script."""

from __future__ import annotations

import sys
from pathlib import Path


def gui_options(argv: list[str]) -> tuple[Path | None, bool] | None:
    """``(data_dir, pw_stdin)`` when ``argv`` only opens the GUI; None for anything else.

    Opening the app is the common case and must paint fast, so the two options it takes are
    recognised here without loading argparse (about 6 ms with what it imports). Anything
    else, including a malformed option, goes to the full parser in ``cli``, which explains it.
    """
    data_dir: Path | None = None
    pw_stdin = False
    args = iter(argv)
    for arg in args:
        if arg == "--pw-stdin":
            pw_stdin = True
        elif arg == "--data-dir":
            value = next(args, None)
            if value is None or value.startswith("-"):
                return None
            data_dir = Path(value)
        elif arg.startswith("--data-dir=") and len(arg) > len("--data-dir="):
            data_dir = Path(arg.partition("=")[2])
        else:
            return None
    return data_dir, pw_stdin


def main(argv: list[str] | None = None) -> int:
    # When PySide is loaded already (a script that imported it first), before any other
    # module: PySide would read the source of each one.
    from second_opinion.import_scan import stop_pyside_source_scan

    stop_pyside_source_scan()
    # Before any passphrase is read or key derived: no core dump may hold them.
    from second_opinion.hardening import disable_core_dumps

    disable_core_dumps()
    argv = sys.argv[1:] if argv is None else argv
    options = gui_options(argv)
    if options is not None:
        from second_opinion.app import run_gui

        return run_gui(options[0], pw_stdin=options[1])
    # Keep this import local: the GUI must not pay for the command line's parser.
    from second_opinion.cli import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
