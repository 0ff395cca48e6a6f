"""CAD drawings: a small DXF made with ezdxf itself, read by layer into a footprint,
obstacles and booths with their codes, in metres from its units; what it leaves out is
reported; its booths go onto a level through the layout."""

from __future__ import annotations

from pathlib import Path

import ezdxf
import pytest

from exponav.core.errors import DataError
from exponav.core.exchange.dxf import booth_changes, parse_layer_map, read_dxf
from exponav.core.layout import Layout


def make_drawing(path: Path, *, units: int = 4, k: float = 1000.0,
                 booths: dict[str, tuple[float, float]] | None = None) -> Path:
    """A hall 60 m x 40 m (outline as four lines), a round column, a wall, booths as
    closed polylines with their codes as text, one booth of lines without a code, and a
    layer of furniture no rule knows. Positions in metres; drawn in ``units``."""
    doc = ezdxf.new(units=units)
    msp = doc.modelspace()
    for (a, b) in (((0, 0), (60, 0)), ((60, 0), (60, 40)), ((60, 40), (0, 40)),
                   ((0, 40), (0, 0))):
        msp.add_line((a[0] * k, a[1] * k), (b[0] * k, b[1] * k), dxfattribs={"layer": "OUTLINE"})
    msp.add_circle((30 * k, 20 * k), 0.4 * k, dxfattribs={"layer": "COLUMNS"})
    msp.add_lwpolyline([(0, 38 * k), (20 * k, 38 * k), (20 * k, 40 * k), (0, 40 * k)],
                       close=True, dxfattribs={"layer": "A-WALL"})
    for code, (x, y) in (booths or {"Q0101": (6, 6), "Q0103": (9, 6),
                                    "Q0105": (12, 6)}).items():
        msp.add_lwpolyline([(x * k, y * k), ((x + 3) * k, y * k), ((x + 3) * k, (y + 3) * k),
                            (x * k, (y + 3) * k)], close=True, dxfattribs={"layer": "BOOTHS"})
        msp.add_text(code[0] + "-" + code[1:], dxfattribs={
            "layer": "TEXT", "insert": ((x + 0.5) * k, (y + 1) * k), "height": 0.4 * k})
    for (a, b) in (((20, 6), (23, 6)), ((23, 6), (23, 9)), ((23, 9), (20, 9)),
                   ((20, 9), (20, 6))):
        msp.add_line((a[0] * k, a[1] * k), (b[0] * k, b[1] * k), dxfattribs={"layer": "BOOTHS"})
    msp.add_circle((50 * k, 30 * k), 0.8 * k, dxfattribs={"layer": "FURNITURE"})
    doc.saveas(path)
    return path


@pytest.mark.parametrize("units, k", [(4, 1000.0), (5, 100.0), (6, 1.0)])
def test_layers_become_kinds_in_metres_from_the_drawings_units(tmp_path, units, k):
    d = read_dxf(make_drawing(tmp_path / "hall.dxf", units=units, k=k))
    assert d.counts() == {"footprint": 1, "obstacles": 2, "booths": 3}
    assert d.footprint.bounds == (0.0, 0.0, 60.0, 40.0)
    assert sorted(c for c, _ in d.obstacles) == ["column", "wall"]
    assert d.booths["Q0103"].bounds == (9.0, 6.0, 12.0, 9.0)
    assert abs(d.booths["Q0101"].area - 9.0) < 1e-9
    assert d.layers["BOOTHS"] == {"kind": "booth", "entities": 7, "polygons": 4}
    whats = {s["what"]: s["why"] for s in d.skipped}
    assert whats["layer FURNITURE: 1 CIRCLE"].startswith("the layer's kind is not known")
    assert whats["layer BOOTHS: a booth at (21.50, 7.50)"] == "no booth code is written inside it"


def test_a_map_and_units_override_names_and_header(tmp_path):
    path = make_drawing(tmp_path / "hall.dxf", units=0, k=1.0)
    with pytest.raises(DataError, match=r"does not say its units.*--units"):
        read_dxf(path)
    d = read_dxf(path, parse_layer_map(["FURNITURE=column", "A-WALL=ignore"]), units="m")
    assert sorted(c for c, _ in d.obstacles) == ["column", "column"]
    assert not any("FURNITURE" in s["what"] for s in d.skipped)
    with pytest.raises(DataError, match="expected LAYER=KIND"):
        parse_layer_map(["BOOTHS=tables"])


def test_not_a_drawing_is_one_sentence(tmp_path):
    bad = tmp_path / "bad.dxf"
    bad.write_text("this is not a drawing\n")
    with pytest.raises(DataError, match="bad.dxf"):
        read_dxf(bad)
    with pytest.raises(DataError, match="does not exist"):
        read_dxf(tmp_path / "none.dxf")


def test_the_drawings_booths_become_the_levels_through_the_layout(tmp_path):
    layout = Layout.load()
    level = "H2-1F"
    free = [b for b in layout.venue.plans[level].booths if layout.owner(b.code) is None]
    keep, move = free[0], free[1]
    x0, y0 = move.polygon.bounds[:2]
    kx, ky = keep.polygon.bounds[:2]
    d = read_dxf(make_drawing(tmp_path / "hall.dxf", booths={
        keep.code: (kx, ky), move.code: (x0 + 0.5, y0), "Q9901": (x0, y0 + 40)}),
        {"OUTLINE": "ignore", "COLUMNS": "ignore", "A-WALL": "ignore"})
    changes = booth_changes(layout, level, d)
    ops = sorted((c.op, c.code) for c in changes if c.op != "remove")
    assert ops == [("add", "Q9901"), ("reshape", move.code)]
    removed = {c.code for c in changes if c.op == "remove"}
    assert keep.code not in removed and move.code not in removed
    assert len(removed) == len(layout.venue.plans[level].booths) - 2
    with pytest.raises(DataError, match="no such level"):
        booth_changes(layout, "H9-9F", d)
