"""Runs the engine off the GUI thread and reports back through Qt signals (like Dangerzone's startup
adapter). The engine calls back on a worker thread; Qt queues each emission to the receivers' thread,
so slots in the window always run on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from checks import logs
from checks.engine import CHECK_DEADLINE, Engine, RunOptions
from checks.model import CheckResult


class CheckRunner(QObject):
    started = Signal(str)  # a check id
    result = Signal(object)  # a CheckResult
    finished = Signal(list)  # every CheckResult of one run, in catalogue order

    def __init__(
        self, make_engine: Callable[[], Engine], deadline: float = CHECK_DEADLINE, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._make_engine = make_engine
        self.deadline = deadline
        self._active = 0
        self._lock = threading.Lock()

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._active > 0

    def run(self, only: tuple[str, ...] = ()) -> None:
        """Start a run (every check, or just `only`) and return at once."""
        engine = self._make_engine()  # built here, on the GUI thread, from the settings of this moment
        with self._lock:
            self._active += 1
        worker = threading.Thread(target=self._work, args=(engine, only), name="devicecheck-run", daemon=True)
        worker.start()

    def _work(self, engine: Engine, only: tuple[str, ...]) -> None:
        try:
            started = logs.run_started("window", only)
            results = engine.run(
                RunOptions(only=only, deadline=self.deadline),
                on_start=lambda cid: self._emit(self.started, cid),
                on_result=self._emit_result,
            )
            logs.run_finished("window", results, started)
        finally:
            with self._lock:
                self._active -= 1
        self._emit(self.finished, results)

    def _emit_result(self, result: CheckResult) -> None:
        self._emit(self.result, result)

    @staticmethod
    def _emit(signal: object, value: object) -> None:
        try:
            signal.emit(value)  # type: ignore[attr-defined]
        except RuntimeError:  # the window was closed while a check was still running: nobody to tell
            pass
