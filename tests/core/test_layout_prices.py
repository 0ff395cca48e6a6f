"""Booth prices: the show's price table read and checked, open sides counted from the
plan (inline, corner, peninsula, island), kept up to date edit by edit, and a price set
in booth_status.csv winning over the table."""

from __future__ import annotations

import json
import random
import shutil

import pytest
from shapely.geometry import box

from exponav.core.errors import DataError
from exponav.core.layout import Layout, MoveBooth, SetStatus, SplitBooth
from exponav.core.layout.prices import PriceTable, open_sides, read_prices, side_kind
from exponav.core.model import Booth, Level, LevelPlan, Obstacle
from exponav.core.paths import show_dir


def plan_of(*booths, obstacles=()):
    plan = LevelPlan(Level("L1", "L1", "", "", 1, "l1.geojson"), box(0, 0, 60, 40))
    plan.booths.extend(Booth(c, "L1", c[0], "standard", box(*b)) for c, b in booths)
    plan.obstacles.extend(obstacles)
    return plan


def test_open_sides_tell_inline_corner_peninsula_and_island():
    # a row of three 3 x 3 booths against a back row, one island, one against the wall
    plan = plan_of(("Q0101", (10, 10, 13, 13)), ("Q0102", (13, 10, 16, 13)),
                   ("Q0103", (16, 10, 19, 13)), ("Q0201", (10, 13, 19, 16)),
                   ("Q0301", (30, 20, 36, 26)), ("Q0401", (0, 30, 3, 33)))
    sides = open_sides(plan)
    assert sides["Q0102"] == 1 and side_kind(1) == "inline"  # only its front is open
    assert sides["Q0101"] == 2 and sides["Q0103"] == 2  # corners
    assert sides["Q0201"] == 3  # a peninsula: the back row's three free sides
    assert sides["Q0301"] == 4 and side_kind(4) == "island"
    assert sides["Q0401"] == 3  # the hall's wall closes its west side
    wall = Obstacle("L1", "wall", box(30, 26, 36, 27))
    assert open_sides(plan_of(("Q0301", (30, 20, 36, 26)), obstacles=[wall]))["Q0301"] == 3


def test_the_table_prices_area_and_surcharges_and_refuses_bad_input():
    t = PriceTable.from_json({"currency": "twd", "area_rate": 7500,
                              "surcharges": {"corner": 0.1, "island": 0.2}, "demo": True},
                             "prices.json")
    assert t.currency == "TWD" and t.demo
    assert t.quote(9.0, 1).price == 67500.0
    assert t.quote(9.0, 2).price == 74250.0 and t.quote(9.0, 2).kind == "corner"
    assert t.quote(36.0, 4).price == 324000.0
    assert t.quote(9.0, 3).surcharge == 0.0  # no peninsula surcharge given
    for doc, words in (([], "JSON object"), ({"currency": "NT$", "area_rate": 1}, "currency"),
                       ({"currency": "TWD"}, "area_rate"),
                       ({"currency": "TWD", "area_rate": -1}, "0 or more"),
                       ({"currency": "TWD", "area_rate": 1, "surcharges": {"corners": 1}},
                        "unknown surcharge 'corners'"),
                       ({"currency": "TWD", "area_rate": 1, "rate": 2}, "unknown key 'rate'"),
                       ({"currency": "TWD", "area_rate": 1, "demo": "yes"}, "demo")):
        with pytest.raises(DataError, match=words):
            PriceTable.from_json(doc, "prices.json")


def test_the_shipped_prices_are_marked_demo_and_read_with_the_layout(tmp_path):
    table = read_prices(show_dir())
    assert table is not None and table.demo and table.currency == "TWD"
    layout = Layout.load()
    assert layout.prices == table
    sides = layout.open_sides("H2-1F")
    b = next(b for b in layout.venue.plans["H2-1F"].booths
             if b.type == "corner" and sides[b.code] == 2)
    q = layout.quote(b.code)
    assert q.kind == "corner" and q.price == round(b.polygon.area * 7500 * 1.10)
    assert read_prices(tmp_path) is None  # a show without a table
    (tmp_path / "prices.json").write_text("{", encoding="utf-8")
    with pytest.raises(DataError, match="line 1"):
        read_prices(tmp_path)


def test_a_price_set_in_booth_status_wins_and_no_table_means_no_price(tmp_path):
    layout = Layout.load()
    code = next(b.code for b in layout.venue.plans["H2-1F"].booths
                if layout.status(b.code).status == "available")
    layout.apply(SetStatus(code, "reserved", 12345.0))
    q = layout.quote(code)
    assert q.set and q.price == 12345.0
    show = tmp_path / "show"
    shutil.copytree(show_dir(), show)
    (show / "prices.json").unlink()
    bare = Layout.load(None, show)
    assert bare.prices is None and bare.quote(code) is None


def test_open_sides_follow_edits_as_a_full_count_would():
    layout = Layout.load()
    rng = random.Random(4)
    level = "H2-1F"
    layout.open_sides(level)
    codes = [b.code for b in layout.venue.plans[level].booths if b.code[-1] not in "ab"
             and layout.status(b.code).status == "available" and not layout.sessions_at(b.code)]
    for _ in range(12):
        code = rng.choice(codes)
        if rng.random() < 0.3 and layout.has_booth(code):
            layout.apply(SplitBooth(code))
            codes.remove(code)
        elif layout.has_booth(code):
            layout.apply(MoveBooth(code, rng.choice((-3.0, 3.0, 0.5)), rng.choice((0.0, 3.0))))
        assert layout.open_sides(level) == open_sides(layout.venue.plans[level])


def test_prices_json_is_documented():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "FORMATS.md").read_text(
        encoding="utf-8")
    assert "prices.json" in doc and "area_rate" in doc and "surcharges" in doc
    assert json.loads((show_dir() / "prices.json").read_text(encoding="utf-8"))["demo"] is True
