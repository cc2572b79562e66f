"""Text that came from the machine, a profile or a snapshot, made safe to print on a terminal.

A file name may hold bytes that are not text in the user's locale (Python keeps them as lone surrogates,
which no encoder accepts) and any name or agency string may hold control characters: an escape sequence
can clear the screen, and a line break can draw a fake "[ OK ]" row. Both are shown escaped instead."""

from __future__ import annotations

from typing import Any


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that did not decode (surrogateescape): show the byte itself
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def shown(text: str) -> str:
    """`text` with every unprintable character (controls, line breaks, undecodable bytes, bidi overrides)
    written as a visible escape, so it stays on one line and draws nothing but itself."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escape(c) for c in text)


def shown_tree(value: Any) -> Any:
    """Every string in a JSON-like value passed through `shown`."""
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, dict):
        return {k: shown_tree(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [shown_tree(v) for v in value]
    return value
