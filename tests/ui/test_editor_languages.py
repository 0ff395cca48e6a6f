"""The editor's new words in 繁體中文 and Bahasa Indonesia: the file menu, the route
preview, the price of a booth, the approval sheet's dialog."""

from __future__ import annotations

import pytest

from exponav.core.layout import Layout

LEVEL = "H2-1F"


@pytest.mark.parametrize(("lang", "copy", "routes", "demo"), [
    ("zh-Hant", "另存副本…", "從導覽機或入口到所選攤位：", "示範價格"),
    ("id", "Simpan salinan…", "Dari kios atau pintu masuk ke stan terpilih:", "harga contoh"),
])
def test_the_editor_speaks_the_chosen_language(qtbot, data_file, lang, copy, routes, demo):
    from exponav.core.navigator import Navigator
    from exponav.ui.common.application import make_app
    from exponav.ui.common.i18n import Languages
    from exponav.ui.editor.window import EditorWindow

    app = make_app()
    languages = Languages(app)
    languages.set_language(lang)
    nav = Navigator.open(data_file)
    try:
        w = EditorWindow(nav, Layout.load(), lang=lang)
        qtbot.addWidget(w)
        w.ask_unsaved = lambda: "discard"
        w.set_level(LEVEL)
        assert w.save_copy_action.text() == copy
        assert w.route_preview.caption.text() == routes
        code = next(b.code for b in w.layout.venue.plans[LEVEL].booths
                    if w.layout.status(b.code).status == "available")
        w.select([code])
        assert demo in w.booth_panel.price.text()
        d = w.print_for_approval(show=False)
        assert d.pdf_button.text() != "Save as PDF…"
        w.close()
    finally:
        languages.set_language("en")
        nav.close()


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "Booths Q0311 and Q0319 overlap by 45.0 m²."),
    ("zh-Hant", "攤位Q0311與Q0319重疊45.0平方公尺。"),
    ("id", "Stan Q0311 dan Q0319 tumpang tindih 45,0 m²."),
])
def test_the_violations_list_says_what_is_wrong_in_the_chosen_language(
        qtbot, data_file, lang, sentence):
    from exponav.core.layout import MoveBooth
    from exponav.core.navigator import Navigator
    from exponav.ui.common.application import make_app
    from exponav.ui.common.i18n import Languages
    from exponav.ui.editor.window import EditorWindow

    app = make_app()
    languages = Languages(app)
    languages.set_language(lang)
    nav = Navigator.open(data_file)
    try:
        w = EditorWindow(nav, Layout.load(), lang=lang)
        qtbot.addWidget(w)
        w.ask_unsaved = lambda: "discard"
        w.set_level(LEVEL)
        assert w.do([MoveBooth("Q0311", 6, 0)], "move")
        panel = w.violations
        rows = [panel.topLevelItem(i) for i in range(panel.topLevelItemCount())]
        (row,) = [r for r in rows if r.text(1) == "booth.overlap"]
        assert (row.text(2), row.text(3), row.toolTip(3)) == ("Q0311, Q0319", sentence, sentence)
        assert all(r.text(3) == v.message_in(lang) for r, v in zip(rows, panel.violations,
                                                                       strict=True))
        w.close()
    finally:
        languages.set_language("en")
        nav.close()
