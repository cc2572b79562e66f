"""`devicecheck --help` names every option a person can give: the window's and each command's."""

from __future__ import annotations

import argparse

from checks.cli import build_parser as cli_parser
from desktop.app import build_parser as window_parser
from tests.conftest import run_cli


def shown_options(parser: argparse.ArgumentParser) -> set[str]:
    """The option strings a parser offers, leaving out the hidden ones (help=SUPPRESS)."""
    return {
        flag
        for action in parser._actions
        if action.help != argparse.SUPPRESS and not isinstance(action, argparse._SubParsersAction)
        for flag in action.option_strings
    }


def command_parsers() -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in cli_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_help_lists_the_window_options_and_every_command_option() -> None:
    proc = run_cli("--help")
    assert proc.returncode == 0, proc.stderr
    words = proc.stdout
    wanted = shown_options(window_parser()) | shown_options(cli_parser())
    for parser in command_parsers().values():
        wanted |= shown_options(parser)
    assert {"--profile", "--tray", "--json", "--pdf", "--only", "--output"} <= wanted
    missing = sorted(flag for flag in wanted if flag not in words)
    assert not missing, f"not in --help: {missing}\n{words}"
    for name in command_parsers():
        assert name in words


def test_help_never_shows_the_hidden_support_options() -> None:
    words = run_cli("--help").stdout
    for hidden in ("--screenshot", "--quit-when-done", "--config-dir"):
        assert hidden not in words


def test_window_and_help_describe_profile_and_tray_alike() -> None:
    """One wording: the window's parser and the help take the same text."""

    def helps(parser: argparse.ArgumentParser) -> dict[str, str | None]:
        return {a.option_strings[0]: a.help for a in parser._actions if a.option_strings}

    window, cli = helps(window_parser()), helps(cli_parser())
    assert window["--profile"] == cli["--profile"]
    assert window["--tray"] == cli["--tray"]
