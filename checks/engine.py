"""Runs checks in parallel and reports each result as it lands.

A judge that raises gives `error` for itself; one that does not finish within the deadline gives `unknown`
and is left behind on a daemon thread; the other checks never wait for it. Callers (the CLI, the Qt
adapter in desktop/) pass callbacks; the engine knows nothing of Qt.
"""

from __future__ import annotations

import queue
import threading
import time as _time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from checks.catalog import CheckContext, CheckSpec, all_specs
from checks.model import CheckResult, ProbeUnknown, Severity, Status, Verdict
from checks.profile import Profile
from checks.settings import UserSettings
from checks.system import ReadDenied, System

CHECK_DEADLINE = 12.0  # seconds for one check; commands inside it time out sooner (3 s each)


@dataclass
class RunOptions:
    only: tuple[str, ...] = ()  # empty: every check
    deadline: float = CHECK_DEADLINE


class Engine:
    def __init__(
        self, system: System, profile: Profile, settings: UserSettings | None = None, at: datetime | None = None
    ) -> None:
        self.system = system
        self.profile = profile
        self.settings = settings or UserSettings()
        self.at = at

    def context(self) -> CheckContext:
        return CheckContext(self.system, self.profile, self.settings, self.at or self.system.now())

    def specs(self, only: Iterable[str] = ()) -> list[CheckSpec]:
        wanted = set(only)
        return [s for s in all_specs() if not wanted or s.id in wanted]

    def is_enabled(self, spec: CheckSpec) -> bool:
        configured = self.profile.checks[spec.id].enabled
        chosen = self.settings.opt_in.get(spec.id)
        # The candidate may turn on an opt-in check; they may not switch off one the agency requires on.
        if spec.opt_in:
            return configured or bool(chosen)
        return configured

    def run(
        self,
        options: RunOptions | None = None,
        on_start: Callable[[str], None] | None = None,
        on_result: Callable[[CheckResult], None] | None = None,
        ctx: CheckContext | None = None,
    ) -> list[CheckResult]:
        options = options or RunOptions()
        ctx = ctx or self.context()
        specs = self.specs(options.only)
        done: queue.Queue[CheckResult] = queue.Queue()
        results: dict[str, CheckResult] = {}
        pending: dict[str, float] = {}

        for spec in specs:
            if on_start:
                on_start(spec.id)
            immediate = self._immediate(spec)
            if immediate is not None:
                done.put(immediate)
                pending[spec.id] = _time.monotonic()
                continue
            pending[spec.id] = _time.monotonic()
            worker = threading.Thread(
                target=self._run_one, args=(spec, ctx, done), name=f"check-{spec.id}", daemon=True
            )
            worker.start()

        while pending:
            deadline = min(pending.values()) + options.deadline
            try:
                result = done.get(timeout=max(0.0, deadline - _time.monotonic()))
            except queue.Empty:
                late = [cid for cid, t0 in pending.items() if _time.monotonic() - t0 >= options.deadline]
                for cid in late:
                    spec = next(s for s in specs if s.id == cid)
                    result = self._result(
                        spec,
                        Verdict.unknown(f"This check took longer than {options.deadline:.0f} seconds and was stopped."),
                        options.deadline,
                    )
                    del pending[cid]
                    results[cid] = result
                    if on_result:
                        on_result(result)
                continue
            if result.id not in pending:  # a late answer after its deadline: already reported
                continue
            del pending[result.id]
            results[result.id] = result
            if on_result:
                on_result(result)
        return [results[s.id] for s in specs]

    def _immediate(self, spec: CheckSpec) -> CheckResult | None:
        if spec.judge is None:
            return self._result(spec, Verdict(Status.SKIPPED, "Not available yet in this version."), 0)
        if not self.is_enabled(spec):
            why = (
                "Turned off. You can turn it on in Settings." if spec.opt_in else "Turned off by your agency's profile."
            )
            return self._result(spec, Verdict(Status.SKIPPED, why), 0)
        return None

    def _run_one(self, spec: CheckSpec, ctx: CheckContext, done: queue.Queue[CheckResult]) -> None:
        started = _time.monotonic()
        assert spec.judge is not None
        try:
            verdict = spec.judge(ctx)
        except ProbeUnknown as exc:
            verdict = Verdict.unknown(str(exc), exc.fix)
        except ReadDenied as exc:
            verdict = Verdict.unknown(f"Device Check is not allowed to read {exc}.")
        except Exception as exc:  # one broken probe must never stop the others
            verdict = Verdict(
                Status.ERROR, f"Something went wrong in this check ({type(exc).__name__}: {str(exc)[:160]})."
            )
        done.put(self._result(spec, verdict, _time.monotonic() - started))

    def _result(self, spec: CheckSpec, verdict: Verdict, seconds: float) -> CheckResult:
        severity = self.profile.checks[spec.id].severity
        status = verdict.status
        if status is Status.FAIL and severity is Severity.RECOMMENDED:
            status = Status.WARN
        return CheckResult(
            id=spec.id,
            status=status,
            severity=severity,
            clause=spec.clause,
            title=spec.title,
            detail=verdict.detail,
            evidence=verdict.evidence,
            fix=verdict.fix if status in (Status.FAIL, Status.WARN, Status.UNKNOWN) else None,
            duration_ms=int(seconds * 1000),
        )
