"""A visit on a kiosk: printed on the kiosk's printer with no dialog, scanned back in.

:class:`KioskVisit` is mixed into :class:`~exponav.ui.kiosk.window.KioskWindow`.

* Printing goes to the kiosk's printer (:func:`make_printer`: the system default, a
  printer name, or ``pdf:FILE``); when the printer fails the visitor gets a friendly
  message and the visit's QR code on screen instead. A ``pdf:`` receipt is written only
  where staff set it, readable by its owner only (0600), and removed at the next reset.
* A wedge scanner's ``EXPONAV1|`` line loads that visit, planned again from this kiosk.
  A line of more than :data:`MAX_SCANNED_STOPS` stops, or one that is not a visit of
  this show, is refused with a sentence over whatever page the visitor is looking at.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from exponav.core.errors import ExpoNavError
from exponav.core.visit.qr import parse_machine_line
from exponav.ui.kiosk.log import log

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from exponav.core.io.kiosk_config import KioskSettings
    from exponav.core.model import Kiosk
    from exponav.core.navigator import Navigator
    from exponav.core.visit.itinerary import Itinerary
    from exponav.ui.kiosk.overlays import NoticeOverlay, PrintedOverlay
    from exponav.ui.visitor.main_window import MainWindow

__all__ = ["MAX_SCANNED_STOPS", "KioskVisit", "make_printer", "pdf_target"]

#: the most stops a scanned visit may have: a long day at a show, planned in well under
#: a second; more is not a visit a person walks
MAX_SCANNED_STOPS = 30


def pdf_target(printer_name: str) -> Path | None:
    """The file a ``pdf:FILE`` printer writes (None for a real printer)."""
    return Path(printer_name[4:]) if printer_name.startswith("pdf:") else None


def make_printer(name: str) -> QPrinter:
    """The kiosk's QPrinter: ``""`` the system default, a printer name, or ``pdf:FILE``.
    Raises OSError with a sentence for staff when there is no such printer."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    target = pdf_target(name)
    if target is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer
    if name:
        printer.setPrinterName(name)
        if printer.printerName() != name:
            raise OSError(f"There is no printer named {name!r} on this machine.")
    elif printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        raise OSError("This machine has no printer (set one with `exponav kiosk set printer`).")
    if not printer.isValid():
        raise OSError(f"The printer {name or '(default)'} is not usable.")
    return printer


def _private_file(target: Path) -> None:
    """Make ``target`` an empty regular file only its owner reads, before the printer
    writes it (never through a symbolic link, never anything but a regular file)."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o600)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{target} is not a regular file.")
        os.fchmod(fd, 0o600)
        os.ftruncate(fd, 0)
    finally:
        os.close(fd)


class KioskVisit:
    """Printing and scanning, for the kiosk window (see the module docstring)."""

    settings: KioskSettings
    nav: Navigator | None
    kiosk: Kiosk | None
    kiosk_id: str
    navigator: MainWindow | None
    printed: PrintedOverlay
    notice: NoticeOverlay
    idle: QTimer
    _dirty: bool
    _receipt: Path | None

    # -- the visit panel's buttons -----------------------------------------------------

    def _take_over_printing(self, window: MainWindow) -> None:
        """The visit panel's Print goes straight to the kiosk's printer (its desktop
        preview is a dialog); its "Save PDF" has no place on a kiosk."""
        panel = window.visits.panel
        for signal in (panel.print_requested, panel.pdf_requested):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect()
        panel.print_requested.connect(self.print_visit)
        panel.allow_pdf(False)

        def kiosk_buttons() -> None:  # after each refill of the panel, which shows them
            panel.pdf_button.hide()
            panel.print_button.setText(self.tr("Print my visit"))

        window.visit.stops_changed.connect(kiosk_buttons)
        window.visit.planned.connect(kiosk_buttons)
        kiosk_buttons()

    # -- printing ----------------------------------------------------------------------

    def visit_itinerary(self) -> Itinerary | None:
        """The visit as planned from this kiosk (the window's plan when it is current)."""
        if self.navigator is None or self.navigator.visit.is_empty():
            return None
        return self.navigator.visits.itinerary_now()

    def print_visit(self) -> bool:
        """Print the visit on the kiosk's printer, no dialog; on any printer trouble,
        say so and show the QR code. True when it printed."""
        from exponav.ui.print.printer import print_itinerary
        from exponav.ui.print.printout import printed_from_label

        itinerary = None
        target = pdf_target(self.settings.printer)
        try:
            itinerary = self.visit_itinerary()
            if itinerary is None:
                return False
            printer = make_printer(self.settings.printer)
            if target is not None:
                self._receipt = target
                _private_file(target)
            print_itinerary(itinerary, self.nav, printer, self.settings.paper,
                            printed_from_label(self.kiosk_id),
                            heading_deg=self.kiosk.heading_deg)
            if target is not None:
                os.chmod(target, 0o600)
        except Exception as e:  # noqa: BLE001 - the visitor gets the QR code instead
            log(f"printing failed: {e}")
            if itinerary is None:
                return False
            self.printed.show_problem(itinerary.qr_payload)
            return False
        self.printed.show_printed()
        return True

    def receipt_on_disk(self) -> bool:
        """Whether a receipt this kiosk wrote to a ``pdf:`` printer is still there."""
        return self._receipt is not None and self._receipt.exists()

    def forget_receipt(self) -> None:
        """Remove the receipt a ``pdf:`` printer wrote for the last visitor."""
        target, self._receipt = self._receipt, None
        if target is None:
            return
        try:
            target.unlink(missing_ok=True)
        except OSError as e:
            log(f"the receipt {target} could not be removed: {e}")

    # -- scanning ----------------------------------------------------------------------

    def load_scanned(self, line: str) -> bool:
        """A scanned ``EXPONAV1|`` line: that visit, planned again from this kiosk; or a
        sentence saying why not, where the visitor is looking."""
        w = self.navigator
        if w is None:
            return False
        with contextlib.suppress(ExpoNavError):  # a damaged line: the window says why
            stops = len(parse_machine_line(line).stops)
            if stops > MAX_SCANNED_STOPS:
                return self._scan_refused(
                    self.tr("This visit has %1 stops; a kiosk plans at most %2. Ask at "
                            "the information desk, or plan a shorter visit.")
                    .replace("%1", str(stops)).replace("%2", str(MAX_SCANNED_STOPS)))
        said: list[str] = []
        w.visits.message_shown.connect(said.append)
        ok = False
        try:
            ok = bool(w.load_visit_payload(line))
        except Exception as e:  # noqa: BLE001 - a damaged code must not stop the kiosk
            log(f"scanned line not loaded: {e}")
        finally:
            w.visits.message_shown.disconnect(said.append)
        if not ok:
            return self._scan_refused(said[-1] if said else
                                      self.tr("This code is not an ExpoNav visit."))
        self._dirty = True
        self.notice.hide()
        self._hide_keyboard()
        self.go_navigator()
        self.idle.start()
        self.visit_scanned.emit(True)
        return True

    def _scan_refused(self, sentence: str) -> bool:
        log(f"scanned line refused: {sentence}")
        self._dirty = True
        self._hide_keyboard()  # the sentence and its OK, with nothing over them
        self.notice.show_notice(self.tr("This code cannot be used here"), sentence)
        self.idle.start()
        self.visit_scanned.emit(False)
        return False
