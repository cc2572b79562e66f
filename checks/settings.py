"""The candidate's own choices and declarations, kept in the config folder and written atomically."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from checks.acknowledge import Acknowledgement
from checks.atomic import load_json_or_backup, newer_version_warning, write_json_unless_newer
from checks.paths import config_dir
from checks.profile import DAYS, parse_holiday

SETTINGS_SCHEMA = "devicecheck-settings/1"
DECLARATIONS_SCHEMA = "devicecheck-declarations/1"


@dataclass(frozen=True)
class UserSettings:
    # None = follow the agency profile. Otherwise day -> (start, end), or None for "I don't work that day".
    week: dict[str, tuple[time, time] | None] | None = None
    holidays: tuple[tuple[date, date], ...] = ()
    not_working_on: date | None = None  # "not working today"
    opt_in: dict[str, bool] = field(default_factory=dict)  # check id -> on/off chosen by the candidate
    monitoring: bool = True
    start_at_login: bool = False
    monitor_paused_until: date | None = None  # "pause monitoring until tomorrow"
    candidate_name: str = ""  # who the report is about; entered in Settings

    def judging(self) -> dict[str, Any]:
        """Only what shapes a verdict (school hours, days off, opt-ins), as a snapshot records it for replay."""
        data = self.to_json()
        return {k: data[k] for k in ("week", "holidays", "not_working_on", "opt_in")}

    def to_json(self) -> dict[str, Any]:
        week = None
        if self.week is not None:
            week = {
                d: ({"start": v[0].strftime("%H:%M"), "end": v[1].strftime("%H:%M")} if v else None)
                for d, v in self.week.items()
            }
        return {
            "schema": SETTINGS_SCHEMA,
            "week": week,
            "holidays": [f"{a.isoformat()}..{b.isoformat()}" if a != b else a.isoformat() for a, b in self.holidays],
            "not_working_on": self.not_working_on.isoformat() if self.not_working_on else None,
            "opt_in": dict(self.opt_in),
            "monitoring": self.monitoring,
            "start_at_login": self.start_at_login,
            "monitor_paused_until": self.monitor_paused_until.isoformat() if self.monitor_paused_until else None,
            "candidate_name": self.candidate_name,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> UserSettings:
        """Lenient: a bad field falls back to its default rather than losing the others."""
        out = cls()
        week = data.get("week")
        if isinstance(week, dict):
            parsed: dict[str, tuple[time, time] | None] = {}
            for d in DAYS:
                v = week.get(d)
                try:
                    parsed[d] = (time.fromisoformat(v["start"]), time.fromisoformat(v["end"])) if v else None
                except (TypeError, KeyError, ValueError):
                    parsed[d] = None
            out = replace(out, week=parsed)
        hols = []
        raw_holidays = data.get("holidays")
        for h in raw_holidays if isinstance(raw_holidays, list) else []:
            try:
                hols.append(parse_holiday(h))
            except (TypeError, ValueError):
                continue
        out = replace(out, holidays=tuple(hols))
        out = replace(
            out,
            not_working_on=_date_or_none(data.get("not_working_on")),
            monitor_paused_until=_date_or_none(data.get("monitor_paused_until")),
        )
        opt_in = data.get("opt_in")
        if isinstance(opt_in, dict):
            out = replace(out, opt_in={str(k): bool(v) for k, v in opt_in.items() if isinstance(v, bool)})
        if isinstance(data.get("monitoring"), bool):
            out = replace(out, monitoring=data["monitoring"])
        if isinstance(data.get("start_at_login"), bool):
            out = replace(out, start_at_login=data["start_at_login"])
        if isinstance(data.get("candidate_name"), str):
            out = replace(out, candidate_name=clean_name(data["candidate_name"]))
        return out


def clean_name(text: str) -> str:
    """A person's name on one line: control characters dropped, spaces collapsed, at most 100 characters."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())[:100]


def _date_or_none(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


class SettingsStore:
    """Loads and saves settings.json and declarations.json in one folder. `warnings` holds what went wrong."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or config_dir()
        self.warnings: list[str] = []

    def _warn(self, warning: str | None) -> None:
        """Each problem with a file is said once, however often the file is read (declarations and the
        acknowledgements beside them share one file)."""
        if warning and warning not in self.warnings:
            self.warnings.append(warning)

    @property
    def settings_path(self) -> Path:
        return self.folder / "settings.json"

    @property
    def declarations_path(self) -> Path:
        return self.folder / "declarations.json"

    def load_settings(self) -> UserSettings:
        data, warning = load_json_or_backup(self.settings_path, SETTINGS_SCHEMA)
        self._warn(warning)
        return UserSettings.from_json(data) if data else UserSettings()

    def save_settings(self, settings: UserSettings) -> bool:
        """False when settings.json is from a newer version: it is kept, and `warnings` says so once."""
        return self._save(self.settings_path, settings.to_json(), SETTINGS_SCHEMA)

    def _save(self, path: Path, data: dict[str, Any], schema: str) -> bool:
        if write_json_unless_newer(path, data, schema):
            return True
        warning = newer_version_warning(path, "a later schema than " + schema)
        if not any(w.startswith(f"{path}: made by a newer version") for w in self.warnings):
            self.warnings.append(warning)
        return False

    def _declarations_file(self) -> dict[str, Any]:
        data, warning = load_json_or_backup(self.declarations_path, DECLARATIONS_SCHEMA)
        self._warn(warning)
        return data or {}

    def load_declarations(self) -> dict[str, datetime]:
        out: dict[str, datetime] = {}
        confirmed = self._declarations_file().get("confirmed")
        for did, stamp in confirmed.items() if isinstance(confirmed, dict) else ():
            try:
                out[str(did)] = datetime.fromisoformat(stamp)
            except (TypeError, ValueError):
                continue
        return out

    def load_acknowledgements(self) -> dict[str, Acknowledgement]:
        """ "Talked to my consultant" marks, kept beside the declarations (they are the candidate's word too)."""
        out: dict[str, Acknowledgement] = {}
        marks = self._declarations_file().get("acknowledged")
        for cid, entry in marks.items() if isinstance(marks, dict) else ():
            ack = Acknowledgement.from_json(str(cid), entry)
            if ack is not None:
                out[ack.check_id] = ack
        return out

    def save_declarations(
        self, confirmed: dict[str, datetime], acknowledged: dict[str, Acknowledgement] | None = None
    ) -> bool:
        """Both halves of the file are written together; the half not given is kept as it is on disk. False
        when declarations.json is from a newer version: it is kept, and `warnings` says so once."""
        if acknowledged is None:
            acknowledged = self.load_acknowledgements()
        return self._save(
            self.declarations_path,
            {
                "schema": DECLARATIONS_SCHEMA,
                "confirmed": {k: v.isoformat(timespec="seconds") for k, v in confirmed.items()},
                "acknowledged": {k: v.to_json() for k, v in acknowledged.items()},
            },
            DECLARATIONS_SCHEMA,
        )

    def save_acknowledgements(self, acknowledged: dict[str, Acknowledgement]) -> bool:
        return self.save_declarations(self.load_declarations(), acknowledged)
