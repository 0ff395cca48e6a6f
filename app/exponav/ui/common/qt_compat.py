"""Work around binding defects in the Qt for Python release in use.

PySide6/shiboken6 6.12.0 on CPython 3.11 returns ``None`` from every method that
returns ``void`` (``QPainter.setPen``, ``QWidget.update`` ...) without taking a new
reference to it. Each such call lowers ``None``'s reference count by one, and after a
few thousand calls the interpreter aborts with "Fatal Python error: none_dealloc".
A map repaint makes hundreds of such calls, so the window would die within seconds.

From CPython 3.12 on ``None`` is immortal and the defect is harmless. Before 3.12 we
raise ``None``'s count so far that no run can use it up; ``None`` is a static object
that is never freed, so a high count costs nothing and is safe with a sound binding
too. (It is done unconditionally rather than after a probe: another thread touching
``None`` while the probe runs could hide the defect.) :func:`void_calls_drop_none`
tells whether the binding in use has the defect. Remove this module once it is fixed.
"""

from __future__ import annotations

import sys

__all__ = ["guard_none_refcount", "void_calls_drop_none"]

_RESERVE = 1 << 60


def void_calls_drop_none() -> bool:
    """True when calling a void Qt method lowers ``None``'s reference count."""
    from PySide6.QtGui import QColor

    colour = QColor()
    before = sys.getrefcount(None)
    for _ in range(64):
        colour.setRed(1)
    return sys.getrefcount(None) < before - 32


def guard_none_refcount() -> bool:
    """Apply the workaround where the interpreter can be hurt; True if applied."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if hasattr(sys, "gettotalrefcount"):  # a debug build lays objects out differently
        return False
    if sys.getrefcount(None) > _RESERVE // 2:
        return True  # done already
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += _RESERVE
    return True
