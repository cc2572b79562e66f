"""Small tools the fuzz tests share: a TOML writer for generated dicts, and the one-line message check."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

# Text TOML can carry: no lone surrogates (TOML strings are Unicode scalar values).
toml_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)


def toml_value(value: Any) -> str:
    """A TOML literal for a JSON-like value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if value == value and abs(value) != float("inf") else "nan"
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_string(str(k))} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(type(value))


def toml_string(text: str) -> str:
    """A TOML basic string: quotes and backslashes escaped, control characters as \\uXXXX."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def to_toml(doc: dict[str, Any]) -> str:
    """Every top-level key as `key = value` (inline tables and arrays are valid at the root)."""
    return "".join(f"{toml_string(str(k))} = {toml_value(v)}\n" for k, v in doc.items())


def assert_one_line_naming(message: str, path: str) -> None:
    assert path in message, message
    assert "\n" not in message and "\r" not in message, repr(message)
    assert "Traceback" not in message


def mostly(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any], one_in: int = 8) -> st.SearchStrategy[Any]:
    """`good` most of the time and `bad` about once in `one_in` draws. (st.one_of with a repeated branch
    does not weight it: hypothesis merges the copies.)"""
    return st.integers(0, one_in - 1).flatmap(lambda i: bad if i == one_in - 1 else good)
