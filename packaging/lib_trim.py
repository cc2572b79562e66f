"""What the Linux onedir leaves out beyond Qt's trim (packaging/qt_trim.py), to stay within its size budget.

- System libraries the .deb already requires: PyInstaller copies them from the build machine, but the
  package's Depends (packaging/debian.py) installs the system's own, which are then loaded instead. Each entry
  names the Depends package that brings the library (directly or as its own dependency), and a test checks
  that package is in Depends, so nothing is left out that the system might not have.
- Python modules the app never loads: TLS (it makes no network connections; hashlib keeps OpenSSL's
  libcrypto) and the East Asian codecs (every file and command it reads is UTF-8 or ASCII).
"""

from __future__ import annotations

from pathlib import PurePath

# Library file-name stem -> the Depends package that installs it on the candidate's system, itself or as its
# dependency (checked with `apt-cache depends` on Debian 12). libxcb-glx, -sync and -xfixes are not brought
# by any of them, so they stay in the bundle.
SYSTEM_LIBRARIES = {
    "libglib-2.0": "libglib2.0-0",
    "libgthread-2.0": "libglib2.0-0",
    "libpcre2-8": "libglib2.0-0",  # GLib's own dependency
    "libdbus-1": "libdbus-1-3",
    "libsystemd": "libdbus-1-3",  # and libdbus' dependencies below
    "libgcrypt": "libdbus-1-3",
    "libgpg-error": "libdbus-1-3",
    "liblz4": "libdbus-1-3",
    "libzstd": "libdbus-1-3",
    "liblzma": "libdbus-1-3",
    "libcap": "libdbus-1-3",
    "libfontconfig": "libfontconfig1",
    "libfreetype": "libfontconfig1",
    "libexpat": "libfontconfig1",
    "libpng16": "libfontconfig1",
    "libbrotlicommon": "libfontconfig1",
    "libbrotlidec": "libfontconfig1",
    "libxkbcommon": "libxkbcommon0",
    "libxkbcommon-x11": "libxkbcommon-x11-0",
    "libX11": "libx11-xcb1",
    "libX11-xcb": "libx11-xcb1",
    "libXau": "libxcb1",
    "libXdmcp": "libxcb1",
    "libbsd": "libxcb1",
    "libmd": "libxcb1",
    "libxcb": "libxcb1",
    "libxcb-cursor": "libxcb-cursor0",
    "libxcb-icccm": "libxcb-icccm4",
    "libxcb-keysyms": "libxcb-keysyms1",
    "libxcb-shape": "libxcb-shape0",
    "libxcb-randr": "libxcb-randr0",
    "libxcb-render-util": "libxcb-render-util0",
    "libxcb-render": "libxcb-render-util0",
    "libxcb-image": "libxcb-image0",
    "libxcb-shm": "libxcb-image0",
    "libxcb-util": "libxcb-image0",
    "libxcb-xinerama": "libxcb-xinerama0",
    "libxcb-xkb": "libxcb-xkb1",
    "libgssapi_krb5": "libgssapi-krb5-2",  # QtNetwork links it; the app makes no network connections
    "libkrb5": "libgssapi-krb5-2",
    "libk5crypto": "libgssapi-krb5-2",
    "libkrb5support": "libgssapi-krb5-2",
    "libcom_err": "libgssapi-krb5-2",
    "libkeyutils": "libgssapi-krb5-2",
}
NEVER_LOADED_MODULES = [
    "ssl",
    "_ssl",
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    "_multibytecodec",
]


def stem(name: str) -> str:
    """'libglib-2.0.so.0' -> 'libglib-2.0'; 'libxcb-icccm.so.4' -> 'libxcb-icccm'."""
    return PurePath(name).name.split(".so")[0]


def from_the_system(dest: str) -> bool:
    return stem(dest) in SYSTEM_LIBRARIES


def trim(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """PyInstaller's TOC without the libraries the system provides."""
    return [entry for entry in binaries if not from_the_system(entry[0])]
