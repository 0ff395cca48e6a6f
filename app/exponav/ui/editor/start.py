"""Opening the editor: the layout in a venue and a show folder, a Navigator that
follows it, the window."""

from __future__ import annotations

import tempfile
from pathlib import Path

from exponav.core import paths

__all__ = ["open_editor", "run_editor"]


def open_editor(venue: str | Path | None = None, show: str | Path | None = None,
                lang: str = "en"):
    """The editor window on the layout in ``venue`` and ``show`` (the embedded folders
    by default), with a Navigator built from the same folders."""
    from exponav.core.io.datafile import build_data_file
    from exponav.core.layout import Layout
    from exponav.core.navigator import Navigator
    from exponav.ui.editor.window import EditorWindow

    layout = Layout.load(venue, show)
    if venue is None and show is None:
        nav = Navigator.open()
    else:
        folder = Path(tempfile.mkdtemp(prefix="exponav-editor-"))
        nav = Navigator.open(build_data_file(folder / "layout.exponav.db",
                                             layout.venue_dir or paths.venue_dir(),
                                             layout.show_dir or paths.show_dir()))
    return EditorWindow(nav, layout, lang=lang)


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
    return app.exec()
