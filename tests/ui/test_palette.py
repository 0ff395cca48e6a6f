"""The theme colours stay apart for colour-blind visitors: booth fills simulated under the
three dichromacies (Machado, Oliveira and Fernandes 2009, severity 1) differ by at least
12 CIELAB units from each other and from the grey of stands with no theme."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtGui import QColor

from exponav.ui.common.palette import MAP, fill_tone
from exponav.ui.visitor.main_window import theme_colours

SIMULATIONS = {
    "normal vision": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
MIN_DELTA_E = 12.0


def _linear(colours: list[QColor]) -> np.ndarray:
    c = np.array([[q.redF(), q.greenF(), q.blueF()] for q in colours])
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _lab(linear: np.ndarray) -> np.ndarray:
    rgb_to_xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                           [0.0193, 0.1192, 0.9505]])
    xyz = np.clip(linear, 0, 1) @ rgb_to_xyz.T / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.stack([116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]),
                     200 * (f[:, 1] - f[:, 2])], axis=1)


def _closest(colours: list[QColor], matrix: np.ndarray) -> tuple[float, int, int]:
    lab = _lab(_linear(colours) @ matrix.T)
    return min((float(np.linalg.norm(lab[i] - lab[j])), i, j)
               for i, j in itertools.combinations(range(len(colours)), 2))


def test_the_simulation_tells_red_from_green_only_with_normal_vision():
    red, green = QColor("#d62728"), QColor("#2ca02c")
    assert _closest([red, green], SIMULATIONS["normal vision"])[0] > 60
    assert _closest([red, green], SIMULATIONS["deuteranopia"])[0] < 25


@pytest.mark.parametrize("vision", list(SIMULATIONS))
def test_theme_fills_differ_under_colour_vision_deficiencies(nav, vision):
    themes = [t for t in theme_colours(nav).themes if t.id != "other"]
    assert len(themes) >= 8
    fills = [fill_tone(t.colour) for t in themes]
    delta, i, j = _closest(fills, SIMULATIONS[vision])
    assert delta >= MIN_DELTA_E, f"{themes[i].id} and {themes[j].id} differ by {delta:.1f} " \
                                 f"({vision})"
    for grey, what in ((QColor("#dddddd"), "Other"), (MAP.booth_free, "a free stand")):
        for theme, fill in zip(themes, fills, strict=True):
            d = _closest([fill, grey], SIMULATIONS[vision])[0]
            assert d >= MIN_DELTA_E, f"{theme.id} is {d:.1f} from {what} ({vision})"
