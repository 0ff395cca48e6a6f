"""The editor's side panels: violations, sales by status, exhibitors, the booth.

Each panel is filled from the layout by ``refresh`` and says what the user chose by a
signal; none changes the layout itself (the window turns requests into undo steps).
"""

from __future__ import annotations

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

from exponav.core.languages import is_chinese, pick
from exponav.core.layout.edit import STATUSES
from exponav.ui.editor.scene import STATUS_COLOURS
from exponav.ui.editor.view import EXHIBITOR_MIME

if TYPE_CHECKING:
    from exponav.core.layout import Layout, Violation

__all__ = ["BoothPanel", "ExhibitorList", "SalesPanel", "ViolationsPanel", "sales_counts",
           "status_name"]


def translate(context: str, text: str) -> str:
    """Qt's translation of ``text`` (lupdate finds these calls by their name)."""
    return QCoreApplication.translate(context, text)


def status_name(status: str) -> str:
    return {"available": translate("Editor", "Available"), "reserved": translate("Editor", "Reserved"), "sold": translate("Editor", "Sold"),
            "blocked": translate("Editor", "Blocked")}.get(status, status)


def sales_counts(layout: Layout, level: str | None) -> dict[str, tuple[int, float]]:
    """status -> (booths, m²) on ``level`` (None: the whole venue)."""
    out = {s: (0, 0.0) for s in STATUSES}
    for b in layout.booths():
        if level is not None and b.level != level:
            continue
        s = layout.status(b.code).status
        n, a = out.get(s, (0, 0.0))
        out[s] = (n + 1, a + b.polygon.area)
    return out


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
            text = v.message_zh if is_chinese(lang) else v.message
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

    def refresh(self, layout: Layout, level: str, level_name: str) -> None:
        self.grid.setHeaderLabels([translate("Editor", "Status"), translate("Editor", "Booths"), translate("Editor", "Area (m²)"),
                                   translate("Editor", "% of net area")])
        self.grid.clear()
        for where, lv in ((level_name, level), (translate("Editor", "Whole venue"), None)):
            head = QTreeWidgetItem([where, "", "", ""])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.grid.addTopLevelItem(head)
            net = max(net_area(layout, lv), 1e-9)
            for status, (n, area) in sales_counts(layout, lv).items():
                row = QTreeWidgetItem([status_name(status), str(n), f"{area:,.0f}",
                                       f"{100 * area / net:.1f}"])
                swatch = QPixmap(12, 12)
                swatch.fill(STATUS_COLOURS[status])
                row.setIcon(0, swatch)
                row.setData(0, Qt.ItemDataRole.UserRole, (lv, status, n, area))
                self.grid.addTopLevelItem(row)
        for col in range(4):
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
        self.status = QComboBox(self)
        for s in STATUSES:
            self.status.addItem("", s)
        self.unassign_button = QPushButton(self)
        self.form = QFormLayout(self)
        self.labels = [QLabel(self) for _ in range(4)]
        self.form.addRow(self.labels[0], self.code)
        self.form.addRow(self.labels[1], self.size)
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
        for i, label in enumerate((translate("Editor", "Booth"), translate("Editor", "Size"), translate("Editor", "Exhibitor"), translate("Editor", "Status"))):
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
            return
        b = layout.booth(codes[0])
        x0, y0, x1, y1 = b.polygon.bounds
        self.code.setText(f"{b.code} · {b.level}")
        self.size.setText(f"{x1 - x0:.1f} × {y1 - y0:.1f} m = {b.polygon.area:.1f} m²")
        ex = layout.owner(b.code)
        self.owner.setText(pick(ex.name, ex.name_zh, lang) if ex else "—")
        self.unassign_button.setEnabled(ex is not None)
        self._filling = True
        self.status.setCurrentIndex(STATUSES.index(layout.status(b.code).status))
        self._filling = False

