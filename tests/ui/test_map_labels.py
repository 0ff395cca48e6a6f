"""Labels on the plan that never collide, and a level switcher that puts the show first."""

from __future__ import annotations

import itertools

import pytest


@pytest.mark.parametrize("level", ["H2-1F", "H2-4F"])
@pytest.mark.parametrize("zoom", [0.6, 1.0, 2.5, 6.0])
def test_zone_tags_overlap_no_other_tag_and_no_icon(window, qtbot, level, zoom):
    window.show_level(level, fit=True)
    view = window.view
    view.finish_flight()
    view.scale(zoom, zoom)
    qtbot.wait(20)
    view.viewport().grab()  # a paint: the tags are placed as drawn
    scene = window.current_scene()
    tags = scene.labels.placed_tags
    assert tags, "no zone name was drawn"
    for a, b in itertools.combinations(tags, 2):
        assert not a.intersects(b), f"zone tags {a} and {b} overlap"
    icons = scene.icon_boxes(view.viewportTransform())
    for tag in tags:
        hit = [box for box in icons if box.intersects(tag)]
        assert not hit, f"zone tag {tag} lies under the icon at {hit[0]}"


def test_pavilion_names_on_4f_do_not_run_into_each_other(window, qtbot):
    window.show_level("H2-4F", fit=True)
    window.view.finish_flight()
    qtbot.wait(20)
    window.view.viewport().grab()
    labels = window.current_scene().labels
    zones = window.nav.level_plan("H2-4F").zones
    pavilions = [i for i, z in enumerate(zones) if z.category == "pavilion"]
    assert len(pavilions) >= 2
    # every tag is cut to its zone's width, so neighbours cannot run together
    transform = window.view.viewportTransform()
    for i in pavilions:
        zone_w = transform.mapRect(labels._zones[i]).width()
        pixmap = next((p for (j, *_), p in labels._zone_pixmaps.items() if j == i), None)
        if pixmap is not None:
            assert pixmap.width() / pixmap.devicePixelRatio() <= zone_w + 8


def test_the_show_s_levels_come_first_and_the_others_say_so(window):
    switcher = window.levels
    nav = window.nav
    used = nav.levels_in_use()
    assert used == ["H2-1F", "H2-4F"]  # SCSE 2025 is in Hall 2 only
    order = list(switcher.buttons)
    assert order[:2] == used
    hall1 = [b for lid, b in switcher.buttons.items() if lid not in used]
    assert hall1 and all(not b.in_show for b in hall1)
    assert all("not part of this show" in b.accessibleName() for b in hall1)
    label = switcher.building_labels["Hall 1"]
    assert label.text() == "Hall 1 · not part of this show"
    assert switcher.building_labels["Hall 2"].text() == "Hall 2"
    window.set_language("zh-Hant")
    assert label.text().endswith("· 非本展會場")
    window.set_language("en")
