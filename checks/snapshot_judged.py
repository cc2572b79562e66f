"""What shaped a snapshot's verdicts on the candidate's machine: the profile, the candidate's choices (school
hours, days off, opt-ins, name) and the dates their statements were confirmed. A replay judges with these,
never with the replaying machine's settings, so support sees what the candidate saw."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from checks.profile import (
    Profile,
    ProfileError,
    build_profile,
    default_profile_path,
    load_profile,
    merge,
    read_toml,
    validate,
)
from checks.settings import UserSettings
from checks.snapshot_validate import SnapshotError


@dataclass(frozen=True)
class JudgedWith:
    profile_data: dict[str, Any] | None  # the merged profile (TOML as data); None: the built-in default
    settings: UserSettings = field(default_factory=UserSettings)
    confirmed: dict[str, datetime] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "profile": self.profile_data,
            "settings": {**self.settings.judging(), "candidate_name": self.settings.candidate_name},
            "declarations": {k: v.isoformat(timespec="seconds") for k, v in self.confirmed.items()},
        }

    def profile(self) -> Profile:
        """The candidate's profile. A 0.1.0 snapshot recorded none: then the profile this copy of Device Check
        starts with (the built-in default, with an agency's baked-in profile over it)."""
        if self.profile_data is None:
            return load_profile(None)
        base = read_toml(default_profile_path())
        return build_profile(merge(base, self.profile_data), "the snapshot")

    @classmethod
    def from_snapshot(cls, data: dict[str, Any], path: str) -> JudgedWith:
        """0.1.0 snapshots hold nothing here: the defaults, with every statement unconfirmed."""
        judged = data.get("judged_with")
        if not isinstance(judged, dict):
            return cls(None)
        profile_data = judged.get("profile")
        if profile_data is not None:
            if not isinstance(profile_data, dict):
                raise SnapshotError(f"{path}: judged_with.profile must be a JSON object")
            try:
                validate(profile_data, f"{path}: judged_with.profile")
            except ProfileError as exc:
                raise SnapshotError(str(exc)) from None
        settings = judged.get("settings")
        if not isinstance(settings, dict):
            raise SnapshotError(f"{path}: judged_with.settings must be a JSON object")
        confirmed: dict[str, datetime] = {}
        decls = judged.get("declarations") or {}
        if not isinstance(decls, dict):
            raise SnapshotError(f"{path}: judged_with.declarations must map statement ids to ISO times")
        for did, stamp in decls.items():
            try:
                confirmed[str(did)] = datetime.fromisoformat(str(stamp))
            except ValueError:
                raise SnapshotError(f"{path}: judged_with.declarations[{did!r}] must be an ISO time") from None
        return cls(profile_data, UserSettings.from_json(settings), confirmed)
