"""`devicecheck check` and `devicecheck snapshot`: the engine's command line. No Qt is imported here."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from checks import logs
from checks._version import __version__
from checks.catalogue import CHECK_IDS
from checks.profile import ProfileError
from checks.schoolhours import in_zone_of
from checks.textsafe import shown

# all-clear, to-fix, bad usage or input, incomplete (README "The command line")
EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_INCOMPLETE = 0, 1, 2, 3


class UsageError(ValueError):
    pass


PROFILE_HELP = "an agency profile (TOML)"
TRAY_HELP = "start in the tray, without the window (what starts when you sign in)"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, like every other bad input
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="devicecheck",
        description="Checks this laptop against your agency's Social Networking Policy.",
        formatter_class=argparse.RawDescriptionHelpFormatter,  # keeps the epilog's one line per command
    )
    parser.add_argument("--version", action="version", version=f"devicecheck {__version__}")
    # The window's own options (desktop/app.py reads them): listed here too, so --help names every option.
    parser.add_argument("--profile", metavar="FILE", help=PROFILE_HELP)
    parser.add_argument("--tray", action="store_true", help=TRAY_HELP)
    sub = parser.add_subparsers(dest="command", title="commands", metavar="{check,snapshot}")
    check = sub.add_parser("check", help="check this laptop and print the checklist")
    check.add_argument("--json", action="store_true", help="print the JSON report")
    check.add_argument("--profile", metavar="FILE", help="an agency profile (TOML)")
    check.add_argument("--replay", metavar="SNAPSHOT", help="answer from a snapshot instead of this machine")
    check.add_argument("--at", metavar="ISO-TIME", help="judge as if it were this local time (e.g. 2026-11-25T10:30)")
    check.add_argument("--only", metavar="ID,...", help="run only these checks: " + ", ".join(CHECK_IDS))
    check.add_argument("--pdf", metavar="FILE", help="also write the PDF report to FILE")
    check.add_argument("--candidate", metavar="NAME", help="the candidate's name on this report (this run only)")
    check.add_argument("--config-dir", metavar="DIR", help=argparse.SUPPRESS)
    snap = sub.add_parser("snapshot", help="record what the checks read, for support")
    snap.add_argument("-o", "--output", metavar="FILE", help="write here (default: print it)")
    snap.add_argument("--profile", metavar="FILE", help="an agency profile (TOML)")
    snap.add_argument("--config-dir", metavar="DIR", help=argparse.SUPPRESS)
    # Each command's own options under the main --help, from the same parsers, so the list cannot drift.
    parser.epilog = "Without a command, devicecheck opens its window (with --profile and --tray above).\n\n" + (
        "\n\n".join(_options_in_words(name, command) for name, command in sub.choices.items())
    )
    return parser


def _options_in_words(name: str, command: argparse.ArgumentParser) -> str:
    lines = [f"devicecheck {name} options:"]
    for action in command._actions:
        if action.help == argparse.SUPPRESS or not action.option_strings or action.option_strings == ["-h", "--help"]:
            continue
        flags = ", ".join(action.option_strings) + (f" {action.metavar}" if action.metavar else "")
        lines.append(f"  {flags:<22} {action.help}")
    return "\n".join(lines)


def quoted(value: str, limit: int = 200) -> str:
    """A bad value as an error quotes it: at most `limit` characters, so one line stays one line."""
    return repr(value[:limit]) + ("..." if len(value) > limit else "")


def check_output_path(path: str, option: str) -> None:
    """Before any check runs: a file that could not be written at the end is said now, in one line."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise UsageError(f"{option}: {quoted(path)} is a folder, not a file name")
    if not folder.is_dir():
        raise UsageError(f"{option}: the folder of {quoted(path)} does not exist")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise UsageError(f"{option}: {quoted(path)} cannot be written here (not allowed)")


def parse_at(text: str, tz_source: datetime) -> datetime:
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--at: {quoted(text)} is not an ISO time like 2026-11-25T10:30") from None
    if at.tzinfo is None:  # naive: local time, with the zone's rules for that date (or the snapshot's offset)
        at = in_zone_of(at, tz_source)
    return at


def parse_only(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    ids = tuple(i.strip() for i in text.split(",") if i.strip())
    bad = [i for i in ids if i not in CHECK_IDS]
    if bad:
        raise UsageError(f"--only: unknown check {bad[0]!r}; known: {', '.join(CHECK_IDS)}")
    return ids


def run_checks(args: argparse.Namespace, system: Any = None) -> tuple[dict[str, Any], int]:
    """Run the checks as the CLI would; returns (JSON report, exit code)."""
    from checks.engine import Engine, RunOptions
    from checks.outcome import ALL_CLEAR, TO_FIX
    from checks.policy import declaration_states
    from checks.profile import load_profile
    from checks.report import RunInfo, build_report
    from checks.settings import SettingsStore, clean_name

    replay_path = getattr(args, "replay", None)
    if system is None:
        if replay_path:
            from checks.snapshot import load_snapshot

            system = load_snapshot(replay_path)
        else:
            from checks.live import LiveSystem

            system = LiveSystem()
    store = SettingsStore(Path(args.config_dir) if getattr(args, "config_dir", None) else None)
    settings = store.load_settings()
    confirmed = store.load_declarations()  # before the checks, so every warning comes first and once
    acknowledged = store.load_acknowledgements()
    for warning in store.warnings:
        print(f"devicecheck: warning: {shown(warning)}", file=sys.stderr)
    judged = getattr(system, "judged_with", None)
    if judged is not None:
        # A replay judges as the candidate's machine did: its settings, declarations and (unless --profile
        # says otherwise) its profile, never this machine's.
        profile = load_profile(args.profile) if getattr(args, "profile", None) else judged.profile()
        candidate = clean_name(getattr(args, "candidate", None) or "") or judged.settings.candidate_name
        settings, confirmed, acknowledged = judged.settings, judged.confirmed, {}
    else:
        profile = load_profile(args.profile)
        candidate = clean_name(getattr(args, "candidate", None) or "") or settings.candidate_name
    at = parse_at(args.at, system.now()) if getattr(args, "at", None) is not None else None
    only = parse_only(getattr(args, "only", None))
    engine = Engine(system, profile, settings, at)
    ctx = engine.context()
    started = logs.run_started("check", only)
    results = engine.run(RunOptions(only=only), ctx=ctx)
    logs.run_finished("check", results, started)
    decls = declaration_states(profile.declarations, confirmed)
    run = RunInfo(
        at_overridden=at is not None,
        replay_file=Path(replay_path).name if replay_path else None,
        replay_recorded_at=system.now().isoformat(timespec="seconds") if replay_path else None,
        only=only,
    )
    report = build_report(
        results,
        profile,
        ctx.platform,
        ctx.school_day,
        decls,
        ctx.now,
        candidate=candidate,
        run=run,
        acknowledged=acknowledged,
    )
    codes = {ALL_CLEAR: EXIT_OK, TO_FIX: EXIT_FAIL}
    return report, codes.get(report["outcome"], EXIT_INCOMPLETE)


PdfWriter = Callable[[dict[str, Any], str], None]


def cmd_check(args: argparse.Namespace, pdf_writer: PdfWriter | None = None) -> int:
    from checks.report import render_text

    if args.pdf is not None:
        if pdf_writer is None:
            print("devicecheck: --pdf needs the desktop part of Device Check (PySide6)", file=sys.stderr)
            return EXIT_USAGE
        check_output_path(args.pdf, "--pdf")
    report, code = run_checks(args)
    if args.pdf is not None and pdf_writer is not None:
        pdf_writer(report, args.pdf)
    if args.json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
    else:
        sys.stdout.write(render_text(report))
    return code


def cmd_snapshot(args: argparse.Namespace) -> int:
    from checks.engine import Engine
    from checks.live import LiveSystem
    from checks.profile import load_profile
    from checks.settings import SettingsStore
    from checks.snapshot import RecordingSystem
    from checks.snapshot_judged import JudgedWith

    if args.output is not None:
        check_output_path(args.output, "-o")
    profile = load_profile(args.profile)
    store = SettingsStore(Path(args.config_dir) if getattr(args, "config_dir", None) else None)
    settings = store.load_settings()
    recorder = RecordingSystem(LiveSystem(), JudgedWith(profile.raw, settings, store.load_declarations()))
    # Every check runs, opt-in ones included, so the snapshot holds all a support person may need; the
    # candidate's own choices are recorded beside it, and a replay judges with those.
    started = logs.run_started("snapshot")
    all_on = replace(settings, opt_in={**settings.opt_in, "social-sites": True})
    logs.run_finished("snapshot", Engine(recorder, profile, all_on).run(), started)
    text = json.dumps(recorder.snapshot(), indent=1, sort_keys=False) + "\n"
    if args.output:
        from checks.atomic import atomic_write_text

        atomic_write_text(Path(args.output), text)
        print(f"Snapshot written to {shown(args.output)}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _never_fail_to_print() -> None:
    """A character the terminal's encoding lacks (a Japanese agency name under ISO-8859-1) is printed as
    an escape rather than ending the run with a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None, pdf_writer: PdfWriter | None = None) -> int:
    """The engine's command line. `pdf_writer` comes from desktop/ (Qt's PDF writer): the engine never
    imports the face."""
    from checks.snapshot import SnapshotError

    parser = build_parser()
    _never_fail_to_print()
    try:
        args = parser.parse_args(argv)
        if args.command == "check":
            return cmd_check(args, pdf_writer)
        if args.command == "snapshot":
            return cmd_snapshot(args)
        parser.print_help()
        return EXIT_USAGE
    except (ProfileError, SnapshotError, UsageError) as exc:
        print(f"devicecheck: {shown(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
