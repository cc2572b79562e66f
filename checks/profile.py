"""Agency profiles: TOML, validated on load, layered over the built-in default.

A profile names only what it changes. Tables merge key by key; `[[social_apps]]` merge by `name` (an
entry with a known name replaces that app, `enabled = false` drops it, a new name adds one)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checks.bounded import SMALL_FILE_BYTES, FileError, read_named_text
from checks.model import Severity
from checks.paths import resource
from checks.profile_rules import (
    _ID,
    APP_KEYS,
    CHECK_KEYS,
    DECLARATION_KEYS,
    _check_table,
    _fail,
    _one_line,
    check_ids,
)
from checks.profile_rules import CYBER_ESSENTIALS_CONTROLS as CYBER_ESSENTIALS_CONTROLS
from checks.profile_rules import DAYS as DAYS
from checks.profile_rules import OSES as OSES
from checks.profile_rules import SCHEMA as SCHEMA
from checks.profile_rules import ProfileError as ProfileError
from checks.profile_rules import parse_holiday as parse_holiday

if TYPE_CHECKING:
    from checks.profile_policy import PolicyText


@dataclass(frozen=True)
class Agency:
    name: str = ""
    consultant_name: str = ""
    consultant_phone: str = ""
    consultant_email: str = ""
    policy_url: str = ""
    accent_colour: str = "#1f5fa8"
    logo: str = ""


@dataclass(frozen=True)
class SchoolHours:
    days: tuple[str, ...]
    start: time
    end: time
    holidays: tuple[tuple[date, date], ...] = ()


@dataclass(frozen=True)
class CheckConfig:
    enabled: bool
    severity: Severity
    cyber_essentials: tuple[str, ...] = ()  # the Cyber Essentials controls this check gives evidence for


@dataclass(frozen=True)
class SocialApp:
    name: str
    processes: dict[str, tuple[str, ...]]
    domains: tuple[str, ...] = ()


@dataclass(frozen=True)
class DeclarationSpec:
    id: str
    clause: int
    text: str
    review_days: int
    cyber_essentials: tuple[str, ...] = ()


@dataclass(frozen=True)
class UpdatesConfig:
    max_days: int = 14  # the last update must have been installed within this many days
    # The lowest OS version the agency accepts, by "windows", "darwin" or an os-release ID ("debian").
    min_versions: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MalwareConfig:
    linux_require_clamav: bool = False  # off: malware protection is not needed on Linux for this check


@dataclass(frozen=True)
class Profile:
    agency: Agency
    school_hours: SchoolHours
    max_idle_minutes: int
    max_grace_seconds: int
    checks: dict[str, CheckConfig]
    social_apps: tuple[SocialApp, ...]
    declarations: tuple[DeclarationSpec, ...]
    monitor_interval_seconds: int
    updates: UpdatesConfig = field(default_factory=UpdatesConfig)
    malware: MalwareConfig = field(default_factory=MalwareConfig)
    version: str = ""
    source: str = "default"
    report_valid_days: int = 30  # [report] valid_days: how long a report stands, at most
    acknowledge_max_days: int = 7  # [acknowledge] max_days: how long "Talked to my consultant" lasts, at most
    policy: PolicyText | None = None  # None: the built-in policy (resources/policy/) is the one in use
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


def validate(data: dict[str, Any], path: str) -> None:
    """Raise ProfileError for the first unknown key or bad value."""
    allowed_top = set(SCHEMA) | {"checks", "social_apps", "declarations", "policy"}
    for top, value in data.items():
        if top not in allowed_top:
            raise _fail(path, top, f"unknown section; allowed: {', '.join(sorted(allowed_top))}")
        if top in SCHEMA:
            _check_table(path, f"[{top}]", value, SCHEMA[top], f"a table, like [{top}]")
    for table in ("checks", "declarations"):
        if not isinstance(data.get(table, {}), dict):
            raise _fail(path, table, f"must be tables, like [{table}.<id>]")
    for cid, conf in (data.get("checks") or {}).items():
        if cid not in check_ids():
            raise _fail(path, f"[checks.{cid}]", f"unknown check; allowed: {', '.join(check_ids())}")
        _check_table(path, f"[checks.{cid}]", conf, CHECK_KEYS)
    for did, conf in (data.get("declarations") or {}).items():
        if not _ID.fullmatch(did):
            raise _fail(path, f"[declarations.{did}]", "must be a table with a lower-case id")
        _check_table(path, f"[declarations.{did}]", conf, DECLARATION_KEYS, "a table with a lower-case id")
    if "policy" in data:
        from checks.profile_policy import validate_policy  # here: it builds on this module's helpers

        validate_policy(data["policy"], path)
    apps = data.get("social_apps", [])
    if not isinstance(apps, list):
        raise _fail(path, "social_apps", "must be written as [[social_apps]] tables")
    for i, app in enumerate(apps):
        if not isinstance(app, dict) or not isinstance(app.get("name"), str) or not app["name"]:
            raise _fail(path, f"[[social_apps]] #{i + 1}", "needs a name")
        _check_table(path, f"[[social_apps]] {app['name']!r}", app, APP_KEYS)


def read_toml(path: Path) -> dict[str, Any]:
    try:
        text = read_named_text(path, SMALL_FILE_BYTES, "profile", "save the profile as UTF-8")
    except FileError as exc:
        raise ProfileError(str(exc)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: not valid TOML ({_one_line(str(exc))})") from None
    except RecursionError:
        raise ProfileError(f"{path}: not valid TOML (nested too deeply)") from None
    validate(data, str(path))
    return data


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = {k: (dict(v) if isinstance(v, dict) else v) for k, v in base.items()}
    for key, value in override.items():
        if key == "policy":  # a policy is the agency's whole text: a later profile's replaces it, never mixes
            out[key] = value
        elif key == "social_apps":
            apps = {a["name"].lower(): a for a in out.get("social_apps", [])}
            for app in value:
                apps[app["name"].lower()] = app
            out["social_apps"] = [a for a in apps.values() if a.get("enabled", True)]
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def default_profile_path() -> Path:
    return resource("profiles", "default.toml")


def baked_profile_path() -> Path | None:
    """An installer's own profile (packaging/package.py --profile copies it here)."""
    path = resource("profiles", "agency.toml")
    return path if path.is_file() else None


def load_profile(path: str | Path | None = None) -> Profile:
    """The default profile, then the installer's baked-in one, then `path` if given."""
    from checks.profile_policy import read_policy_file

    data = read_toml(default_profile_path())
    source = "default"
    for layer in (baked_profile_path(), Path(path) if path else None):
        if layer is not None:
            layer_data = read_toml(layer)
            policy = layer_data.get("policy")
            if isinstance(policy, dict):
                layer_data["policy"] = (
                    read_policy_file(policy, layer) if "file" in policy else {**policy, "source": str(layer)}
                )
            data = merge(data, layer_data)
            source = str(layer)
    return build_profile(data, source)


def build_profile(data: dict[str, Any], source: str) -> Profile:
    hours = data["school_hours"]
    start, end = time.fromisoformat(hours["start"]), time.fromisoformat(hours["end"])
    if end <= start:
        raise ProfileError(f"{source}: [school_hours] end: must be after start ({hours['start']})")
    for did, decl in (data.get("declarations") or {}).items():
        if not str(decl.get("text", "")).strip():  # checked once the layers are merged: a profile may change
            # only the review days of a statement another layer words
            raise ProfileError(f"{source}: [declarations.{did}] text: a statement needs words for the candidate")
    checks = {
        cid: CheckConfig(
            bool(data.get("checks", {}).get(cid, {}).get("enabled", True)),
            Severity(data.get("checks", {}).get(cid, {}).get("severity", "required")),
            tuple(data.get("checks", {}).get(cid, {}).get("cyber_essentials", ())),
        )
        for cid in check_ids()
    }
    apps = tuple(
        SocialApp(
            name=a["name"],
            processes={os_name: tuple(a.get("processes", {}).get(os_name, ())) for os_name in OSES},
            domains=tuple(d.lower().lstrip(".") for d in a.get("domains", ())),
        )
        for a in data.get("social_apps", [])
        if a.get("enabled", True)
    )
    decls = tuple(
        DeclarationSpec(
            did,
            int(d.get("clause", 0)),
            str(d.get("text", "")),
            int(d.get("review_days", 365)),
            tuple(d.get("cyber_essentials", ())),
        )
        for did, d in (data.get("declarations") or {}).items()
    )
    updates = data.get("updates", {})
    from checks.profile_policy import check_clause_numbers, policy_text

    policy = policy_text(data)
    check_clause_numbers(policy, checks, decls, source)
    return Profile(
        agency=Agency(**data.get("agency", {})),
        school_hours=SchoolHours(
            tuple(hours["days"]), start, end, tuple(parse_holiday(h) for h in hours.get("holidays", []))
        ),
        max_idle_minutes=int(data["lock"]["max_idle_minutes"]),
        max_grace_seconds=int(data["lock"]["max_grace_seconds"]),
        checks=checks,
        social_apps=apps,
        declarations=decls,
        monitor_interval_seconds=int(data.get("monitor", {}).get("interval_seconds", 60)),
        updates=UpdatesConfig(int(updates.get("max_days", 14)), dict(updates.get("min_versions", {}))),
        malware=MalwareConfig(bool(data.get("malware", {}).get("linux_require_clamav", False))),
        version=str(data.get("profile", {}).get("version", "")),
        source=source,
        report_valid_days=int(data.get("report", {}).get("valid_days", 30)),
        acknowledge_max_days=int(data.get("acknowledge", {}).get("max_days", 7)),
        policy=policy,
        raw=data,
    )
