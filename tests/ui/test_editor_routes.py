"""The route preview: from a chosen kiosk or entrance to the selected booth, drawn on the
map and asked again after each edit and undo; a booth cut off from every entrance is a
violation, and the preview says there is no way."""

from __future__ import annotations

import shapely
from PySide6.QtWidgets import QApplication
from shapely.geometry import box

from exponav.core.layout import AddBooth, Layout

LEVEL = "H2-1F"


def _editor(qtbot, data_file):
    from exponav.core.navigator import Navigator
    from exponav.ui.common.application import make_app
    from exponav.ui.editor.window import EditorWindow

    make_app()
    nav = Navigator.open(data_file)
    w = EditorWindow(nav, Layout.load(), lang="en")
    w.ask = lambda _q: True
    w.ask_unsaved = lambda: "discard"
    qtbot.addWidget(w)
    w.resize(1500, 950)
    w.show()
    w.set_level(LEVEL)
    return w, nav


def free(layout):
    return [b for b in layout.venue.plans[LEVEL].booths
            if layout.status(b.code).status == "available" and b.code[-1] not in "ab"
            and not layout.sessions_at(b.code)]


def test_the_preview_routes_to_the_selection_and_follows_edits_and_undo(qtbot, data_file):
    from exponav.ui.map.items.route import RouteLineItem

    w, nav = _editor(qtbot, data_file)
    p = w.route_preview
    assert p.origins.count() >= 2
    kinds = {p.origins.itemData(i)[0] for i in range(p.origins.count())}
    assert kinds == {"kiosk", "entrance"}
    assert p.route is None and "Select a booth" in p.summary.text()
    b = free(w.layout)[0]
    w.select([b.code])
    QApplication.processEvents()
    assert p.route is not None and p.target == b.code
    assert p.origin.startswith("K-") and b.code in p.summary.text()
    assert any(isinstance(i, RouteLineItem) for i in w.scene().route_items)
    end = p.route.legs[-1].coords[-1]
    w.move_selection(-6.0, 0.0)
    QApplication.processEvents()
    moved = p.route.legs[-1].coords[-1]
    assert moved != end  # the route was asked again for the moved booth
    w.undo_stack.undo()
    QApplication.processEvents()
    assert p.route.legs[-1].coords[-1] == end
    w.undo_stack.redo()
    QApplication.processEvents()
    assert p.route.legs[-1].coords[-1] == moved
    entrance = next(p.origins.itemData(i)[1] for i in range(p.origins.count())
                    if p.origins.itemData(i)[0] == "entrance"
                    and p.origins.itemData(i)[2] == LEVEL)
    assert p.choose_origin(entrance)
    QApplication.processEvents()
    assert p.route.origin.id == entrance
    w.select([])
    QApplication.processEvents()
    assert p.route is None and not w.scene().route_items
    w.close()
    nav.close()


def test_a_booth_walled_in_is_unreachable_in_the_rules_and_the_preview(qtbot, data_file):
    w, nav = _editor(qtbot, data_file)
    lay = w.layout
    plan = lay.venue.plans[LEVEL]
    taken = shapely.union_all([b.polygon for b in plan.booths]
                              + [o.polygon for o in plan.obstacles])
    room = plan.footprint.difference(taken).buffer(-6.5)
    assert not room.is_empty
    c = room.representative_point()
    x, y = round(c.x), round(c.y)
    used = {b.code for b in lay.booths()}
    codes = iter(f"Q{n:04d}" for n in range(9001, 9999) if f"Q{n:04d}" not in used)
    inner = next(codes)
    ring = [box(x - 5, y - 5, x + 5, y - 4), box(x - 5, y + 4, x + 5, y + 5),
            box(x - 5, y - 4, x - 4, y + 4), box(x + 4, y - 4, x + 5, y + 4)]
    changes = [AddBooth(inner, box(x - 1.5, y - 1.5, x + 1.5, y + 1.5), LEVEL)]
    changes += [AddBooth(next(codes), poly, LEVEL) for poly in ring]
    assert w.do(changes, "walled in"), w.last_error
    cut = [v for v in lay.violations if v.rule == "booth.unreachable" and inner in v.codes]
    assert cut and inner in {c for row in w.violations.violations for c in row.codes}
    w.select([inner])
    QApplication.processEvents()
    assert w.route_preview.route is None
    assert "No walking route" in w.route_preview.summary.text()
    w.undo_stack.undo()
    assert not lay.has_booth(inner)
    assert not [v for v in lay.violations if inner in v.codes]
    w.close()
    nav.close()
