"""The printed QR code's module matrix: UTF-8, error correction M, a quiet zone of 4 modules.

The mask is chosen by the standard's penalty computed with numpy, the same choice
``qrcode`` makes, faster; the sheet draws the matrix as vector squares.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import qrcode

__all__ = ["QUIET_ZONE", "qr_modules"]

QUIET_ZONE = 4  # modules

_FINDER_LIKE = np.array([1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0], dtype=np.int8)


def _mask_penalty(modules: Sequence[Sequence[bool | None]]) -> int:
    """The ISO 18004 mask penalty, as ``qrcode.util.lost_point`` scores it, in numpy."""
    m = np.array(modules, dtype=bool).astype(np.int8)
    n = len(m)
    score = 0
    for a in (m, m.T):
        flat = np.hstack([a, np.full((n, 1), 2, np.int8)]).ravel()  # 2 ends each line
        cuts = np.flatnonzero(np.diff(flat)) + 1
        starts = np.r_[0, cuts]
        lengths = np.diff(np.r_[starts, len(flat)])
        runs = lengths[(flat[starts] != 2) & (lengths >= 5)]
        score += int((runs - 2).sum())  # rule 1: runs of five or more
        win = np.lib.stride_tricks.sliding_window_view(a, 11, axis=1)
        score += 40 * int(((win == _FINDER_LIKE).all(-1)
                           | (win == _FINDER_LIKE[::-1]).all(-1)).sum())  # rule 3
    b = m[:-1, :-1]
    score += 3 * int(((b == m[1:, :-1]) & (b == m[:-1, 1:]) & (b == m[1:, 1:])).sum())
    return score + 10 * int(abs(m.sum() / n ** 2 * 100 - 50) / 5)  # rules 2 and 4


class _QRCode(qrcode.QRCode):
    """``qrcode.QRCode`` choosing its mask with the numpy penalty (same choice, faster)."""

    def best_mask_pattern(self) -> int:
        scores = []
        for i in range(8):
            self.makeImpl(True, i)
            scores.append(_mask_penalty(self.modules))
        return int(np.argmin(scores))


@lru_cache(maxsize=16)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of ``payload`` (UTF-8, error correction M), quiet zone included.

    Cached: a preview, a print and a PDF of one visit encode it once.
    """
    code = _QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(payload.encode("utf-8"), optimize=0)
    code.make(fit=True)
    return tuple(tuple(bool(v) for v in row) for row in code.get_matrix())
