"""The editor's side panels: violations, sales by status, exhibitors, the booth.

Each panel is filled from the layout by ``refresh`` and says what the user chose by a
signal; none changes the layout itself (the window turns requests into undo steps).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exponav.core.languages import pick
from exponav.core.layout.edit import STATUSES
from exponav.ui.editor.scene import STATUS_COLOURS
from exponav.ui.editor.view import EXHIBITOR_MIME

if TYPE_CHECKING:
    from exponav.core.layout import Layout, Violation
    from exponav.core.layout.prices import Quote

__all__ = ["BoothPanel", "ExhibitorList", "SalesCounts", "SalesPanel", "ViolationsPanel",
           "price_text", "sales_counts", "sales_values", "status_name"]


def translate(context: str, text: str) -> str:
    """Qt's translation of ``text`` (lupdate finds these calls by their name)."""
    return QCoreApplication.translate(context, text)


def status_name(status: str) -> str:
    return {"available": translate("Editor", "Available"), "reserved": translate("Editor", "Reserved"), "sold": translate("Editor", "Sold"),
            "blocked": translate("Editor", "Blocked")}.get(status, status)


def sales_counts(layout: Layout, level: str | None,
                 kept: SalesCounts | None = None) -> dict[str, tuple[int, float]]:
    """status -> (booths, m²) on ``level`` (None: the whole venue, level by level); with
    ``kept``, the counts of a level it holds are taken from it."""
    if level is None:
        out = {s: (0, 0.0) for s in STATUSES}
        for lv in layout.venue.plans:
            for s, (n, a) in sales_counts(layout, lv, kept).items():
                n0, a0 = out.get(s, (0, 0.0))
                out[s] = (n0 + n, a0 + a)
        return out
    if kept is not None:
        got = kept.get(layout, level)
        if got is not None:
            return got
    out = {s: (0, 0.0) for s in STATUSES}
    for b in layout.venue.plans[level].booths:
        s = layout.status(b.code).status
        n, a = out.get(s, (0, 0.0))
        out[s] = (n + 1, a + b.polygon.area)
    if kept is not None:
        kept.put(layout, level, out)
    return out


class SalesCounts:
    """The sales counts of each level, kept until :meth:`forget` is told the level changed
    (its booths, or the status or owner of one of them): after an edit only the levels it
    touched are counted again, not every booth of the venue."""

    def __init__(self) -> None:
        self._layout: Layout | None = None
        self._levels: dict[str, dict[str, tuple[int, float]]] = {}

    def get(self, layout: Layout, level: str) -> dict[str, tuple[int, float]] | None:
        if layout is not self._layout:
            self._layout, self._levels = layout, {}
        return self._levels.get(level)

    def put(self, layout: Layout, level: str, counts: dict[str, tuple[int, float]]) -> None:
        if layout is self._layout:
            self._levels[level] = counts

    def forget(self, levels: Iterable[str]) -> None:
        for lv in levels:
            self._levels.pop(lv, None)


def sales_values(layout: Layout, level: str | None,
                 quotes: dict[str, Quote] | None = None) -> dict[str, float]:
    """status -> the booths' prices added up, on ``level`` (None: the whole venue)."""
    quotes = layout.quotes() if quotes is None else quotes
    out = {s: 0.0 for s in STATUSES}
    for lv, plan in layout.venue.plans.items():
        if level is not None and lv != level:
            continue
        for b in plan.booths:
            q = quotes.get(b.code)
            if q is not None:
                s = layout.status(b.code).status
                out[s] = out.get(s, 0.0) + q.price
    return out


def kind_name(kind: str) -> str:
    return {"inline": translate("Editor", "inline"), "corner": translate("Editor", "corner"), "peninsula": translate("Editor", "peninsula"),
            "island": translate("Editor", "island")}.get(kind, kind)


def price_text(layout: Layout, code: str) -> str:
    """The booth's price and how it was made, in a line ("—" when it has none)."""
    q = layout.quote(code)
    if q is None:
        return "—"
    table = layout.prices
    money = f"{table.currency if table else ''} {q.price:,.0f}".strip()
    if q.set:
        return translate("Editor", "%1, set for this booth").replace("%1", money)
    how = (translate("Editor", "%1, %2 open sides").replace("%1", kind_name(q.kind))
           .replace("%2", str(q.open_sides)))
    sum_text = f"{q.area_m2:.1f} m² × {q.rate:,.0f}"
    if q.surcharge:
        sum_text += f" + {100 * q.surcharge:g} %"
    demo = (" (" + translate("Editor", "demo prices") + ")"
            if table is not None and table.demo else "")
    return f"{money}{demo}\n{how}\n{sum_text}"


def net_area(layout: Layout, level: str | None) -> float:
    """The hall's floor less its obstacles (cores, columns, walls, stages ...)."""
    plans = [p for lv, p in layout.venue.plans.items() if level is None or lv == level]
    return sum(max(0.0, p.footprint.area - sum(o.polygon.area for o in p.obstacles))
               for p in plans)


class ViolationsPanel(QTreeWidget):
    """The venue rules' violations; clicking one asks the window to show it."""

    chosen = Signal(object)  # Violation

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setColumnCount(4)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setWordWrap(True)
        self.violations: list[Violation] = []
        self.itemClicked.connect(lambda item, _c: self.chosen.emit(
            self.violations[self.indexOfTopLevelItem(item)]))
        self.itemActivated.connect(lambda item, _c: self.chosen.emit(
            self.violations[self.indexOfTopLevelItem(item)]))

    def refresh(self, violations: list[Violation], lang: str) -> None:
        self.setHeaderLabels([translate("Editor", "Severity"), translate("Editor", "Rule"), translate("Editor", "Booths"), translate("Editor", "What is wrong")])
        self.violations = list(violations)
        self.clear()
        items = []
        for v in self.violations:
            severity = translate("Editor", "Error") if v.severity == "error" else translate("Editor", "Warning")
            text = v.message_in(lang)
            item = QTreeWidgetItem([severity, v.rule, ", ".join(v.codes), text])
            item.setForeground(0, QColor("#cc3311" if v.severity == "error" else "#b36b00"))
            item.setToolTip(3, text)
            items.append(item)
        self.addTopLevelItems(items)
        for col in range(3):
            self.resizeColumnToContents(col)


class SalesPanel(QWidget):
    """The legend of sales colours with counts, area and share of the net hall area,
    for the level on screen and the whole venue."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.grid = QTreeWidget(self)
        self.grid.setRootIsDecorated(False)
        self.grid.setColumnCount(4)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.grid)

    def refresh(self, layout: Layout, level: str, level_name: str,
                kept: SalesCounts | None = None) -> None:
        priced = layout.prices is not None or any(
            st.price is not None for st in layout.statuses.values())
        quotes = layout.quotes() if priced else {}
        currency = layout.prices.currency if layout.prices is not None else ""
        heads = [translate("Editor", "Status"), translate("Editor", "Booths"), translate("Editor", "Area (m²)"), translate("Editor", "% of net area")]
        if priced:
            heads.append(translate("Editor", "Value (%1)").replace("%1", currency).replace(" ()", ""))
        self.grid.setColumnCount(len(heads))
        self.grid.setHeaderLabels(heads)
        self.grid.clear()
        for where, lv in ((level_name, level), (translate("Editor", "Whole venue"), None)):
            head = QTreeWidgetItem([where, "", "", ""])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.grid.addTopLevelItem(head)
            net = max(net_area(layout, lv), 1e-9)
            values = sales_values(layout, lv, quotes) if priced else {}
            for status, (n, area) in sales_counts(layout, lv, kept).items():
                cells = [status_name(status), str(n), f"{area:,.0f}", f"{100 * area / net:.1f}"]
                if priced:
                    cells.append(f"{values.get(status, 0.0):,.0f}")
                row = QTreeWidgetItem(cells)
                swatch = QPixmap(12, 12)
                swatch.fill(STATUS_COLOURS[status])
                row.setIcon(0, swatch)
                row.setData(0, Qt.ItemDataRole.UserRole, (lv, status, n, area))
                self.grid.addTopLevelItem(row)
        for col in range(len(heads)):
            self.grid.resizeColumnToContents(col)


class _DragList(QListWidget):
    def startDrag(self, actions) -> None:  # noqa: N802 - Qt's name
        item = self.currentItem()
        if item is None:
            return
        data = QMimeData()
        data.setData(EXHIBITOR_MIME, item.data(Qt.ItemDataRole.UserRole).encode())
        data.setText(item.text())
        drag = QDrag(self)
        drag.setMimeData(data)
        drag.exec(Qt.DropAction.CopyAction)


class ExhibitorList(QWidget):
    """The show's exhibitors, searchable; drag one onto a booth, or assign it to the
    selected booth with the button."""

    assign = Signal(str)  # exhibitor id

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.list = _DragList(self)
        self.list.setDragEnabled(True)
        self.button = QPushButton(self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.filter)
        box.addWidget(self.list)
        box.addWidget(self.button)
        self.filter.textChanged.connect(self._filter)
        self.button.clicked.connect(self._assign)
        self.list.itemDoubleClicked.connect(lambda _i: self._assign())

    def refresh(self, layout: Layout, lang: str) -> None:
        self.filter.setPlaceholderText(translate("Editor", "Find an exhibitor"))
        self.button.setText(translate("Editor", "Assign to the selected booth"))
        current = self.list.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.list.clear()
        for ex in sorted(layout.show.exhibitors.values(), key=lambda e: e.name.lower()):
            booths = ", ".join(ex.booths) or translate("Editor", "no booth")
            item = QListWidgetItem(f"{pick(ex.name, ex.name_zh, lang)}  ({booths})")
            item.setData(Qt.ItemDataRole.UserRole, ex.id)
            item.setData(Qt.ItemDataRole.UserRole + 1,
                         f"{ex.id} {ex.name} {ex.name_zh} {booths}".lower())
            self.list.addItem(item)
            if ex.id == keep:
                self.list.setCurrentItem(item)
        self._filter(self.filter.text())

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for i in range(self.list.count()):
            item = self.list.item(i)
            hay = item.data(Qt.ItemDataRole.UserRole + 1)
            item.setHidden(not all(w in hay for w in words))

    def _assign(self) -> None:
        item = self.list.currentItem()
        if item is not None and not item.isHidden():
            self.assign.emit(item.data(Qt.ItemDataRole.UserRole))


class BoothPanel(QWidget):
    """The selected booth: code, size, owner, sales status."""

    status_chosen = Signal(str)
    unassign = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.code = QLabel(self)
        self.size = QLabel(self)
        self.owner = QLabel(self)
        self.owner.setWordWrap(True)
        self.price = QLabel(self)
        self.price.setWordWrap(True)
        self.status = QComboBox(self)
        for s in STATUSES:
            self.status.addItem("", s)
        self.unassign_button = QPushButton(self)
        self.form = QFormLayout(self)
        self.labels = [QLabel(self) for _ in range(5)]
        self.form.addRow(self.labels[0], self.code)
        self.form.addRow(self.labels[1], self.size)
        self.form.addRow(self.labels[4], self.price)
        self.form.addRow(self.labels[2], self.owner)
        row = QHBoxLayout()
        row.addWidget(self.status)
        row.addWidget(self.unassign_button)
        self.form.addRow(self.labels[3], row)
        self._filling = False
        self.status.activated.connect(lambda i: self._filling or self.status_chosen.emit(
            self.status.itemData(i)))
        self.unassign_button.clicked.connect(self.unassign.emit)

    def refresh(self, layout: Layout, codes: tuple[str, ...], lang: str) -> None:
        for i, label in enumerate((translate("Editor", "Booth"), translate("Editor", "Size"), translate("Editor", "Exhibitor"), translate("Editor", "Status"),
                                   translate("Editor", "Price"))):
            self.labels[i].setText(label)
        for i, s in enumerate(STATUSES):
            self.status.setItemText(i, status_name(s))
        self.unassign_button.setText(translate("Editor", "Unassign"))
        one = len(codes) == 1 and layout.has_booth(codes[0])
        for w in (self.status, self.unassign_button):
            w.setEnabled(one)
        if not one:
            self.code.setText(translate("Editor", "%1 booths selected").replace("%1", str(len(codes))) if codes
                              else translate("Editor", "Nothing selected"))
            self.size.setText("")
            self.owner.setText("")
            self.price.setText("")
            return
        b = layout.booth(codes[0])
        x0, y0, x1, y1 = b.polygon.bounds
        self.code.setText(f"{b.code} · {b.level}")
        self.size.setText(f"{x1 - x0:.1f} × {y1 - y0:.1f} m = {b.polygon.area:.1f} m²")
        self.price.setText(price_text(layout, b.code))
        ex = layout.owner(b.code)
        self.owner.setText(pick(ex.name, ex.name_zh, lang) if ex else "—")
        self.unassign_button.setEnabled(ex is not None)
        self._filling = True
        self.status.setCurrentIndex(STATUSES.index(layout.status(b.code).status))
        self._filling = False

