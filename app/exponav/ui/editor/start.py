"""Opening the editor: the layout in a venue and a show folder (or the recovery copy of
its unsaved edits, when the last session left one), a Navigator that follows it, the
window."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from exponav.core import paths
from exponav.core.errors import DataError

if TYPE_CHECKING:
    from exponav.core.layout.recovery import Recovery

__all__ = ["ask_restore", "open_editor", "run_editor"]


def translate(context: str, text: str) -> str:
    """Qt's translation of ``text`` (lupdate finds these calls by their name)."""
    return QCoreApplication.translate(context, text)


def ask_restore(found: Recovery) -> str:
    """"restore" or "discard": the question after a session that did not close."""
    from PySide6.QtWidgets import QMessageBox

    when = found.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
    box = QMessageBox(QMessageBox.Icon.Question, translate("Editor", "ExpoNav layout editor"),
                      translate("Editor", "The editor did not close normally last time. A recovery copy of "
                         "its unsaved edits to this layout was kept at %1. Restore it?")
                      .replace("%1", when))
    restore = box.addButton(translate("Editor", "Restore"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Editor", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(restore)
    box.exec()
    return "restore" if box.clickedButton() is restore else "discard"


def _say(text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(None, translate("Editor", "ExpoNav layout editor"), text)


def open_editor(venue: str | Path | None = None, show: str | Path | None = None,
                lang: str = "en", *, autosave: bool = True,
                offer: Callable[[Recovery], str] = ask_restore,
                recovery_folder: Path | None = None, say: Callable[[str], None] = _say):
    """The editor window on the layout in ``venue`` and ``show`` (the embedded folders
    by default), with a Navigator built from the same folders.

    With ``autosave`` the window keeps a recovery copy of unsaved edits (in
    ``recovery_folder``, by default the user's state folder); one left by a session
    that did not close is ``offer``-ed first: "restore" opens its edits, anything else
    discards it. A copy that cannot be read is set aside (renamed ``.unreadable``) and
    ``say`` tells why."""
    from exponav.core.io.datafile import build_data_file
    from exponav.core.layout import Layout
    from exponav.core.layout import recovery as rec
    from exponav.core.navigator import Navigator
    from exponav.ui.editor.window import EditorWindow

    vdir = Path(venue) if venue is not None else paths.venue_dir()
    sdir = Path(show) if show is not None else paths.show_dir()
    layout = None
    recovery_file = rec.recovery_path(vdir, sdir, recovery_folder) if autosave else None
    if recovery_file is not None:
        try:
            found = rec.read_recovery(recovery_file)
        except DataError as e:
            recovery_file.replace(recovery_file.with_suffix(".unreadable"))
            say(str(e))
            found = None
        if found is not None:
            if offer(found) == "restore":
                work = Path(tempfile.mkdtemp(prefix="exponav-restored-"))
                try:
                    layout = rec.restore(found, work)
                    nav = Navigator.open(build_data_file(work / "layout.exponav.db",
                                                         work / "venue", work / "show"))
                except DataError as e:  # kept aside, the layout opened as saved
                    layout = None
                    recovery_file.replace(recovery_file.with_suffix(".unreadable"))
                    say(str(e))
            else:
                recovery_file.unlink(missing_ok=True)
    restored = layout is not None
    if layout is None:
        layout = Layout.load(vdir, sdir)
        if venue is None and show is None:
            nav = Navigator.open()
        else:
            nav = Navigator.open(_data_file_for(vdir, sdir))
    return EditorWindow(nav, layout, lang=lang, recovery_file=recovery_file,
                        restored=restored)


def _data_file_for(vdir: Path, sdir: Path) -> Path:
    """The data file of these folders, kept in the cache and built again only when they
    changed since (a large show's takes half a minute); in a temporary folder when the
    cache cannot be written."""
    import hashlib

    from exponav.core.io.datafile import build_data_file, ensure_data_file

    key = hashlib.sha256(f"{Path(vdir).resolve()}\n{Path(sdir).resolve()}".encode())
    try:
        dest = paths.cache_dir() / "editor" / f"{key.hexdigest()[:16]}.exponav.db"
        dest.parent.mkdir(parents=True, exist_ok=True)
        return ensure_data_file(dest, vdir, sdir)
    except (OSError, DataError):
        folder = Path(tempfile.mkdtemp(prefix="exponav-editor-"))
        return build_data_file(folder / "layout.exponav.db", vdir, sdir)


def run_editor(venue: str | Path | None = None, show: str | Path | None = None) -> int:
    from exponav.ui.app import initial_language
    from exponav.ui.common.application import make_app
    from exponav.ui.common.i18n import Languages

    app = make_app()
    lang = initial_language()
    languages = Languages(app)
    languages.set_language(lang)
    window = open_editor(venue, show, lang)
    window.resize(1500, 950)
    window.show()
    from exponav.core.heap import keep_loaded

    window.layout.checker  # noqa: B018 - the venue rules' state, kept for the session
    keep_loaded()  # full collections would walk all of it every few edits (core/heap.py)
    return app.exec()
