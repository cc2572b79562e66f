"""A LiveSystem whose files live under a temporary root: the real file reading code, on test files.

Why this and not a snapshot: the probes' own reads (read_text, list_dir) run for real against real files
and folders the test writes, so a path joined wrongly or a folder listed wrongly fails the test. Only the
root moves; commands still run on this machine."""

from __future__ import annotations

from pathlib import Path

from checks.live import LiveSystem
from checks.system import FileInfo


class RootedSystem(LiveSystem):
    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def _at(self, path: str) -> str:
        return str(self.root / path.lstrip("/"))

    def read_text(self, path: str) -> str | None:
        return super().read_text(self._at(path))

    def list_dir(self, path: str) -> list[str] | None:
        return super().list_dir(self._at(path))

    def file_info(self, path: str) -> FileInfo | None:
        return super().file_info(self._at(path))


def write(root: Path, path: str, text: str) -> Path:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
