"""QrCode: a QR code drawn module by module with QPainter (no image library needed)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QSizePolicy, QWidget

__all__ = ["QrCode", "qr_matrix"]

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of a QR code for ``text`` (True is dark), without the quiet zone.

    >>> m = qr_matrix("https://example.com")
    >>> len(m) == len(m[0]) >= 21
    True
    """
    import qrcode  # imported on first use: it is not needed for the first frame

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    qr.add_data(text)
    qr.make(fit=True)
    return [list(map(bool, row)) for row in qr.get_matrix()]


class QrCode(QWidget):
    """Shows ``text`` as a QR code, square, crisp at any size and pixel ratio."""

    def __init__(self, text: str = "", size: int = 132, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._size = size
        self._path = QPainterPath()
        self._n = 0
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self.text = text
        self._path = QPainterPath()
        self._n = 0
        if text:
            matrix = qr_matrix(text)
            self._n = len(matrix)
            for y, row in enumerate(matrix):
                x = 0
                while x < len(row):  # one rectangle per run of dark modules
                    if row[x]:
                        start = x
                        while x < len(row) and row[x]:
                            x += 1
                        self._path.addRect(QRectF(start, y, x - start, 1))
                    else:
                        x += 1
            self._path.setFillRule(Qt.FillRule.WindingFill)
        self.setAccessibleName(text)
        self.update()

    def modules(self) -> int:
        return self._n

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._size, self._size)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if not self._n:
            return
        total = self._n + 2 * QUIET_ZONE
        side = min(self.width(), self.height())
        # whole device pixels per module keep the edges sharp for a camera
        dpr = self.devicePixelRatioF()
        module = max(1, int(side * dpr / total)) / dpr
        offset = (side - module * total) / 2 + module * QUIET_ZONE
        painter.translate(offset, offset)
        painter.scale(module, module)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#000000"))
        painter.drawPath(self._path)
