"""Where ExpoNav finds its bundled data and where it writes.

One function, :func:`resource_root`, decides for the three ways ExpoNav runs:

* a source checkout: ``floorplans/``, ``db/`` and ``assets/`` sit at the top of the tree;
* an installed wheel: the same folders are packed inside the package as ``exponav/_data``;
* a frozen (PyInstaller) bundle: ``build_installer.spec`` places them at
  ``exponav/_data`` inside the bundle's folder (``sys._MEIPASS``), as in the wheel.

What users and staff write goes to the platform's user folders (platformdirs), never
next to the program, which may be read-only: the data file built from the bundled
sources to :func:`cache_dir`, settings and kiosk configuration to :func:`config_dir`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

__all__ = ["assets_dir", "cache_dir", "config_dir", "default_data_file", "resource_root",
           "show_dir", "venue_dir"]

APP = "exponav"
DEFAULT_SHOW = "scse2025"
DEFAULT_VENUE = "tainex"


def resource_root() -> Path:
    """The folder holding ``floorplans/``, ``db/`` and ``assets/``.

    >>> (resource_root() / "floorplans").is_dir()
    True
    """
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: its files sit under _MEIPASS
        bundle = Path(getattr(sys, "_MEIPASS", Path(sys.executable).resolve().parent))
        if (bundle / "exponav" / "_data").is_dir():
            return bundle / "exponav" / "_data"
    package = Path(__file__).resolve().parents[1]
    packed = package / "_data"
    if packed.is_dir():  # an installed wheel (or another freezer that keeps the package)
        return packed
    return package.parents[1]  # source checkout: app/exponav -> the tree's top


def venue_dir(venue: str = DEFAULT_VENUE) -> Path:
    return resource_root() / "floorplans" / venue


def show_dir(show: str = DEFAULT_SHOW) -> Path:
    return resource_root() / "db" / show


def assets_dir() -> Path:
    return resource_root() / "assets"


def cache_dir() -> Path:
    """Rebuildable files: the data file built from the bundled sources, compiled translations."""
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def config_dir() -> Path:
    """Settings and kiosk configuration."""
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def default_data_file(show: str = DEFAULT_SHOW) -> Path:
    """The data file built from the bundled sources, in the user's cache folder."""
    return cache_dir() / f"{show}.exponav.db"
