"""What covers the kiosk screen for a moment: the idle countdown, a printer problem
with the QR code instead, a scanned code that cannot be used, and the out-of-service
screen.

Overlays are children of the kiosk window (never separate windows, which a window
manager could show beside it): a dimmed backdrop over the whole window with a card in
the middle, kept the size of the window as it changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from exponav.ui.panels.qr_code import QrCode

__all__ = ["CountdownOverlay", "NoticeOverlay", "OutOfServiceScreen", "Overlay",
           "PrintedOverlay"]


class Overlay(QWidget):
    """A backdrop over the whole parent with a centred card (``self.card``)."""

    def __init__(self, parent: QWidget, card_width: int = 760) -> None:
        super().__init__(parent)
        self.setObjectName("kioskOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card = QFrame(self)
        self.card.setObjectName("overlayCard")
        self.card.setFixedWidth(card_width)
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(48, 40, 48, 40)
        self.body.setSpacing(18)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        parent.installEventFilter(self)
        self.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parent().rect())
        return False

    def open(self) -> None:
        self.setGeometry(self.parent().rect())
        self.show()
        self.raise_()

    def _label(self, name: str, wrap: bool = True) -> QLabel:
        label = QLabel(self.card)
        label.setObjectName(name)
        label.setWordWrap(wrap)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(label)
        return label


class CountdownOverlay(Overlay):
    """"Are you still there?" with seconds counting down; :attr:`finished` at zero.

    The kiosk cancels it on any touch (:meth:`cancel`). ``tick_ms`` is one displayed
    second (tests make it short).
    """

    finished = Signal()

    def __init__(self, parent: QWidget, seconds: int = 10, tick_ms: int = 1000) -> None:
        super().__init__(parent, 820)
        self.seconds = seconds
        self.left = seconds
        self.title = self._label("countdownTitle")
        self.number = self._label("countdownNumber", wrap=False)
        self.hint = self._label("countdownHint")
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self._tick)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Are you still there?"))
        self.hint.setText(self.tr("Touch the screen to carry on. Otherwise this kiosk "
                                  "starts afresh, and what you looked for is forgotten."))
        self.number.setText(str(self.left))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def start(self) -> None:
        self.left = self.seconds
        self.number.setText(str(self.left))
        self.open()
        self.timer.start()

    def running(self) -> bool:
        return self.timer.isActive()

    def cancel(self) -> None:
        self.timer.stop()
        self.hide()

    def _tick(self) -> None:
        self.left -= 1
        self.number.setText(str(max(0, self.left)))
        if self.left <= 0:
            self.timer.stop()
            self.hide()
            self.finished.emit()


class PrintedOverlay(Overlay):
    """After printing: "take your receipt", or the printer's trouble and the QR code."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, 900)
        self.title = self._label("printTitle")
        self.message = self._label("printMessage")
        self.qr = QrCode("", 420, self.card)
        self.body.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignCenter)
        self.done = QPushButton(self.card)
        self.done.setObjectName("overlayButton")
        self.done.setMinimumHeight(72)
        self.done.clicked.connect(self.hide)
        self.body.addWidget(self.done)
        self._auto = QTimer(self)
        self._auto.setSingleShot(True)
        self._auto.timeout.connect(self.hide)
        self.failed = False

    def show_printed(self) -> None:
        self.failed = False
        self.title.setText(self.tr("Printing your visit"))
        self.message.setText(self.tr("Take your receipt from the slot below the screen."))
        self.qr.hide()
        self.done.setText(self.tr("OK"))
        self.open()
        self._auto.start(6000)

    def show_problem(self, payload: str) -> None:
        """The printer could not print: say so kindly and show the visit's QR code."""
        self.failed = True
        self._auto.stop()
        self.title.setText(self.tr("The printer is not working just now"))
        self.message.setText(self.tr("Scan this code with your phone's camera instead: it "
                                     "holds your whole visit and needs no network."))
        self.qr.set_text(payload)
        self.qr.setFixedSize(420, 420)
        self.qr.show()
        self.done.setText(self.tr("Done"))
        self.open()


class NoticeOverlay(Overlay):
    """A sentence for the visitor over whatever page is showing (a scanned code that
    cannot be used); gone after ``seconds`` or with OK."""

    def __init__(self, parent: QWidget, seconds: float = 10.0) -> None:
        super().__init__(parent, 820)
        self.title = self._label("printTitle")  # styled as the printing notes
        self.message = self._label("printMessage")
        self.done = QPushButton(self.card)
        self.done.setObjectName("overlayButton")
        self.done.setMinimumHeight(72)
        self.done.clicked.connect(self.hide)
        self.body.addWidget(self.done)
        self._auto = QTimer(self)
        self._auto.setSingleShot(True)
        self._auto.setInterval(round(seconds * 1000))
        self._auto.timeout.connect(self.hide)

    def show_notice(self, title: str, message: str) -> None:
        self.title.setText(title)
        self.message.setText(message)
        self.done.setText(self.tr("OK"))
        self.open()
        self._auto.start()


class OutOfServiceScreen(QWidget):
    """Shown instead of the navigator when the kiosk cannot work: for visitors a short
    apology, for staff the reason (the data file, the kiosk id) in small print."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outOfService")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.reason = reason
        layout = QVBoxLayout(self)
        layout.setContentsMargins(120, 120, 120, 80)
        layout.setSpacing(24)
        layout.addStretch(2)
        title = QLabel("Out of service · 暫停服務 · Tidak dapat digunakan", self)
        title.setObjectName("oosTitle")
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        sorry = QLabel("Sorry, this kiosk is not working. Please use another kiosk or ask at "
                       "the information desk.\n抱歉，本查詢機暫停服務，請使用其他查詢機或洽詢服務台。",
                       self)
        sorry.setObjectName("oosText")
        sorry.setWordWrap(True)
        sorry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(sorry)
        layout.addStretch(3)
        self.staff = QLabel(f"For staff: {reason}", self)
        self.staff.setObjectName("oosStaff")
        self.staff.setWordWrap(True)
        self.staff.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.staff.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.staff)
