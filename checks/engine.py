"""Runs checks in parallel and reports each result as it lands.

A judge that raises gives `error` for itself; one that does not finish within the deadline gives `unknown`
and is left behind on a daemon thread; the other checks never wait for it. Callers (the CLI, the Qt
adapter in desktop/) pass callbacks; the engine knows nothing of Qt.
"""

from __future__ import annotations

import logging
import queue
import threading
import time as _time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from checks.bounded import NotARegularFile, TooBig
from checks.catalogue import CATALOGUE
from checks.check import Check
from checks.context import CheckContext
from checks.facts import Platform
from checks.model import CheckResult, ProbeUnknown, Severity, Status, Verdict
from checks.profile import Profile
from checks.settings import UserSettings
from checks.system import ReadDenied, System

log = logging.getLogger(__name__)

CHECK_DEADLINE = 12.0  # seconds for one check; commands inside it time out sooner (3 s each)


@dataclass
class RunOptions:
    only: tuple[str, ...] = ()  # empty: every check
    deadline: float = CHECK_DEADLINE


class Engine:
    def __init__(
        self,
        system: System,
        profile: Profile,
        settings: UserSettings | None = None,
        at: datetime | None = None,
        checks: tuple[Check, ...] = CATALOGUE,
    ) -> None:
        self.checks = checks
        self.system = system
        self.profile = profile
        self.settings = settings or UserSettings()
        self.at = at

    def context(self) -> CheckContext:
        return CheckContext(self.system, self.profile, self.settings, self.at or self.system.now())

    def specs(self, only: Iterable[str] = ()) -> list[Check]:
        wanted = set(only)
        return [c for c in self.checks if not wanted or c.id in wanted]

    def is_enabled(self, spec: Check) -> bool:
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
        platform = ctx.platform
        checks = self.specs(options.only)
        done: queue.Queue[CheckResult] = queue.Queue()
        results: dict[str, CheckResult] = {}
        pending: dict[str, float] = {}
        log.info("run: %d checks on %s (%s)", len(checks), platform.os, platform.desktop or platform.desktop_raw)

        for check in checks:
            if on_start:
                on_start(check.id)
            pending[check.id] = _time.monotonic()
            if not self.is_enabled(check):
                why = (
                    "Turned off. You can turn it on in Settings."
                    if check.opt_in
                    else "Turned off by your agency's profile."
                )
                done.put(self._result(check, Verdict(Status.SKIPPED, why), 0, platform))
                continue
            worker = threading.Thread(
                target=self._run_one, args=(check, ctx, platform, done), name=f"check-{check.id}", daemon=True
            )
            worker.start()

        while pending:
            deadline = min(pending.values()) + options.deadline
            try:
                result = done.get(timeout=max(0.0, deadline - _time.monotonic()))
            except queue.Empty:
                late = [cid for cid, t0 in pending.items() if _time.monotonic() - t0 >= options.deadline]
                for cid in late:
                    check = next(c for c in checks if c.id == cid)
                    log.warning("check %s passed its %.0f s deadline", cid, options.deadline)
                    result = self._result(
                        check,
                        Verdict.unknown(f"This check took longer than {options.deadline:.0f} seconds and was stopped."),
                        options.deadline,
                        platform,
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
            log.info("check %s: %s in %d ms", result.id, result.status.value, result.duration_ms)
            if on_result:
                on_result(result)
        return [results[c.id] for c in checks]

    def _run_one(self, check: Check, ctx: CheckContext, platform: Platform, done: queue.Queue[CheckResult]) -> None:
        started = _time.monotonic()
        try:
            verdict = check.judge(ctx)
        except ProbeUnknown as exc:
            verdict = Verdict.unknown(str(exc), fix_key=exc.fix_key)
        except (NotARegularFile, TooBig) as exc:
            verdict = Verdict.unknown(f"Device Check could not read {exc}.")
        except ReadDenied as exc:
            verdict = Verdict.unknown(f"Device Check is not allowed to read {exc}.")
        except Exception as exc:  # one broken probe must never stop the others
            log.exception("check %s raised", check.id)  # the traceback is for support; the row gets one line
            verdict = Verdict(
                Status.ERROR, f"Something went wrong in this check ({type(exc).__name__}: {str(exc)[:160]})."
            )
        done.put(self._result(check, verdict, _time.monotonic() - started, platform))

    def _result(self, check: Check, verdict: Verdict, seconds: float, platform: Platform) -> CheckResult:
        severity = self.profile.checks[check.id].severity
        status = verdict.status
        if status is Status.FAIL and severity is Severity.RECOMMENDED:
            status = Status.WARN
        needs_fix = status in (Status.FAIL, Status.WARN, Status.UNKNOWN)
        fix = check.fix_for(platform, verdict.fix_key) if needs_fix else None
        if fix is not None and verdict.it_helper:
            fix = replace(fix, it_helper=(*verdict.it_helper, *fix.it_helper))
        return CheckResult(
            id=check.id,
            status=status,
            severity=severity,
            clause=check.clause,
            title=check.titles.for_status(status),
            detail=verdict.detail,
            evidence=verdict.evidence,
            fix=fix,
            duration_ms=int(seconds * 1000),
        )
