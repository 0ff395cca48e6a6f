"""A visit written as a PDF (A4, Letter or an 80 mm receipt), whole or not at all."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QPdfWriter

from exponav.ui.print.paint import ensure_app, paint_itinerary

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator
    from exponav.core.visit.itinerary import Itinerary

__all__ = ["write_pdf"]


def write_pdf(itinerary: Itinerary, nav: Navigator, path: str | Path, paper: str = "a4",
              printed_from: str | None = None, printed_at: datetime | None = None,
              heading_deg: float = 0.0, lang: str | None = None) -> Path:
    """Write the itinerary as a PDF (A4, Letter or an 80 mm receipt); sets ``itinerary.pdf``.

    ``printed_from`` is what the footer names: ``printed_from_label(kiosk_id)`` gives
    ``"kiosk K-H2-1F-1"``; by default it names no place. ``lang`` is the visitor's
    language (en, zh-Hant, id); None is the interface's language now.
    """
    ensure_app()
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(600)
    writer.setCreator("ExpoNav")
    show = itinerary.show
    writer.setTitle(f"{show.name if show else 'ExpoNav'} · {itinerary.start}")
    paint_itinerary(writer, itinerary, nav, paper, printed_from, printed_at,
                    heading_deg=heading_deg, lang=lang)
    del writer  # flushes the file
    os.replace(tmp, target)
    itinerary.pdf = str(target)
    return target
