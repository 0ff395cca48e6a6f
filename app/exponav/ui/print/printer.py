"""A visit sent to a printer, or shown in Qt's print preview, with the PDF's own drawing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize

from exponav.ui.print.paint import paint_itinerary
from exponav.ui.print.paper import page_size, paper_for_width, paper_of

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QWidget

    from exponav.core.navigator import Navigator
    from exponav.core.visit.itinerary import Itinerary

__all__ = ["print_itinerary", "print_preview_dialog"]


def print_itinerary(itinerary: Itinerary, nav: Navigator, printer: QPrinter,
                    paper: str | None = None, printed_from: str | None = None,
                    heading_deg: float = 0.0) -> int:
    """Print on ``printer`` with the same drawing as the PDF; returns the page count.

    Without ``paper``, a printer whose paper is at most 90 mm wide gets the receipt.
    """
    if paper is None:
        width = printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter).width()
        paper = paper_for_width(width)
    printer.setFullPage(True)

    def set_page(size: QPageSize) -> None:
        printer.setPageSize(size)
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)

    return paint_itinerary(printer, itinerary, nav, paper, printed_from, set_page=set_page,
                           heading_deg=heading_deg)


def print_preview_dialog(itinerary: Itinerary, nav: Navigator, parent: QWidget | None = None,
                         paper: str = "a4", printed_from: str | None = None
                         ) -> QPrintPreviewDialog:
    """A print preview of the itinerary (call ``exec()`` on it); printing from it uses
    :func:`print_itinerary`."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(page_size(paper_of(paper)))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print your visit")
    dialog.paintRequested.connect(
        lambda p: print_itinerary(itinerary, nav, p, paper, printed_from))
    dialog._exponav_printer = printer  # keep the printer alive with the dialog
    return dialog
