"""The `devicecheck` entry point. `check`, `snapshot` and `--version` go to the engine's CLI before Qt
is imported, so they start fast and need no display."""

from __future__ import annotations

import os
import sys
from typing import Any

ENGINE_COMMANDS = ("check", "snapshot", "--version", "-h", "--help")


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def write_pdf_lazily(report: dict[str, Any], path: str) -> None:
    """Qt is loaded only when a PDF is asked for, so `check` stays fast without it."""
    from desktop.pdf import write_pdf

    write_pdf(report, path)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not set(args) & {"--version", "-h", "--help"}:  # a question about the program is not a run
        from checks.logs import setup_logging

        setup_logging()
    if args and args[0] in ENGINE_COMMANDS:
        from checks.cli import main as cli_main

        return cli_main(args, pdf_writer=write_pdf_lazily)
    if not has_display():
        from checks.cli import main as cli_main

        print("devicecheck: no display found, so here is the checklist as text.", file=sys.stderr)
        profile = []
        if "--profile" in args and args.index("--profile") + 1 < len(args):
            profile = ["--profile", args[args.index("--profile") + 1]]
        return cli_main(["check", *profile])
    try:
        from desktop.app import run_app
    except ImportError as exc:
        print(
            f"devicecheck: the window cannot open: {exc}. Try 'devicecheck check' for the text checklist.",
            file=sys.stderr,
        )
        return 2
    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
