"""A System whose every answer is drawn by hypothesis: the fuzz driver for probes and judges.

Command output is recorded real output (tests/fixtures), mutated, or arbitrary text; files, folders,
registry values, processes, database rows and the keyring likewise. Probes and judges must turn any of it
into facts, a verdict or ProbeUnknown, whatever it holds."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import strategies as st

from checks.system import CommandResult, FileInfo, KeyringState, ProcessInfo, ReadDenied, System

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _seeds() -> list[str]:
    """Every recorded output we hold: fixture files, the command output inside recorded snapshots, and the
    texts in tests/fixtures/recorded_output.py (Windows and macOS output quoted from public sources)."""
    import json

    texts: set[str] = set()
    for path in FIXTURES.rglob("*"):
        if not path.is_file() or path.name.endswith(".source.txt") or path.stat().st_size > 200_000:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".json":
            try:
                data = json.loads(text)
            except ValueError:
                data = None
            if isinstance(data, dict) and isinstance(data.get("commands"), list):
                texts.update(str(c.get("stdout", "")) for c in data["commands"] if isinstance(c, dict))
                continue
        if path.suffix != ".py":
            texts.add(text)
    try:
        from tests.fixtures import recorded_output
    except ImportError:
        pass
    else:
        texts.update(v for k, v in vars(recorded_output).items() if k.isupper() and isinstance(v, str))
    return sorted(texts) or [""]


SEEDS = _seeds()
TOKENS = [
    "true",
    "false",
    "0",
    "300",
    "-1",
    "uint32 300",
    "int32 -5",
    "@as []",
    "'lock'",
    "[Daemon]",
    "Autolock=false",
    "Timeout=5",
    "Timeout=",
    "LockGrace=",
    "Autolock=",
    "[Daemon][$i]",
    "[daemon]",
    "AutomaticLoginEnable=True",
    "AutomaticLogin=sam",
    "P",
    "NP",
    "L",
    "{",
    "}",
    "[",
    "]",
    '"children": [',
    "crypt",
    "/",
    "=",
    "\n",
    "\t",
    "\x00",
    "\ufffd",
    "9" * 30,
    "1e400",
    "NaN",
    "Enabled : Yes",
    "FileVault is On.",
    "FileVault is Off.",
    "Protection Status: Protection On",
    "0x1",
    "REG_DWORD",
    "null",
]


CONFIG_KEYS = [
    "Timeout",
    "LockGrace",
    "Autolock",
    "LockOnResume",
    "RequirePassword",
    "AutomaticLoginEnable",
    "AutomaticLogin",
    "User",
    "Session",
    "autologin-user",
    "autologin-session",
    "ExecStart",
    "user",
    "command",
    "/saver/enabled",
    "/saver/idle-activation/delay",
    "/lock/enabled",
    "/lock/saver-activation/delay",
]
CONFIG_VALUES = [
    "0",
    "5",
    "-5",
    "nan",
    "inf",
    "-inf",
    "1e400",
    "0x10",
    "true",
    "false",
    "True",
    "yes",
    "",
    " ",
    "sam",
    "2.5",
    "99999999999999999999",
    "-",
    "/sbin/agetty --autologin sam",
    "\u00e9",
]
GROUPS = [
    "[Daemon]",
    "[daemon]",
    "[Autologin]",
    "[Seat:*]",
    "[SeatDefaults]",
    "[Service]",
    "[initial_session]",
    "[General]",
]


@st.composite
def config_lines(draw: st.DrawFn, keys: list[str] = CONFIG_KEYS, groups: list[str] = GROUPS) -> str:
    """Settings-file-like text: a group, then key=value lines (also xfconf's `path  value` and GVariant
    forms), now and then another group."""
    lines = [draw(st.sampled_from(groups))] if draw(st.integers(0, 3)) else []
    for _ in range(draw(st.integers(0, 8))):
        shape = draw(st.integers(0, 5))
        key, value = draw(st.sampled_from(keys)), draw(st.sampled_from(CONFIG_VALUES))
        if shape == 0:
            lines.append(draw(st.sampled_from(groups)))
        elif shape == 1:
            lines.append(f"{draw(st.sampled_from(['uint32', 'int32', 'double', '']))} {value}")
        elif shape == 2:
            lines.append(f"{key}  {value}")
        else:
            lines.append(f"{key}={value}")
    return "\n".join(lines) + draw(st.sampled_from(["\n", ""]))


@st.composite
def outputs(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 5))
    if kind == 5:
        return draw(config_lines())
    if kind == 0:
        return draw(st.text(max_size=120))
    if kind == 1:
        return "".join(draw(st.lists(st.sampled_from(TOKENS) | st.text(max_size=4), max_size=20)))
    seed = draw(st.sampled_from(SEEDS))
    i = draw(st.integers(0, len(seed)))
    j = draw(st.integers(i, len(seed)))
    if kind == 2:  # a recorded output with a stretch replaced
        return seed[:i] + draw(st.text(max_size=10) | st.sampled_from(TOKENS)) + seed[j:]
    if kind == 3:  # cut short, as a command killed half way would leave it
        return seed[:i]
    return seed


class FuzzSystem(System):
    def __init__(self, data: st.DataObject, platform: str, env: dict[str, str]) -> None:
        self.data = data
        self.platform = platform
        self.env = env
        self.user = "sam"
        self.home = {"windows": "C:\\Users\\sam", "darwin": "/Users/sam"}.get(platform, "/home/sam")

    def _draw(self, strategy: st.SearchStrategy[object], label: str) -> object:
        return self.data.draw(strategy, label=label)

    def run(self, argv: Sequence[str], timeout: float = 3.0) -> CommandResult:
        args = tuple(argv)
        kind = self.data.draw(
            st.sampled_from(["ok", "ok", "ok", "exit", "missing", "timed_out"]), label=f"run {args[:3]}"
        )
        if kind == "missing":
            return CommandResult(args, 127, missing=True)
        if kind == "timed_out":
            return CommandResult(args, -1, timed_out=True)
        code = 0 if kind == "ok" else self.data.draw(st.sampled_from([1, 2, 3, 126, 255, -9]))
        return CommandResult(args, code, self.data.draw(outputs()), self.data.draw(outputs()))

    def read_text(self, path: str) -> str | None:
        kind = self.data.draw(st.sampled_from(["text"] * 5 + ["absent"] * 2 + ["denied"]), label=f"read {path}")
        if kind == "denied":
            raise ReadDenied(path)
        return self.data.draw(outputs()) if kind == "text" else None

    def list_dir(self, path: str) -> list[str] | None:
        kind = self.data.draw(st.sampled_from(["names"] * 5 + ["absent"] * 2 + ["denied"]), label=f"list {path}")
        if kind == "denied":
            raise ReadDenied(path)
        if kind == "absent":
            return None
        names = st.text(min_size=1, max_size=20) | st.sampled_from(
            [
                "passwords.txt",
                "logins.csv",
                "Default",
                "Profile 1",
                "abc.default-release",
                "50-autologin.conf",
                "sddm.conf",
            ]
        )
        return sorted(set(self.data.draw(st.lists(names, max_size=6))))

    def file_info(self, path: str) -> FileInfo | None:
        if self.data.draw(st.booleans(), label=f"stat {path}"):
            return None
        return FileInfo(
            self.data.draw(st.integers(0, 2**40)), self.data.draw(st.floats(0, 2e9)), self.data.draw(st.booleans())
        )

    def which(self, program: str) -> str | None:
        return self.data.draw(st.none() | st.just(f"/usr/bin/{program}"), label=f"which {program}")

    def registry_values(self, key: str, names: Sequence[str]) -> dict[str, str | int]:
        out: dict[str, str | int] = {}
        for name in names:
            if name.lower() in ("defaultpassword", "altdefaultpassword"):
                raise AssertionError(f"a probe asked for the secret registry value {name}")
            value = self.data.draw(st.none() | st.integers(-(2**31), 2**32) | outputs(), label=f"reg {key}\\{name}")
            if value is not None:
                out[name] = value  # type: ignore[assignment]
        return out

    def processes(self) -> list[ProcessInfo]:
        names = st.text(max_size=15) | st.sampled_from(
            ["Discord", "Discord.exe", "discord", "tiktok", "WhatsApp", "bash"]
        )
        procs = self.data.draw(
            st.lists(
                st.tuples(
                    st.integers(0, 2**22), names, st.text(max_size=20), st.lists(st.text(max_size=20), max_size=3)
                ),
                max_size=8,
            ),
            label="processes",
        )
        return [ProcessInfo(pid, name, exe, tuple(cmd)) for pid, name, exe, cmd in procs]

    def sqlite_query(self, path: str, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]] | None:
        kind = self.data.draw(st.sampled_from(["rows", "rows", "absent", "denied"]), label=f"sql {path}")
        if kind == "denied":
            raise ReadDenied(path)
        if kind == "absent":
            return None
        cell = (
            st.none()
            | st.integers()
            | st.integers(-(2**63), 2**63 - 1)
            | st.text(max_size=20)
            | st.binary(max_size=80)
            | st.floats()
            | st.sampled_from(["facebook.com", "www.tiktok.com", b"password-check"])
        )
        width = self.data.draw(st.sampled_from([2, 4, 4, 4, 1, 0, 5]))  # mostly what the probes ask for
        return [tuple(r) for r in self.data.draw(st.lists(st.lists(cell, min_size=width, max_size=width), max_size=5))]

    def json_count(self, path: str, key: str) -> int | None:
        kind = self.data.draw(st.sampled_from(["count"] * 5 + ["absent"] * 2 + ["denied"]), label=f"count {path}")
        if kind == "denied":
            raise ReadDenied(path)
        return self.data.draw(st.integers(0, 10**6)) if kind == "count" else None

    def keyring_state(self) -> KeyringState:
        backend = self.data.draw(
            st.sampled_from(
                [
                    "secret-service",
                    "kwallet",
                    "keyring.backends.macOS.Keyring",
                    "keyrings.alt.file.PlaintextKeyring",
                    "none",
                ]
            )
            | st.text(max_size=20)
        )
        state = self.data.draw(
            st.sampled_from(["unlocked", "locked", "no-default", "no-service", "no-bus", "present"])
            | st.text(max_size=30).map(lambda t: "error: " + t)
        )
        return KeyringState(backend, state, self.data.draw(st.integers(0, 3)))

    def now(self) -> datetime:
        return datetime(2026, 11, 25, 10, 30, tzinfo=UTC)


ENVS = {
    "linux": st.fixed_dictionaries(
        {
            "XDG_CURRENT_DESKTOP": st.sampled_from(
                ["GNOME", "ubuntu:GNOME", "KDE", "XFCE", "X-Cinnamon", "MATE", "Budgie", "", "sway"]
            ),
            "HOME": st.just("/home/sam"),
            "PATH": st.just("/usr/bin:/bin"),
        }
    ),
    "windows": st.just(
        {
            "LOCALAPPDATA": "C:\\Users\\sam\\AppData\\Local",
            "APPDATA": "C:\\Users\\sam\\AppData\\Roaming",
            "USERPROFILE": "C:\\Users\\sam",
            "PROGRAMFILES": "C:\\Program Files",
            "SYSTEMDRIVE": "C:",
        }
    ),
    "darwin": st.just({"HOME": "/Users/sam", "PATH": "/usr/bin:/bin:/usr/sbin"}),
}
