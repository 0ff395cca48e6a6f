"""The editor's mouse logic without a window: snapping, handles, resizing, rotating,
picking and new codes."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import box

from exponav.core.layout.tools import (
    GRID_M,
    anchor_for,
    booths_at,
    booths_in_rect,
    free_code,
    hit_handle,
    neighbour_edges,
    resize_bounds,
    rotation_step,
    snap_move,
)
from exponav.core.model import Booth

coord = st.floats(-50, 50, allow_nan=False).map(lambda v: round(v, 2))
delta = st.floats(-20, 20, allow_nan=False)


def _on(v: float, step: float) -> bool:
    return abs(v / step - round(v / step)) < 1e-6


@given(coord, coord, delta, delta)
def test_a_move_lands_the_west_and_south_sides_on_the_grid_or_a_module_line(x, y, dx, dy):
    s = snap_move((x, y, x + 3, y + 3), dx, dy)
    for side, moved, kind, line in ((x, s.dx, s.kind_x, s.line_x),
                                    (y, s.dy, s.kind_y, s.line_y)):
        if kind == "grid":
            assert _on(side + moved, GRID_M)
        else:
            assert kind == "module" and _on(line, 3.0)
            assert min(abs(side + moved - line), abs(side + 3 + moved - line)) < 1e-6
    assert abs(s.dx - dx) <= 1.5 + 1e-9 and abs(s.dy - dy) <= 1.5 + 1e-9


@given(delta, delta)
def test_a_neighbours_edge_within_reach_wins(dx, dy):
    edge = 7.37
    s = snap_move((0, 0, 3, 3), dx, dy, edges=([edge], []))
    near = min(abs(dx - edge), abs(3 + dx - edge))
    if near <= 0.4:
        assert s.kind_x == "edge" and s.line_x == edge
        assert min(abs(s.dx - edge), abs(3 + s.dx - edge)) < 1e-6


def test_snapping_off_keeps_the_move():
    s = snap_move((0, 0, 3, 3), 1.234, -0.456, enabled=False)
    assert (s.dx, s.dy, s.kind_x) == (1.23, -0.46, "none")


def test_neighbour_edges_leave_out_the_moving_booths_and_far_ones():
    booths = [Booth("Q0101", "L", "Q", "standard", box(0, 0, 3, 3)),
              Booth("Q0102", "L", "Q", "standard", box(3, 0, 6, 3)),
              Booth("Q0199", "L", "Q", "standard", box(90, 90, 93, 93))]
    xs, ys = neighbour_edges(booths, ["Q0101"], (0, 0, 3, 3))
    assert xs == [3.0, 6.0] and ys == [0.0, 3.0]


@given(st.sampled_from(["n", "s", "e", "w", "ne", "nw", "se", "sw"]), coord, coord)
def test_resizing_keeps_the_opposite_side_and_a_minimum(handle, x, y):
    b = (0.0, 0.0, 6.0, 3.0)
    x0, y0, x1, y1 = resize_bounds(b, handle, x, y)
    assert x1 - x0 >= 1.0 - 1e-9 and y1 - y0 >= 1.0 - 1e-9
    anchor = anchor_for(handle)
    fixed_x = {"w": b[0], "e": b[2]}[anchor[1]]
    fixed_y = {"s": b[1], "n": b[3]}[anchor[0]]
    assert fixed_x in (x0, x1) and fixed_y in (y0, y1)
    if "e" not in handle and "w" not in handle:
        assert (x0, x1) == (0.0, 6.0)
    if "n" not in handle and "s" not in handle:
        assert (y0, y1) == (0.0, 3.0)


def test_handles_are_hit_within_their_radius():
    assert hit_handle((0, 0, 6, 3), 3.1, 3.1, 0.3) == "n"
    assert hit_handle((0, 0, 6, 3), 3.0, 1.5, 0.3) is None


@given(st.floats(-179, 179), st.booleans())
def test_rotation_comes_in_15_degree_steps_unless_free(angle, free):
    a = math.radians(angle)
    deg = rotation_step(0, 0, (1, 0), (math.cos(a), math.sin(a)), free=free)
    off = abs((deg - angle + 180) % 360 - 180)
    assert -180 < deg <= 180 or free
    if free:
        assert off <= 0.06
    else:
        assert deg % 15 == 0 and off <= 7.5 + 1e-6


def test_picking_by_point_and_rubber_band():
    booths = [Booth("Q0101", "L", "Q", "standard", box(0, 0, 3, 3)),
              Booth("Q0102", "L", "Q", "standard", box(3, 0, 6, 3)),
              Booth("Q0103", "L", "Q", "standard", box(6, 0, 9, 3))]
    assert booths_at(booths, 4, 1) == ["Q0102"]
    assert booths_at(booths, 20, 1) == []
    assert booths_in_rect(booths, (-1, -1), (6.5, 4)) == ["Q0101", "Q0102"]
    assert booths_in_rect(booths, (2, 1), (6.5, 2), touching=True) == ["Q0101", "Q0102",
                                                                      "Q0103"]


def test_free_codes_skip_used_ones_and_split_halves():
    assert free_code(["Q0999"], "Q0998") == "Q1000"
    assert free_code(["Q0102a"], "Q0101") == "Q0103"
