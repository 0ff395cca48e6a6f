"""A visit sent to a printer, or shown in Qt's print preview, with the PDF's own drawing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize

from exponav.ui.print.paint import paint_itinerary
from exponav.ui.print.paper import page_mm, page_size, paper_of, paper_of_page

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QWidget

    from exponav.core.navigator import Navigator
    from exponav.core.visit.itinerary import Itinerary

__all__ = ["print_itinerary", "print_preview_dialog"]


def print_itinerary(itinerary: Itinerary, nav: Navigator, printer: QPrinter,
                    paper: str | None = None, printed_from: str | None = None,
                    heading_deg: float = 0.0, lang: str | None = None) -> int:
    """Print on ``printer`` with the same drawing as the PDF; returns the page count.

    Without ``paper`` the printout suits the paper the printer holds (as chosen in the
    print dialog): a page at most 90 mm wide gets the receipt, as long as its content;
    any other page keeps its size and orientation and gets the sheet laid out on it
    (Letter's layout on North American sizes, A4's otherwise). With ``paper`` the
    printer's page is set to that paper. ``lang``: the visitor's language (None: the
    interface's now).
    """
    page = None
    if paper is None:
        paper = paper_of_page(printer.pageLayout())
        if paper != "receipt80":
            page = page_mm(printer.pageLayout())
    printer.setFullPage(True)

    def set_page(size: QPageSize) -> None:
        printer.setPageSize(size)
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)

    return paint_itinerary(printer, itinerary, nav, paper, printed_from, set_page=set_page,
                           heading_deg=heading_deg, lang=lang, page_mm=page)


def print_preview_dialog(itinerary: Itinerary, nav: Navigator, parent: QWidget | None = None,
                         paper: str | None = None, printed_from: str | None = None,
                         lang: str | None = None) -> QPrintPreviewDialog:
    """A print preview of the itinerary (call ``exec()`` on it) on the default printer's
    paper, or on ``paper``; printing from it uses :func:`print_itinerary` with the paper
    of the printer chosen in its print dialog (a receipt printer gets the receipt)."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if paper is not None:
        printer.setPageSize(page_size(paper_of(paper)))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print your visit")
    # Each paint (again after the print dialog) lays out for the paper the printer holds
    # then: ``paper`` only sets where the preview starts.
    dialog.paintRequested.connect(
        lambda target: print_itinerary(itinerary, nav, target, None, printed_from, lang=lang))
    dialog._exponav_printer = printer  # keep the printer alive with the dialog
    return dialog
