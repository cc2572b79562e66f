"""What the window works on, without Qt: the profile, the candidate's settings and declarations, and the
engine built from them. Kept apart from the widgets so tests and the tray helper can share it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from checks.acknowledge import Acknowledgement, acknowledge
from checks.catalogue import CATALOGUE
from checks.check import Check
from checks.context import CheckContext
from checks.engine import Engine
from checks.model import CheckResult
from checks.outcome import outcome_of, summary_line
from checks.policy import DeclarationState, declaration_states
from checks.profile import Profile, load_profile
from checks.report import RunInfo, build_report
from checks.settings import SettingsStore, UserSettings
from checks.system import System


@dataclass
class Session:
    profile: Profile
    system: System
    store: SettingsStore
    settings: UserSettings
    confirmed: dict[str, datetime]
    at: datetime | None = None  # judge as if it were this time (replays, screenshots); None: the clock
    warnings: list[str] = field(default_factory=list)
    checks: tuple[Check, ...] = CATALOGUE  # what the engine runs; tests pass stand-ins
    replay_of: str | None = None  # the snapshot file under `--replay`: the report says it is not this laptop
    acknowledged: dict[str, Acknowledgement] = field(default_factory=dict)  # "Talked to my consultant" marks
    first_run: bool = False  # no settings saved yet: the window offers the welcome

    @classmethod
    def open(
        cls,
        profile_path: str | None = None,
        system: System | None = None,
        config_dir: Path | None = None,
        at: datetime | None = None,
        checks: tuple[Check, ...] = CATALOGUE,
        replay_of: str | None = None,
    ) -> Session:
        """Load everything the window needs. A damaged settings or declarations file never stops the app:
        SettingsStore keeps it as .bak and `warnings` says so in one line."""
        if system is None:
            from checks.live import LiveSystem

            system = LiveSystem()
        store = SettingsStore(config_dir)
        first_run = not store.settings_path.exists()
        settings = store.load_settings()
        confirmed = store.load_declarations()
        acknowledged = store.load_acknowledgements()
        judged = getattr(system, "judged_with", None) if replay_of else None
        if judged is not None:  # a replay judges as the candidate's machine did (checks/snapshot_judged.py)
            profile = load_profile(profile_path) if profile_path else judged.profile()
            settings, confirmed, acknowledged = judged.settings, dict(judged.confirmed), {}
        else:
            profile = load_profile(profile_path)
        session = cls(profile, system, store, settings, confirmed, at, list(store.warnings), checks, replay_of)
        session.acknowledged = acknowledged
        session.first_run = first_run and replay_of is None
        return session

    def engine(self) -> Engine:
        return Engine(self.system, self.profile, self.settings, self.at, self.checks)

    def context(self) -> CheckContext:
        return self.engine().context()

    def now(self) -> datetime:
        return self.at or self.system.now()

    def declarations(self) -> list[DeclarationState]:
        return declaration_states(self.profile.declarations, self.confirmed)

    def confirm(self, declaration_id: str, confirmed: bool) -> None:
        """Tick or untick a declaration, saved at once (atomically)."""
        if confirmed:
            self.confirmed[declaration_id] = self.now()
        else:
            self.confirmed.pop(declaration_id, None)
        self.store.save_declarations(self.confirmed)

    def acknowledge(self, check_id: str, days: int, note: str = "") -> Acknowledgement:
        """Mark a failing required check "Talked to my consultant" for `days` (at most the profile's)."""
        ack = acknowledge(check_id, self.now(), days, self.profile.acknowledge_max_days, note)
        marks = {**self.acknowledged, check_id: ack}
        self.store.save_acknowledgements(marks)
        self.acknowledged = marks
        return ack

    def end_acknowledgement(self, check_id: str) -> None:
        marks = {k: v for k, v in self.acknowledged.items() if k != check_id}
        self.store.save_acknowledgements(marks)
        self.acknowledged = marks

    def save_settings(self, settings: UserSettings) -> None:
        self.store.save_settings(settings)
        self.settings = settings

    def run_info(self) -> RunInfo:
        replay = self.replay_of
        return RunInfo(
            at_overridden=self.at is not None,
            replay_file=Path(replay).name if replay else None,
            replay_recorded_at=self.system.now().isoformat(timespec="seconds") if replay else None,
        )

    def outcome(self, results: list[CheckResult]) -> str:
        """The one outcome the window's headline, the tray and the report share (checks/outcome.py)."""
        return outcome_of(results, self.declarations(), self.now())

    def summary_line(self, results: list[CheckResult]) -> str:
        return summary_line(results, self.declarations(), self.now())

    def report(self, results: list[CheckResult]) -> dict[str, object]:
        ctx = self.context()
        return build_report(
            results,
            self.profile,
            ctx.platform,
            ctx.school_day,
            self.declarations(),
            ctx.now,
            candidate=self.settings.candidate_name,
            run=self.run_info(),
            acknowledged=self.acknowledged,
        )
