"""The PySide6 window; imports the core, never the reverse."""

from exponav.ui.common.qt_compat import guard_none_refcount

guard_none_refcount()
