"""ExpoNav: an offline navigator for exhibition floors."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["Navigator", "__version__"]


def __getattr__(name: str):  # lazy, so `import exponav` stays cheap
    if name == "Navigator":
        from exponav.core.navigator import Navigator

        return Navigator
    raise AttributeError(name)
