"""Keep ``None`` alive under a Qt binding that drops references to it.

PySide6/shiboken6 6.12.0 on CPython 3.11 returns ``None`` from every method that
returns ``void`` (``QPainter.setPen``, ``QWidget.update`` ...) without taking a new
reference to it. Each such call lowers ``None``'s reference count by one, and after a
few thousand calls the interpreter aborts with "Fatal Python error: none_dealloc".
A map repaint makes hundreds of such calls, so the window would die within seconds.
The project's requirements leave that release out; the guard stays for an installation
that has it anyway.

:func:`guard_none_refcount` runs when :mod:`exponav.ui` is imported. On CPython before
3.12 (not a debug build) it always raises ``None``'s count by 2**60, whatever binding
is installed: it does not probe first (another thread touching ``None`` during a probe
could hide the defect), and a high count costs nothing, since ``None`` is a static
object that is never freed. From CPython 3.12 on ``None`` is immortal and it does
nothing. :func:`void_calls_drop_none` tells whether the binding in use has the defect,
for diagnosis; nothing calls it at start.
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
    """Raise ``None``'s reference count out of reach of any run, where the interpreter
    can be hurt (CPython before 3.12, not a debug build); True there. Idempotent."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if hasattr(sys, "gettotalrefcount"):  # a debug build lays objects out differently
        return False
    if sys.getrefcount(None) > _RESERVE // 2:
        return True  # done already
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += _RESERVE
    return True
