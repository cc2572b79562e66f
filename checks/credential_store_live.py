"""Looks at the password store without touching it: no entry is written, nothing is unlocked, no prompt.

Linux: on the session bus, is the Secret Service running (org.freedesktop.DBus.NameHasOwner: a name that is
only *activatable* is never started), which collection the "default" alias names (ReadAlias), and that
collection's `Locked` property. Every call carries NO_AUTO_START, so asking never starts a keyring daemon,
and none of CreateItem, CreateCollection, Unlock or Prompt is ever sent. Without a Secret Service, KWallet
is asked through kwalletd's own calls (isEnabled, localWallet, isOpen), which never open a wallet.

Where the collection is already unlocked, test entries that Device Check 0.1.0 left behind (service
"devicecheck-roundtrip") are found by their attribute and deleted; a locked collection is left alone.

macOS and Windows: which store Python's keyring finds (the login keychain, Credential Manager), read from the
backend's presence alone; nothing is stored or read from it (docs/credential-store.md).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from typing import Any

from checks.system import KeyringState

LEFTOVER_SERVICE = "devicecheck-roundtrip"  # the service name 0.1.0's round trip wrote under
CALL_TIMEOUT = 1.0  # seconds for each D-Bus call
SECRETS = "org.freedesktop.secrets"
SECRETS_PATH = "/org/freedesktop/secrets"
KWALLETS = (("org.kde.kwalletd6", "/modules/kwalletd6"), ("org.kde.kwalletd5", "/modules/kwalletd5"))


def session_bus_address(env: Mapping[str, str]) -> str | None:
    """The session bus from the environment, or the per-user socket systemd makes; None: no desktop session."""
    address = env.get("DBUS_SESSION_BUS_ADDRESS")
    if address:
        return address
    runtime = env.get("XDG_RUNTIME_DIR")
    if runtime:
        path = os.path.join(runtime, "bus")
        try:
            if stat.S_ISSOCK(os.stat(path).st_mode):
                return f"unix:path={path}"
        except OSError:
            pass
    return None


class _Bus:
    def __init__(self, address: str) -> None:
        from jeepney.io.blocking import open_dbus_connection

        self.conn = open_dbus_connection(bus=address, auth_timeout=CALL_TIMEOUT)

    def call(
        self, name: str, path: str, interface: str, method: str, signature: str = "", body: tuple[Any, ...] = ()
    ) -> tuple[Any, ...]:
        from jeepney import DBusAddress, HeaderFields, MessageType, new_method_call
        from jeepney.low_level import MessageFlag

        msg = new_method_call(DBusAddress(path, name, interface), method, signature or None, body)
        msg.header.flags |= MessageFlag.no_auto_start  # asking must never start a daemon
        reply = self.conn.send_and_get_reply(msg, timeout=CALL_TIMEOUT)
        if reply.header.message_type is MessageType.error:
            raise RuntimeError(f"{method}: {reply.header.fields.get(HeaderFields.error_name, 'D-Bus error')}")
        return tuple(reply.body)

    def has_owner(self, name: str) -> bool:
        return bool(
            self.call(
                "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner", "s", (name,)
            )[0]
        )

    def close(self) -> None:
        self.conn.close()


def linux_store(env: Mapping[str, str]) -> KeyringState:
    address = session_bus_address(env)
    if address is None:
        return KeyringState("none", "no-bus")
    try:
        bus = _Bus(address)
    except Exception:  # a stale address, a refused socket: no usable session
        return KeyringState("none", "no-bus")
    try:
        if bus.has_owner(SECRETS):
            return _secret_service(bus)
        for name, path in KWALLETS:
            if bus.has_owner(name):
                return _kwallet(bus, name, path)
        return KeyringState("none", "no-service")
    except Exception as exc:  # an answer we did not expect: say we cannot tell, never guess
        return KeyringState("unknown", f"error: {type(exc).__name__}: {str(exc)[:160]}")
    finally:
        bus.close()


def _secret_service(bus: _Bus) -> KeyringState:
    (default,) = bus.call(SECRETS, SECRETS_PATH, "org.freedesktop.Secret.Service", "ReadAlias", "s", ("default",))
    if not default or default == "/":
        return KeyringState("secret-service", "no-default")
    (locked,) = bus.call(
        SECRETS,
        default,
        "org.freedesktop.DBus.Properties",
        "Get",
        "ss",
        ("org.freedesktop.Secret.Collection", "Locked"),
    )
    if locked[1]:  # a variant: (signature, value)
        return KeyringState("secret-service", "locked")
    (items,) = bus.call(
        SECRETS, default, "org.freedesktop.Secret.Collection", "SearchItems", "a{ss}", ({"service": LEFTOVER_SERVICE},)
    )
    removed = 0
    for item in items:
        (prompt,) = bus.call(SECRETS, item, "org.freedesktop.Secret.Item", "Delete")
        removed += prompt == "/"  # a store that wants a prompt to delete is left as it is: no prompt is run
    return KeyringState("secret-service", "unlocked", removed)


def _kwallet(bus: _Bus, name: str, path: str) -> KeyringState:
    iface = "org.kde.KWallet"
    if not bus.call(name, path, iface, "isEnabled")[0]:
        return KeyringState("kwallet", "no-service")
    (wallet,) = bus.call(name, path, iface, "localWallet")
    if not wallet:
        return KeyringState("kwallet", "no-default")
    (is_open,) = bus.call(name, path, iface, "isOpen", "s", (wallet,))
    return KeyringState("kwallet", "unlocked" if is_open else "locked")


def other_os_store() -> KeyringState:
    """macOS and Windows: the backend Python's keyring picks for the system's own store. Nothing is written
    or read from it, so only its presence is known."""
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception as exc:
        return KeyringState("none", f"error: {type(exc).__name__}: {str(exc)[:160]}")
    chained = getattr(backend, "backends", None) if type(backend).__name__ == "ChainerBackend" else None
    if chained:
        backend = chained[0]
    return KeyringState(f"{type(backend).__module__}.{type(backend).__qualname__}", "present")
