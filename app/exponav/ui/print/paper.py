"""The papers a visit prints on: A4, Letter and the 80 mm receipt, as Qt page sizes."""

from __future__ import annotations

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPageLayout, QPageSize

from exponav.core.errors import ExpoNavError

__all__ = ["PAPERS", "RECEIPT_PRINTABLE_MM", "page_mm", "page_size", "paper_for_width", "paper_of",
           "paper_of_page"]

#: paper -> (width, height) in mm; the receipt's height follows its content
PAPERS: dict[str, tuple[float, float | None]] = {
    "a4": (210.0, 297.0),
    "letter": (215.9, 279.4),
    "receipt80": (80.0, None),
}
RECEIPT_PRINTABLE_MM = 72.0


def paper_of(paper: str) -> str:
    """The key of :data:`PAPERS` a user's spelling names (``"A4"``, ``"80mm"`` ...).

    >>> paper_of("A4"), paper_of("receipt"), paper_of("80 mm")
    ('a4', 'receipt80', 'receipt80')
    """
    key = paper.lower().replace(" ", "").replace("-", "")
    if key in ("receipt", "receipt80", "80mm"):
        return "receipt80"
    if key not in PAPERS:
        raise ExpoNavError(f"Unknown paper {paper!r}; use a4, letter or receipt80.")
    return key


def paper_for_width(width_mm: float) -> str:
    """The paper a printer holds, from its page's width: at most 90 mm is the receipt."""
    if width_mm <= 90:
        return "receipt80"
    return "letter" if abs(width_mm - PAPERS["letter"][0]) < 1 else "a4"


#: Qt's North American sheet sizes: a layout for Letter suits them (Legal is longer).
_LETTER_LIKE = {QPageSize.PageSizeId.Letter, QPageSize.PageSizeId.Legal,
                QPageSize.PageSizeId.Executive, QPageSize.PageSizeId.Tabloid,
                QPageSize.PageSizeId.Ledger, QPageSize.PageSizeId.ExecutiveStandard,
                QPageSize.PageSizeId.LegalExtra, QPageSize.PageSizeId.LetterExtra,
                QPageSize.PageSizeId.LetterPlus, QPageSize.PageSizeId.LetterSmall}


def page_mm(layout: QPageLayout) -> tuple[float, float]:
    """The width and height in mm of a page as it is printed (turned when landscape)."""
    rect = layout.fullRect(QPageLayout.Unit.Millimeter)
    return round(rect.width(), 1), round(rect.height(), 1)


def paper_of_page(layout: QPageLayout) -> str:
    """The layout that suits a printer's page: the receipt on paper at most 90 mm wide,
    Letter on North American sizes, else A4 (A-series and other sheets).

    >>> from PySide6.QtCore import QMarginsF
    >>> def page(size): return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF())
    >>> [paper_of_page(page(QPageSize(i))) for i in (QPageSize.PageSizeId.A4,
    ...  QPageSize.PageSizeId.Letter, QPageSize.PageSizeId.Legal, QPageSize.PageSizeId.A5)]
    ['a4', 'letter', 'letter', 'a4']
    >>> paper_of_page(page(page_size("receipt80", 300)))
    'receipt80'
    """
    size = layout.pageSize()
    portrait = size.size(QPageSize.Unit.Millimeter)
    if min(portrait.width(), portrait.height()) <= 90:
        return "receipt80"
    if size.id() in _LETTER_LIKE:
        return "letter"
    return paper_for_width(portrait.width())


def page_size(paper: str, length_mm: float | None = None) -> QPageSize:
    """Qt's page size of ``paper``; the receipt is ``length_mm`` long (200 mm if not said)."""
    if paper == "a4":
        return QPageSize(QPageSize.PageSizeId.A4)
    if paper == "letter":
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QSizeF(PAPERS["receipt80"][0], round(length_mm or 200.0, 1)),
                     QPageSize.Unit.Millimeter, "Receipt 80 mm",
                     QPageSize.SizeMatchPolicy.ExactMatch)
