"""Where ExpoNav finds its bundled data and where it writes.

One function, :func:`resource_root`, decides for the three ways ExpoNav runs:

* a source checkout: ``floorplans/``, ``db/`` and ``assets/`` sit at the top of the tree;
* an installed wheel: the same folders are packed inside the package as ``exponav/_data``;
* a frozen (PyInstaller) bundle: the spec places them at ``exponav/_data`` too, so the
  wheel rule finds them.

What users and staff write (the built data file, settings, drafts) goes to the
platform's user folders, never next to the program.
"""

from __future__ import annotations

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
    package = Path(__file__).resolve().parents[1]
    packed = package / "_data"
    if packed.is_dir():  # wheel or frozen bundle
        return packed
    return package.parents[1]  # source checkout: app/exponav -> the tree's top


def venue_dir(venue: str = DEFAULT_VENUE) -> Path:
    return resource_root() / "floorplans" / venue


def show_dir(show: str = DEFAULT_SHOW) -> Path:
    return resource_root() / "db" / show


def assets_dir() -> Path:
    return resource_root() / "assets"


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def default_data_file(show: str = DEFAULT_SHOW) -> Path:
    """The data file built from the bundled sources, in the user's cache folder."""
    return cache_dir() / f"{show}.exponav.db"
