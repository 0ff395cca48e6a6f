"""The layout for the venue's approval: one level at a stated scale (1:100 to 1:1000) on
A3 or A1, landscape, with its booths by code and sales status, the width of its aisles,
a legend with a scale bar, and a title block to sign; printed (QPrinter, with a preview)
or written as a PDF.

The hall is drawn to scale from the layout itself, in millimetres of paper
(1 m = 1000 / scale mm), north up: a level that does not fit at the chosen scale and
paper is refused in one sentence naming what would fit. Aisle widths are those of
:func:`~exponav.core.layout.aisles.find_aisles` over the whole level, one figure per
aisle where it fits, in red below the venue's minimum.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QPolygonF,
)

from exponav.core.errors import ExpoNavError
from exponav.core.layout.aisles import find_aisles
from exponav.ui.editor.scene import STATUS_COLOURS
from exponav.ui.print.canvas import INK, SOFT, WHITE, Sheet
from exponav.ui.print.map_labels import scale_bar

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice

    from exponav.core.layout import Layout
    from exponav.core.navigator import Navigator

__all__ = ["PAPERS", "SCALES", "ApprovalJob", "paint_approval", "sheet_geometry",
           "write_approval_pdf"]

#: paper -> (name, long side, short side in mm), drawn landscape
PAPERS = {"a3": (QPageSize.PageSizeId.A3, 420.0, 297.0),
          "a1": (QPageSize.PageSizeId.A1, 841.0, 594.0)}
SCALES = (100, 200, 250, 500, 1000)
MARGIN_MM = 8.0
SIDE_MM = 84.0  # the legend and the title block, right of the hall
GAP_MM = 4.0
TOO_NARROW = QColor("#cc3311")
OBSTACLE = QColor("#b9bec7")
FLOOR = QColor("#fbfaf7")
EXIT = QColor("#1e8e3e")
ENTRANCE = QColor("#1b5fd1")


def translate(context: str, text: str) -> str:
    """Qt's translation of ``text`` (lupdate finds these calls by their name)."""
    return QCoreApplication.translate(context, text)


@dataclass(frozen=True)
class ApprovalJob:
    """What to print: a level, at 1:``scale``, on ``paper`` (a3 or a1)."""

    level: str
    scale: int = 500
    paper: str = "a3"
    lang: str = "en"


def sheet_geometry(layout: Layout, job: ApprovalJob) -> tuple[float, float, QRectF]:
    """(paper width, height, the hall's rectangle on it) in mm; ExpoNavError, naming
    a scale and paper that fit, when the hall does not fit."""
    if job.paper not in PAPERS:
        raise ExpoNavError(f"paper {job.paper!r}: choose {' or '.join(PAPERS)}.")
    if job.scale not in SCALES:
        raise ExpoNavError(f"scale 1:{job.scale}: choose one of "
                           f"{', '.join(f'1:{s}' for s in SCALES)}.")
    if job.level not in layout.venue.plans:
        raise ExpoNavError(f"there is no level {job.level!r}.")
    _, pw, ph = PAPERS[job.paper]
    x0, y0, x1, y1 = layout.venue.plans[job.level].footprint.bounds

    def room(paper: str) -> tuple[float, float]:
        _, a, b = PAPERS[paper]
        return a - 2 * MARGIN_MM - SIDE_MM - GAP_MM, b - 2 * MARGIN_MM

    room_w, room_h = room(job.paper)
    k = 1000.0 / job.scale
    w, h = (x1 - x0) * k, (y1 - y0) * k
    if w > room_w or h > room_h:
        papers = [job.paper] + [p for p in PAPERS if p != job.paper]
        fits = [f"1:{s} on {p.upper()}" for p in papers for s in SCALES
                if (x1 - x0) * 1000 / s <= room(p)[0] and (y1 - y0) * 1000 / s <= room(p)[1]]
        raise ExpoNavError(
            f"{job.level} ({x1 - x0:.0f} × {y1 - y0:.0f} m) needs {w:.0f} × {h:.0f} mm at "
            f"1:{job.scale}, more than {job.paper.upper()} holds; choose "
            f"{fits[0] if fits else 'a smaller scale'}.")
    left = MARGIN_MM + (room_w - w) / 2
    top = MARGIN_MM + (room_h - h) / 2
    return pw, ph, QRectF(left, top, w, h)


def _page_layout(job: ApprovalJob) -> QPageLayout:
    return QPageLayout(QPageSize(PAPERS[job.paper][0]), QPageLayout.Orientation.Landscape,
                       QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def paint_approval(device: QPagedPaintDevice, layout: Layout, nav: Navigator,
                   job: ApprovalJob, printed_at: datetime | None = None) -> None:
    """Draw the sheet on ``device`` (a QPrinter or a QPdfWriter set to the job's paper)."""
    pw, ph, hall = sheet_geometry(layout, job)
    painter = QPainter(device)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        sheet = Sheet(device, painter)
        _Drawing(sheet, layout, nav, job, hall).draw()
        _legend(sheet, layout, job, pw)
        _title_block(sheet, layout, nav, job, pw, ph, printed_at or datetime.now())
    finally:
        painter.end()


def write_approval_pdf(layout: Layout, nav: Navigator, path: str | Path, job: ApprovalJob,
                       printed_at: datetime | None = None) -> Path:
    """Write the sheet as a PDF, whole or not at all."""
    sheet_geometry(layout, job)  # refuse before anything is written
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    try:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(600)
        writer.setCreator("ExpoNav")
        writer.setTitle(f"{nav.show_info.name} · {job.level} · 1:{job.scale}")
        writer.setPageLayout(_page_layout(job))
        paint_approval(writer, layout, nav, job, printed_at)
        del writer  # flushes the file
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def set_printer(printer, job: ApprovalJob) -> None:
    """Make a QPrinter print the job's paper, landscape, to the edge the sheet draws."""
    printer.setPageLayout(_page_layout(job))
    printer.setFullPage(True)


class _Drawing:
    """The hall to scale inside ``hall`` (mm on the sheet)."""

    def __init__(self, sheet: Sheet, layout: Layout, nav: Navigator, job: ApprovalJob,
                 hall: QRectF) -> None:
        self.s, self.layout, self.nav, self.job, self.hall = sheet, layout, nav, job, hall
        self.plan = layout.venue.plans[job.level]
        self.x0, _, _, self.y1 = self.plan.footprint.bounds
        self.mm_per_m = 1000.0 / job.scale

    def at(self, x: float, y: float) -> QPointF:
        """A model point (metres, y north) in device units."""
        k = self.s.k
        return QPointF((self.hall.left() + (x - self.x0) * self.mm_per_m) * k,
                       (self.hall.top() + (self.y1 - y) * self.mm_per_m) * k)

    def path(self, geom) -> QPainterPath:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for part in getattr(geom, "geoms", [geom]):
            for ring in [part.exterior, *part.interiors]:
                path.addPolygon(QPolygonF([self.at(x, y) for x, y, *_ in ring.coords]))
                path.closeSubpath()
        return path

    def pen(self, colour: QColor, mm: float) -> QPen:
        pen = QPen(colour, mm * self.s.k)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        return pen

    def draw(self) -> None:
        p = self.s.p
        assert p is not None
        p.setPen(self.pen(INK, 0.5))
        p.setBrush(FLOOR)
        p.drawPath(self.path(self.plan.footprint))
        p.setPen(self.pen(QColor("#8a909a"), 0.15))
        p.setBrush(OBSTACLE)
        for ob in self.plan.obstacles:
            p.drawPath(self.path(ob.polygon))
        for o in self.plan.openings:
            p.setPen(self.pen(EXIT if o.service == "exit" else ENTRANCE, 1.2))
            coords = list(o.line.coords)
            for (ax, ay), (bx, by) in zip(coords[:-1], coords[1:], strict=True):
                p.drawLine(self.at(ax, ay), self.at(bx, by))
        self._booths()
        self._aisles()
        self._north()

    def _booths(self) -> None:
        p, s = self.s.p, self.s
        for b in self.plan.booths:
            fill = QColor(STATUS_COLOURS.get(self.layout.status(b.code).status,
                                             STATUS_COLOURS["available"]))
            fill.setAlpha(70)
            p.setPen(self.pen(INK, 0.18))
            p.setBrush(fill)
            p.drawPath(self.path(b.polygon))
        for b in self.plan.booths:  # codes over every outline
            bx0, by0, bx1, by1 = b.polygon.bounds
            w_mm = (bx1 - bx0) * self.mm_per_m
            h_mm = (by1 - by0) * self.mm_per_m
            font = s.font(8.0, bold=True)
            width = s.advance(b.code, font)
            pt = max(1.5, min(8.0, 8.0 * (w_mm * 0.9) / max(width, 1e-6),
                              8.0 * (h_mm * 0.6) / max(s.line_height(font), 1e-6)))
            font = s.font(pt, bold=True)
            c = b.polygon.representative_point()
            at = self.at(c.x, c.y)
            box_w, box_h = w_mm * s.k, s.line_height(font) * s.k
            p.setFont(font)
            p.setPen(INK)
            p.drawText(QRectF(at.x() - box_w / 2, at.y() - box_h / 2, box_w, box_h),
                       int(Qt.AlignmentFlag.AlignCenter), b.code)

    def _aisles(self) -> None:
        """Each aisle's width once, across its middle, where it does not cover another."""
        p, s = self.s.p, self.s
        x0, y0, x1, y1 = self.plan.footprint.bounds
        found = find_aisles(self.plan.booths, self.plan.obstacles, self.plan.footprint,
                            (x0, y0, x1, y1), reach=1.0)
        minimum = self.layout.rules.aisle_min_m
        taken: list[QRectF] = []
        font = s.font(max(3.0, min(7.0, 2.4 * self.mm_per_m)), bold=True)
        for a in sorted(found, key=lambda a: -(a.end - a.start)):
            if a.end - a.start < 4.0:
                continue
            mid = (a.start + a.end) / 2
            if a.axis == "x":
                ends = (self.at(a.lo, mid), self.at(a.hi, mid))
            else:
                ends = (self.at(mid, a.lo), self.at(mid, a.hi))
            label = f"{a.width:.1f} m"
            colour = TOO_NARROW if a.width < minimum - 1e-6 else INK
            tw, th = s.advance(label, font) * s.k, s.line_height(font) * s.k
            cx, cy = (ends[0].x() + ends[1].x()) / 2, (ends[0].y() + ends[1].y()) / 2
            box = QRectF(cx - tw / 2 - 0.5 * s.k, cy - th - 0.3 * s.k, tw + s.k, th)
            if a.axis == "y":  # a vertical dimension line: its figure beside it
                box = QRectF(cx + 0.6 * s.k, cy - th / 2, tw + s.k, th)
            if any(box.intersects(t) for t in taken):
                continue
            taken.append(box)
            p.setPen(self.pen(colour, 0.2))
            p.drawLine(ends[0], ends[1])
            tick = 0.9 * s.k
            for e in ends:
                if a.axis == "x":
                    p.drawLine(QPointF(e.x(), e.y() - tick), QPointF(e.x(), e.y() + tick))
                else:
                    p.drawLine(QPointF(e.x() - tick, e.y()), QPointF(e.x() + tick, e.y()))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(255, 255, 255, 220))
            p.drawRect(box)
            p.setFont(font)
            p.setPen(colour)
            p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), label)

    def _north(self) -> None:
        s = self.s
        x, y = self.hall.right() - 6, self.hall.top() + 2
        s.text(x - 3, y, 6, "N", s.font(9, bold=True), INK, Qt.AlignmentFlag.AlignCenter,
               wrap=False)
        p, k = s.p, s.k
        arrow = QPolygonF([QPointF(x * k, (y + 5) * k), QPointF((x - 2) * k, (y + 11) * k),
                           QPointF(x * k, (y + 9.5) * k), QPointF((x + 2) * k, (y + 11) * k)])
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(INK)
        p.drawPolygon(arrow)


def _legend(sheet: Sheet, layout: Layout, job: ApprovalJob, pw: float) -> None:
    from exponav.ui.editor.panels import sales_counts, status_name

    x, y = pw - MARGIN_MM - SIDE_MM, MARGIN_MM
    sheet.text(x, y, SIDE_MM, translate("Editor", "Scale 1:%1 on %2").replace("%1", str(job.scale))
               .replace("%2", job.paper.upper()), sheet.font(11, bold=True))
    mm_per_m = 1000.0 / job.scale
    scale_bar(sheet, x + 1, y + 16, mm_per_m, longest_mm=60.0, unit=translate("Editor", "%1 m"))
    y += 24
    sheet.text(x, y, SIDE_MM, translate("Editor", "Legend"), sheet.font(9, bold=True))
    counts = sales_counts(layout, job.level)
    y += 6
    font = sheet.font(7.5)
    for status, colour in STATUS_COLOURS.items():
        fill = QColor(colour)
        fill.setAlpha(70)
        sheet.fill(x, y, 8, 4.5, fill, edge=INK)
        n = counts.get(status, (0, 0.0))[0]
        sheet.text(x + 10, y + 0.2, SIDE_MM - 10, f"{status_name(status)} ({n})", font)
        y += 6.5
    sheet.fill(x, y, 8, 4.5, OBSTACLE, edge=QColor("#8a909a"))
    sheet.text(x + 10, y + 0.2, SIDE_MM - 10, translate("Editor", "Column, wall or core"), font)
    for colour, text in ((EXIT, translate("Editor", "Emergency exit")), (ENTRANCE, translate("Editor", "Entrance"))):
        y += 6.5
        sheet.fill(x, y + 1.6, 8, 1.3, colour)
        sheet.text(x + 10, y + 0.2, SIDE_MM - 10, text, font)
    y += 6.5
    if sheet.p is not None:
        k = sheet.k
        sheet.p.setPen(QPen(INK, 0.2 * k))
        sheet.p.drawLine(QPointF(x * k, (y + 2.2) * k), QPointF((x + 8) * k, (y + 2.2) * k))
        for tx in (x, x + 8):
            sheet.p.drawLine(QPointF(tx * k, (y + 1.3) * k), QPointF(tx * k, (y + 3.1) * k))
    sheet.text(x + 10, y + 0.2, SIDE_MM - 10, translate("Editor", "Aisle width (red: under %1 m)")
               .replace("%1", f"{layout.rules.aisle_min_m:g}"), font)


def _title_block(sheet: Sheet, layout: Layout, nav: Navigator, job: ApprovalJob,
                 pw: float, ph: float, printed_at: datetime) -> None:
    from exponav.core.languages import is_chinese

    w, h = SIDE_MM, 52.0
    x, y = pw - MARGIN_MM - w, ph - MARGIN_MM - h
    sheet.fill(x, y, w, h, WHITE, edge=INK)
    show = nav.show_info
    zh = is_chinese(job.lang)
    venue = layout.venue
    rows = [
        (translate("Editor", "Show"), show.name_zh if zh and show.name_zh else show.name),
        (translate("Editor", "Venue"), venue.name_zh if zh and venue.name_zh else venue.name),
        (translate("Editor", "Level"), nav.level_name(job.level, job.lang)),
        (translate("Editor", "Drawing"), translate("Editor", "Booth layout for the venue's approval")),
        (translate("Editor", "Scale"), f"1:{job.scale} · {job.paper.upper()}"),
        (translate("Editor", "Printed"), printed_at.strftime("%Y-%m-%d %H:%M")),
        (translate("Editor", "Venue rules"), _rules_line(layout, job.level)),
    ]
    ry = y + 2
    for label, value in rows:
        sheet.text(x + 2, ry + 0.3, 22, label, sheet.font(6), SOFT, wrap=False)
        sheet.text(x + 24, ry, w - 26, value, sheet.font(7, bold=label == translate("Editor", "Show")),
                   wrap=False)
        ry += 4.4
    sheet.rule(x, ry + 0.5, w, INK, 0.2)
    half = w / 2
    for i, label in enumerate((translate("Editor", "Approved by"), translate("Editor", "Date"))):
        sheet.text(x + 2 + i * half, ry + 2, half - 4, label, sheet.font(6), SOFT,
                   wrap=False)
        sheet.rule(x + 2 + i * half, y + h - 2.5, half - 6, INK, 0.2)


def _rules_line(layout: Layout, level: str) -> str:
    found = [v for v in layout.violations if v.level == level]
    errors = sum(1 for v in found if v.severity == "error")
    if not found:
        return translate("Editor", "no violations")
    return (translate("Editor", "%1 errors, %2 warnings").replace("%1", str(errors))
            .replace("%2", str(len(found) - errors)))


class ApprovalDialog:
    """The choice of level, scale and paper, then a print preview or a PDF (a small
    dialog the window opens from its File menu)."""

    def __init__(self, window) -> None:
        from PySide6.QtWidgets import (
            QComboBox,
            QDialog,
            QDialogButtonBox,
            QFormLayout,
            QLabel,
        )

        self.window = window
        d = QDialog(window)
        d.setWindowTitle(translate("Editor", "Print for the venue's approval"))
        self.dialog = d
        form = QFormLayout(d)
        self.level = QComboBox(d)
        for lv in window.layout.venue.plans:
            self.level.addItem(window.nav.level_name(lv, window.lang), lv)
        self.level.setCurrentIndex(max(0, self.level.findData(window.level)))
        self.scale = QComboBox(d)
        for s in SCALES:
            self.scale.addItem(f"1:{s}", s)
        self.paper = QComboBox(d)
        for p in PAPERS:
            self.paper.addItem(p.upper(), p)
        self.problem = QLabel(d)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #cc3311;")
        form.addRow(translate("Editor", "Level"), self.level)
        form.addRow(translate("Editor", "Scale"), self.scale)
        form.addRow(translate("Editor", "Paper"), self.paper)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(d)
        self.preview_button = buttons.addButton(translate("Editor", "Preview and print…"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.pdf_button = buttons.addButton(translate("Editor", "Save as PDF…"),
                                            QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(d.reject)
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(self.save_pdf)
        form.addRow(buttons)
        for combo in (self.scale, self.paper):
            combo.currentIndexChanged.connect(lambda _i: self.check())
        self.level.currentIndexChanged.connect(lambda _i: self.choose_fitting())
        self.choose_fitting()

    def job(self) -> ApprovalJob:
        return ApprovalJob(self.level.currentData(), self.scale.currentData(),
                           self.paper.currentData(), self.window.lang)

    def check(self) -> bool:
        """Whether the level fits at the chosen scale and paper (else why not, shown)."""
        try:
            sheet_geometry(self.window.layout, self.job())
        except ExpoNavError as e:
            self.problem.setText(str(e))
            self.preview_button.setEnabled(False)
            self.pdf_button.setEnabled(False)
            return False
        self.problem.setText("")
        self.preview_button.setEnabled(True)
        self.pdf_button.setEnabled(True)
        return True

    def choose_fitting(self) -> None:
        """The largest scale down to 1:500 that fits on A3, else the largest on A1
        (booth codes stay legible), else whatever fits."""
        order = [(s, "a3") for s in SCALES if s <= 500] + [(s, "a1") for s in SCALES] + \
            [(s, "a3") for s in SCALES if s > 500]
        for scale, paper in order:
            self.paper.setCurrentIndex(self.paper.findData(paper))
            self.scale.setCurrentIndex(self.scale.findData(scale))
            if self.check():
                return

    def preview(self) -> bool:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        if not self.check():
            return False
        job = self.job()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_printer(printer, job)
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle(translate("Editor", "Print for the venue's approval"))
        dialog.paintRequested.connect(lambda pr: (set_printer(pr, job), paint_approval(
            pr, self.window.layout, self.window.nav, job)))
        self.preview_dialog = dialog
        dialog.exec()
        return True

    def save_pdf(self, path: Path | None = None) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        if not self.check():
            return None
        job = self.job()
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, translate("Editor", "Save as PDF…"),
                f"{job.level}-1-{job.scale}-{job.paper}.pdf", "PDF (*.pdf)")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            out = write_approval_pdf(self.window.layout, self.window.nav, path, job)
        except (ExpoNavError, OSError) as e:
            self.problem.setText(translate("Editor", "Nothing was written: %1").replace("%1", str(e)))
            return None
        self.window.statusBar().showMessage(translate("Editor", "Saved %1.").replace("%1", str(out)), 8000)
        self.dialog.accept()
        return out
