"""Which Qt plugins and translations the bundle keeps (used by the hooks in packaging/hooks/).

Filtering inside the hooks, before PyInstaller follows each plugin's library dependencies, means a dropped
plugin's libraries (the GTK3 theme's system GTK, the virtual keyboard's QML and Quick) are never collected."""

from __future__ import annotations

from pathlib import PurePath

KEEP_PLUGINS = {
    # qwayland: a native window on a Wayland session (Qt picks it when WAYLAND_DISPLAY is set; qxcb through
    # XWayland otherwise). Older Qt splits it into qwayland-generic and qwayland-egl.
    "platforms": (
        "qxcb",
        "qwayland",
        "qwayland-generic",
        "qwayland-egl",
        "qoffscreen",
        "qminimal",
        "qwindows",
        "qcocoa",
    ),
    # What the Wayland plugin loads: the xdg-shell protocol (every desktop's windows), the plain title-bar
    # decorations for compositors without server-side ones (GNOME), and EGL buffers.
    "wayland-shell-integration": ("xdg-shell",),
    "wayland-decoration-client": ("bradient",),
    "wayland-graphics-integration-client": ("qt-plugin-wayland-egl",),
    "platformthemes": ("qxdgdesktopportal",),
    "platforminputcontexts": ("composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"),
    "xcbglintegrations": ("qxcb-egl-integration", "qxcb-glx-integration"),
    "imageformats": ("qsvg", "qico", "qjpeg", "qgif"),
    "iconengines": ("qsvgicon",),
    "styles": ("qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"),
}


def wanted(src: str, dest: str) -> bool:
    """False for Qt translations (the app is in English) and for plugins not in KEEP_PLUGINS."""
    parts = PurePath(dest).parts
    name = PurePath(src).name
    if "translations" in parts and name.endswith(".qm"):
        return False
    if "plugins" in parts:
        kind = parts[parts.index("plugins") + 1] if parts.index("plugins") + 1 < len(parts) else ""
        stem = name.split(".")[0].removeprefix("lib")
        if stem.endswith("d") and stem[:-1] in KEEP_PLUGINS.get(kind, ()):  # Windows debug builds
            return False
        return stem in KEEP_PLUGINS.get(kind, ())
    return True


def trim(entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(src, dest) for src, dest in entries if wanted(src, dest)]
