"""Aisles found from the free floor between facing sides, and the lines they give the
editor's snapping."""

from __future__ import annotations

from shapely.geometry import box

from exponav.core.layout.aisles import aisle_lines, find_aisles
from exponav.core.layout.tools import snap_vertex
from exponav.core.model import Booth, Obstacle

HALL = box(0, 0, 60, 40)


def booth(code, *b):
    return Booth(code, "L", code[0], "standard", box(*b))


ROWS = [booth("Q0101", 10, 10, 16, 30), booth("Q0102", 21, 10, 27, 30),
        booth("Q0103", 35, 10, 41, 30)]


def test_aisles_lie_between_facing_sides_and_the_hall_outline():
    found = find_aisles(ROWS, [], HALL, (21, 10, 27, 30), reach=40)
    xs = {(a.lo, a.hi) for a in found if a.axis == "x"}
    assert {(16.0, 21.0), (27.0, 35.0), (0.0, 10.0)} <= xs
    assert (16.0, 35.0) not in xs  # the nearest side across bounds an aisle
    ys = {(a.lo, a.hi) for a in found if a.axis == "y"}
    assert (30.0, 40.0) in ys and (0.0, 10.0) in ys
    a = next(a for a in found if (a.axis, a.lo) == ("x", 16.0))
    assert (a.start, a.end, a.width, a.centre) == (10.0, 30.0, 5.0, 18.5)


def test_a_column_stands_in_an_aisle_a_wall_closes_it():
    column = Obstacle("L", "column", box(18, 19, 19, 20))
    found = find_aisles(ROWS, [column], HALL, (21, 10, 27, 30), reach=40)
    assert ("x", 16.0, 21.0) in {(a.axis, a.lo, a.hi) for a in found}
    wall = Obstacle("L", "wall", box(17, 10, 20, 30))
    found = find_aisles(ROWS, [wall], HALL, (21, 10, 27, 30), reach=40)
    assert ("x", 16.0, 21.0) not in {(a.axis, a.lo, a.hi) for a in found}
    assert ("x", 20.0, 21.0) not in {(a.axis, a.lo, a.hi) for a in found}  # too narrow


def test_aisle_lines_and_a_vertex_snapped_to_them():
    found = find_aisles(ROWS, [], HALL, (21, 10, 27, 30), reach=40)
    xs, _ys = aisle_lines(found, keep_m=3.0)
    assert {16.0, 18.5, 21.0, 19.0, 18.0, 27.0, 31.0, 30.0, 35.0} <= set(xs)
    v = snap_vertex(30.8, 20.2, aisles=(xs, []))
    assert (v.dx, v.kind_x, v.dy, v.kind_y) == (31.0, "aisle", 20.0, "grid")
    v = snap_vertex(30.8, 20.2, aisles=(xs, []), enabled=False)
    assert (v.dx, v.kind_x) == (30.8, "none")
