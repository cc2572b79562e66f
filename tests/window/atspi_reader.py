"""Read an application's accessibility tree from the real AT-SPI bus, as a screen reader does.

Run with the system's python3 (pyatspi is Debian's python3-pyatspi, not a PyPI package), inside a session
where at-spi2-core's bus launcher runs:  python3 atspi_reader.py PID  ->  one JSON list on stdout, one entry
per object in tree order: depth, role, name, description, states and (for text) the words shown."""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]

MAX_OBJECTS = 5000  # a runaway tree ends the walk instead of the test machine's memory


def find_application(pid: int, timeout: float) -> object:
    """The app registers with the AT-SPI registry shortly after it starts: wait for it, within `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.get_process_id() == pid:
                return app
        if time.monotonic() > deadline:
            names = [a.name for a in desktop if a is not None]
            raise SystemExit(f"no application with pid {pid} on the accessibility bus (found {names})")
        time.sleep(0.1)  # another process's registration: nothing to wait on but the registry itself


def text_of(node: object) -> str:
    try:
        text = node.queryText()  # type: ignore[attr-defined]
    except NotImplementedError:
        return ""
    return str(text.getText(0, min(text.characterCount, 2000)))


def walk(app: object) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    stack: list[tuple[object, int]] = [(app, 0)]
    while stack and len(out) < MAX_OBJECTS:
        node, depth = stack.pop()
        if node is None:
            continue
        states = sorted(pyatspi.stateToString(s) for s in node.getState().getStates())  # type: ignore[attr-defined]
        out.append(
            {
                "depth": depth,
                "role": node.getRoleName(),  # type: ignore[attr-defined]
                "name": node.name or "",  # type: ignore[attr-defined]
                "description": node.description or "",  # type: ignore[attr-defined]
                "states": states,
                "text": text_of(node),
            }
        )
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]  # type: ignore[attr-defined]
        stack.extend((child, depth + 1) for child in reversed(children))
    return out


def main(argv: list[str]) -> int:
    app = find_application(int(argv[1]), float(argv[2]) if len(argv) > 2 else 20.0)
    json.dump(walk(app), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
