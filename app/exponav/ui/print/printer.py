"""A visit sent to a printer, or shown in Qt's print preview, with the PDF's own drawing; the
system's printers (CUPS, Windows) by name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize

from exponav.core.errors import ExpoNavError
from exponav.ui.print.paint import ensure_app, paint_itinerary
from exponav.ui.print.paper import page_mm, page_size, paper_of, paper_of_page

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QWidget

    from exponav.core.navigator import Navigator
    from exponav.core.visit.itinerary import Itinerary

__all__ = ["print_itinerary", "print_preview_dialog", "printer_names", "system_printer"]


def printer_names() -> list[str]:
    """The printers the printing system (CUPS, Windows) knows; [] when there is none or no
    printing system answers."""
    from PySide6.QtPrintSupport import QPrinterInfo

    ensure_app()
    return sorted(QPrinterInfo.availablePrinterNames())


def _listed(names: list[str]) -> str:
    return ", ".join(names[:12]) + (f" and {len(names) - 12} more" if len(names) > 12 else "")


def system_printer(name: str | None = None) -> QPrinter:
    """A QPrinter on the system's printer ``name`` (the default printer when None or "");
    ExpoNavError with one sentence when there is no such printer or no printer at all."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    names = printer_names()
    if not names:
        raise ExpoNavError("No printer is set up on this machine (no printing system such as "
                           "CUPS answered); nothing was printed.")
    if name:
        info = QPrinterInfo.printerInfo(name)
        if info.isNull():
            raise ExpoNavError(f"There is no printer {name!r}; the printers here are "
                               f"{_listed(names)}.")
    else:
        info = QPrinterInfo.defaultPrinter()
        if info.isNull():
            raise ExpoNavError("There is no default printer; name one with --print NAME "
                               f"(the printers here are {_listed(names)}).")
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


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
