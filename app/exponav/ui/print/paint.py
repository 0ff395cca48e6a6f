"""One drawing for every output: a visit painted on a paged device (a PDF writer or a printer).

The sheet (A4, Letter) or the receipt is laid out once without a painter, to learn its
page count or its length, then drawn. Chinese names print through the CJK font chain
of :mod:`exponav.ui.common.fonts`; fonts need a QGuiApplication, made here if missing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter

from exponav.ui.print.canvas import Sheet
from exponav.ui.print.paper import page_size, paper_of
from exponav.ui.print.printout import printed_from_label
from exponav.ui.print.receipt_layout import ReceiptLayout
from exponav.ui.print.sheet_layout import SheetLayout

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice

    from exponav.core.navigator import Navigator
    from exponav.core.visit.itinerary import Itinerary

__all__ = ["ensure_app", "paint_itinerary"]

_APP: QGuiApplication | None = None


def _guard_none_refcount() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every void call;
    a printed page makes thousands of them. :mod:`exponav.ui.common.qt_compat` (applied when
    ``exponav.ui`` is imported) guards against it; make sure it has run."""
    try:
        from exponav.ui.common.qt_compat import guard_none_refcount
    except ImportError:  # pragma: no cover - a binding without the defect needs nothing
        return
    guard_none_refcount()


def ensure_app() -> None:
    """Fonts and PDF writing need a QGuiApplication; make one (offscreen if headless)."""
    _guard_none_refcount()
    if QGuiApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication  # widgets too: a preview may follow

    global _APP
    _APP = QApplication([sys.argv[0] if sys.argv else "exponav"])


def _draw(device: QPagedPaintDevice, draw: Callable[[Sheet], object]) -> None:
    """Run ``draw`` on a sheet with a painter on ``device``."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("Cannot start printing on this device.")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw(Sheet(device, painter))
    finally:
        painter.end()


def paint_itinerary(device: QPagedPaintDevice, itinerary: Itinerary, nav: Navigator,
                    paper: str = "a4", printed_from: str | None = None,
                    printed_at: datetime | None = None,
                    set_page: Callable[[QPageSize], None] | None = None,
                    heading_deg: float = 0.0, lang: str | None = None,
                    page_mm: tuple[float, float] | None = None) -> int:
    """Paint the itinerary on a paged device (QPdfWriter or QPrinter); returns the pages.

    The device's page size is set here (for the receipt, to the length its content needs),
    unless ``page_mm`` gives the sheet's own page (a printer's paper, kept as it is).
    ``heading_deg`` turns the maps so that this compass direction is up (a kiosk prints
    its maps heading-up, as its screen shows them); a small compass shows north.
    ``lang`` is the visitor's language (en, zh-Hant, id); None is the interface's now.
    """
    ensure_app()
    paper = paper_of(paper)
    origin_from = printed_from if printed_from is not None else printed_from_label()
    when = printed_at or nav.clock.now()  # the show clock: a rehearsal prints its day

    def apply(size: QPageSize) -> None:
        if set_page is not None:
            set_page(size)
        else:
            device.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                             QMarginsF(0, 0, 0, 0)))

    if paper == "receipt80":
        receipt = ReceiptLayout(itinerary, nav, origin_from, when, heading_deg, lang)
        apply(page_size(paper, receipt.render(Sheet(device, None))))
        _draw(device, receipt.render)
        return 1
    sheet = SheetLayout(itinerary, nav, paper, origin_from, when, heading_deg, lang, page_mm)
    if page_mm is None:
        apply(page_size(paper))
    probe = Sheet(device, None)
    sheet.render(probe, 0)
    _draw(device, lambda s: sheet.render(s, probe.pages))
    return probe.pages
