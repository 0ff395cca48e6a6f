"""VisitPanel: the visit being planned, stop by stop, with its times and walks.

The list shows each stop with its number, name, booth and level, the planned arrival
and departure, and above it the walk that leads there ("↓ 120 m · 2 min"). Rows are
reordered by dragging, removed with ×, and a stop becomes an appointment ("be there
at 14:00") with its clock button. Above the list: where the visit starts and when,
and step-free; below it the totals, any appointment that cannot be kept, and the
actions (Optimise order, Print…, Save as PDF…, Clear visit).

The panel shows; it does not decide. It reads the :class:`~exponav.ui.visitor.visit_model.
VisitModel` and the latest plan, and says what the visitor asked for through its
signals; the visit controller changes the model.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exponav.ui.common.assets import icon
from exponav.ui.common.palette import UI
from exponav.ui.panels.controls import back_button
from exponav.ui.panels.time_picker import TimeField

__all__ = ["StopRow", "StopView", "VisitBar", "VisitPanel"]

PLACE_ROLE = Qt.ItemDataRole.UserRole + 7

_STYLE = """
QWidget#visitPage { background: #ffffff; }
QLabel#visitSummary { font-size: 15px; font-weight: 700; color: #0b6e79; }
QLabel#visitWarning { font-size: 13px; color: #8a1c14; background: #fdecea;
    border-radius: 8px; padding: 6px 10px; }
QLabel#visitEmpty { font-size: 14px; color: #5f6b7a; padding: 12px 0; }
QLabel#visitBusy { font-size: 13px; color: #5f6b7a; }
QLabel#legText { font-size: 12px; color: #5f6b7a; padding-left: 6px; }
QLabel#stopNumber { font-size: 13px; font-weight: 700; color: #ffffff; background: #0b6e79;
    border-radius: 13px; min-width: 26px; max-width: 26px; min-height: 26px; max-height: 26px; }
QLabel#stopName { font-size: 15px; font-weight: 600; color: #1f2933; }
QLabel#stopDetail { font-size: 12px; color: #5f6b7a; }
QLabel#stopTimes { font-size: 13px; font-weight: 700; color: #1f2933; }
QLabel#stopTimes[late="true"] { color: #b3261e; }
QFrame#stopCard { background: #f8f9fb; border: 1px solid #e3e6eb; border-radius: 10px; }
QToolButton#stopTool { border: none; border-radius: 8px; padding: 4px; font-size: 12px;
    color: #0b6e79; font-weight: 600; }
QToolButton#stopTool:hover { background: #e3f1f2; }
QToolButton#stopTool:checked { background: #fde7ef; color: #880e4f; }
QToolButton#timeButton { font-size: 15px; font-weight: 700; color: #1f2933; background: #ffffff;
    border: 1px solid #d5dae1; border-radius: 8px; padding: 4px 12px; }
QToolButton#timeButton:checked { border-color: #0b6e79; background: #e3f1f2; }
QFrame#timePicker { background: #ffffff; border: 1px solid #d5dae1; border-radius: 10px; }
QLabel#pickerTitle { font-size: 12px; font-weight: 700; color: #5f6b7a; }
QToolButton#pickerButton { font-size: 15px; font-weight: 600; color: #1f2933;
    background: #f4f6f8; border: 1px solid #e3e6eb; border-radius: 8px; }
QToolButton#pickerButton:checked { background: #0b6e79; border-color: #0b6e79; color: #ffffff; }
QListWidget#visitStops { background: transparent; border: none; outline: none; }
QListWidget#visitStops::item { border: none; padding: 0; margin: 0; }
QListWidget#visitStops::item:selected { background: transparent; }
QCheckBox#stepFree { font-size: 14px; color: #1f2933; spacing: 8px; }
QCheckBox#stepFree::indicator { width: 20px; height: 20px; }
QPushButton#quietAction { font-size: 14px; font-weight: 600; color: #0b6e79;
    background: #e3f1f2; border: none; border-radius: 10px; padding: 8px 12px; }
QPushButton#quietAction:hover { background: #cfe7e9; }
QToolButton#linkButton { font-size: 13px; font-weight: 600; color: #0b6e79; border: none;
    padding: 2px; }
QPushButton#clearVisit { font-size: 13px; font-weight: 600; color: #8a1c14; background: none;
    border: none; padding: 4px 12px; }
QPushButton#clearVisit:hover { text-decoration: underline; }
QPushButton#visitBar { font-size: 15px; font-weight: 700; color: #ffffff; background: #0b6e79;
    border: none; border-radius: 12px; padding: 10px 16px; text-align: left; }
QPushButton#visitBar:hover { background: #095d66; }
"""


@dataclass
class StopView:
    """What one row shows; the controller fills these from the model and the plan."""

    place_id: str
    name: str
    detail: str  # "S1024 · Hall 2 4F"
    times: str = ""  # "10:42–10:52", empty until planned
    leg: str = ""  # "120 m · 2 min", the walk that leads here
    appointment: str | None = None  # HH:MM
    late: str = ""  # "12 min late", when the appointment cannot be kept
    slot: str = ""  # HH:MM, the first appointment the visitor can keep here (once planned)


class StopRow(QFrame):
    """One stop: the walk to it, number, name, times, appointment clock, remove.

    A row is filled by :meth:`show_stop` and filled again when the plan changes: the
    panel keeps its rows rather than building new ones for every plan (a kiosk replans
    thousands of times a day, and each widget made and destroyed leaves a little native
    memory behind in Qt's style-sheet caches). The appointment's time field (a
    :class:`~exponav.ui.panels.time_picker.TimeField`: big hour and quarter-hour buttons,
    applied at once) is made only when the stop becomes an appointment, for the same
    reason. :attr:`size_changed` when its picker opens or closes.
    """

    remove_requested = Signal(str)
    appointment_changed = Signal(str, object)  # place id, HH:MM or None
    size_changed = Signal()

    def __init__(self, number: int, stop: StopView, default_time: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.place_id = stop.place_id
        self._default_time = default_time
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 2, 0, 4)
        outer.setSpacing(3)
        self.leg = QLabel("", self)
        self.leg.setObjectName("legText")
        outer.addWidget(self.leg)
        self.card = card = QFrame(self)
        card.setObjectName("stopCard")
        grid = QGridLayout(card)
        grid.setContentsMargins(10, 8, 6, 8)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        self.number = QLabel("", card)
        self.number.setObjectName("stopNumber")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(self.number, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        self.name = QLabel("", card)
        self.name.setObjectName("stopName")
        self.name.setWordWrap(True)
        grid.addWidget(self.name, 0, 1)
        self.times = QLabel("", card)
        self.times.setObjectName("stopTimes")
        self.times.setProperty("late", "false")
        grid.addWidget(self.times, 0, 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.detail = QLabel("", card)
        self.detail.setObjectName("stopDetail")
        self.detail.setWordWrap(True)
        grid.addWidget(self.detail, 1, 1, 1, 2)
        self._tools = tools = QHBoxLayout()
        tools.setSpacing(4)
        self.clock = QToolButton(card)
        self.clock.setObjectName("stopTool")
        self.clock.setCheckable(True)
        self.clock.setIcon(icon("clock", UI.accent, 16))
        self.clock.setIconSize(QSize(16, 16))
        self.clock.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clock.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clock.setText(self.tr("Appointment"))
        self.clock.setToolTip(self.tr("Be here at a fixed time (a meeting or a session)"))
        tools.addWidget(self.clock)
        self.time: TimeField | None = None  # made by _time_field when first needed
        self._grid = grid
        tools.addStretch(1)
        self.remove = QToolButton(card)
        self.remove.setObjectName("stopTool")
        self.remove.setIcon(icon("clear", UI.ink_soft, 16))
        self.remove.setIconSize(QSize(16, 16))
        self.remove.setToolTip(self.tr("Remove from the visit"))
        self.remove.setAccessibleName(self.tr("Remove from the visit"))
        self.remove.setCursor(Qt.CursorShape.PointingHandCursor)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self.place_id))
        tools.addWidget(self.remove)
        grid.addLayout(tools, 2, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        outer.addWidget(card)
        self.clock.toggled.connect(self._clock_toggled)
        self.show_stop(number, stop, default_time)

    def show_stop(self, number: int, stop: StopView, default_time: str) -> None:
        """Show ``stop`` as the ``number``-th of the visit (the row is reused). Ticking
        "Appointment" offers the stop's first reachable slot, else ``default_time``."""
        self.place_id = stop.place_id
        default_time = stop.slot or default_time
        self._default_time = default_time
        self.leg.setText(f"↓  {stop.leg}" if stop.leg else "")
        self.leg.setVisible(bool(stop.leg))
        self.number.setText(str(number))
        self.name.setText(stop.name)
        self.times.setText(stop.times)
        late = "true" if stop.late else "false"
        if self.times.property("late") != late:
            self.times.setProperty("late", late)
            self.times.style().unpolish(self.times)
            self.times.style().polish(self.times)
        self.detail.setText(stop.detail + (f" · {stop.late}" if stop.late else ""))
        on = stop.appointment is not None
        self.clock.blockSignals(True)
        self.clock.setChecked(on)
        self.clock.blockSignals(False)
        if on or self.time is not None:
            field = self._time_field()
            field.set_time(stop.appointment or default_time)
            if field.isVisibleTo(self) != on:
                field.setVisible(on)
                if not on:
                    field.set_open(False)

    def _time_field(self) -> TimeField:
        """The appointment's time field, made (and polished) the first time it is needed."""
        if self.time is None:
            self.time = TimeField(self._default_time, self.card)
            self.time.setAccessibleName(self.tr("Appointment time"))
            self.time.setVisible(False)
            self.time.ensurePolished()
            self._grid.addWidget(self.time, 3, 1, 1, 2)
            self.time.time_chosen.connect(self._time_edited)
            self.time.opened.connect(lambda _: self.size_changed.emit())
        return self.time

    def _clock_toggled(self, on: bool) -> None:
        field = self._time_field()
        field.setVisible(on)
        field.set_open(on)  # a new appointment: its time is the next thing to choose
        self.appointment_changed.emit(self.place_id, field.time() if on else None)
        self.size_changed.emit()

    def _time_edited(self, hhmm: str) -> None:
        if self.clock.isChecked():
            self.appointment_changed.emit(self.place_id, hhmm)


class _StopList(QListWidget):
    """The stops; a drop reorders them and says so once the list has settled."""

    reordered = Signal(list)  # place ids in the new order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitStops")
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSpacing(0)

    def dropEvent(self, event) -> None:  # noqa: N802
        super().dropEvent(event)
        QTimer.singleShot(0, self._announce)

    def order(self) -> list[str]:
        return [self.item(i).data(PLACE_ROLE) for i in range(self.count())]

    def _announce(self) -> None:
        self.reordered.emit(self.order())


class VisitPanel(QWidget):
    back_requested = Signal()
    removed = Signal(str)
    reordered = Signal(list)
    appointment_changed = Signal(str, object)
    start_time_changed = Signal(str)
    step_free_toggled = Signal(bool)
    change_start_requested = Signal()
    optimise_requested = Signal()
    print_requested = Signal()
    pdf_requested = Signal()
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 8, 20, 16)
        layout.setSpacing(8)
        self.back_button = back_button(self, self.back_requested.emit)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.title = QLabel(self)
        self.title.setObjectName("cardTitle")
        layout.addWidget(self.title)
        origin_row = QHBoxLayout()
        self.origin = QLabel(self)
        self.origin.setObjectName("cardHint")
        self.origin.setWordWrap(True)
        origin_row.addWidget(self.origin, 1)
        self.change_start = QToolButton(self)
        self.change_start.setObjectName("linkButton")
        self.change_start.setCursor(Qt.CursorShape.PointingHandCursor)
        self.change_start.clicked.connect(self.change_start_requested.emit)
        origin_row.addWidget(self.change_start, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(origin_row)
        settings = QHBoxLayout()
        settings.setSpacing(8)
        self.start_label = QLabel(self)
        self.start_label.setObjectName("factName")
        self.start_label.setMinimumHeight(40)
        self.start_time = TimeField("10:00", self)
        self.start_time.setAccessibleName(self.tr("Start at"))
        self.start_time.time_chosen.connect(self.start_time_changed.emit)
        settings.addWidget(self.start_label, 0, Qt.AlignmentFlag.AlignTop)
        settings.addWidget(self.start_time, 1)  # its picker opens under it, full width
        layout.addLayout(settings)
        self.step_free = QCheckBox(self)
        self.step_free.setObjectName("stepFree")
        self.step_free.toggled.connect(self.step_free_toggled.emit)
        layout.addWidget(self.step_free)
        self.empty = QLabel(self)
        self.empty.setObjectName("visitEmpty")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.list = _StopList(self)
        self.list.reordered.connect(self.reordered.emit)
        layout.addWidget(self.list, 1)
        self.busy = QLabel(self)
        self.busy.setObjectName("visitBusy")
        layout.addWidget(self.busy)
        self.summary = QLabel(self)
        self.summary.setObjectName("visitSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.warning = QLabel(self)
        self.warning.setObjectName("visitWarning")
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        self.optimise = QPushButton(self)
        self.optimise.setObjectName("cardAction")
        self.optimise.setMinimumHeight(44)
        self.optimise.clicked.connect(self.optimise_requested.emit)
        layout.addWidget(self.optimise)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.print_button = QPushButton(self)
        self.pdf_button = QPushButton(self)
        for button, signal in ((self.print_button, self.print_requested),
                               (self.pdf_button, self.pdf_requested)):
            button.setObjectName("quietAction")
            button.setMinimumHeight(44)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(signal.emit)
            row.addWidget(button)
        layout.addLayout(row)
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("clearVisit")
        self.clear_button.setMinimumHeight(36)
        self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_button.clicked.connect(self.clear_requested.emit)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.rows: list[StopRow] = []
        self._origin_text = ""
        self.pdf_allowed = True  # a kiosk has no files to save: see allow_pdf
        self.retranslate_ui()
        self.set_stops([], "")

    # -- language --------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.back_button.setText(self.tr("Back"))
        self.title.setText(self.tr("My visit"))
        self.change_start.setText(self.tr("Change start"))
        self.start_label.setText(self.tr("Start at"))
        self.step_free.setText(self.tr("Step-free"))
        self.step_free.setToolTip(self.tr("Lifts and ramps only, walking at an easy pace"))
        self.empty.setText(self.tr("Your visit is empty. Add exhibitors with “Add to visit” "
                                   "on their card, or with + beside a search result."))
        self.busy.setText(self.tr("Planning…"))
        self.optimise.setText(self.tr("Optimise order"))
        self.optimise.setToolTip(self.tr("The order that walks least and keeps every "
                                         "appointment"))
        self.print_button.setText(self.tr("Print…"))
        self.pdf_button.setText(self.tr("Save as PDF…"))
        self.clear_button.setText(self.tr("Clear visit"))
        self._origin_label()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- filling ---------------------------------------------------------------------

    def set_origin(self, text: str, can_change: bool) -> None:
        self._origin_text = text
        self._origin_label()
        self.change_start.setVisible(can_change)

    def _origin_label(self) -> None:
        self.origin.setText(self.tr("From %1").replace("%1", self._origin_text)
                            if self._origin_text else "")

    def set_settings(self, start_time: str, step_free: bool) -> None:
        """Show the start time and step-free without asking for anything."""
        for widget in (self.start_time, self.step_free):
            widget.blockSignals(True)
        if start_time:
            self.start_time.set_time(start_time)
        self.step_free.setChecked(step_free)
        for widget in (self.start_time, self.step_free):
            widget.blockSignals(False)

    def set_stops(self, stops: list[StopView], default_time: str) -> None:
        """One row per stop, in order. The rows already in the list are filled again
        and only the missing ones made (a plan changes often; its rows seldom). The list
        stays scrolled where it was: the row being edited stays in view."""
        bar = self.list.verticalScrollBar()
        kept = bar.value()
        rows: list[StopRow] = []
        for n, stop in enumerate(stops, start=1):
            item = self.list.item(n - 1)
            row = self.list.itemWidget(item) if item is not None else None
            if isinstance(row, StopRow):
                row.show_stop(n, stop, default_time)
            else:
                row = StopRow(n, stop, default_time)
                row.remove_requested.connect(self.removed)
                row.appointment_changed.connect(self.appointment_changed)
                row.size_changed.connect(self._fit_rows)
                if item is None:
                    item = QListWidgetItem()
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                                  | Qt.ItemFlag.ItemIsDragEnabled)
                    self.list.addItem(item)
                self.list.setItemWidget(item, row)
            item.setData(PLACE_ROLE, stop.place_id)
            item.setSizeHint(row.sizeHint())
            rows.append(row)
        while self.list.count() > len(stops):  # the view deletes the row widget it held
            self.list.takeItem(self.list.count() - 1)
        self.rows = rows
        self.list.doItemsLayout()
        bar.setValue(min(kept, bar.maximum()))
        has = bool(stops)
        self.empty.setVisible(not has)
        self.list.setVisible(has)
        for widget in (self.print_button, self.clear_button):
            widget.setVisible(has)
        self.pdf_button.setVisible(has and self.pdf_allowed)
        self.optimise.setVisible(len(stops) > 1)  # one stop has no order to improve
        if not has:
            self.summary.setVisible(False)
            self.warning.setVisible(False)
            self.busy.setVisible(False)

    def allow_pdf(self, allowed: bool) -> None:
        """Offer "Save as PDF…" (a laptop) or not (a kiosk)."""
        self.pdf_allowed = allowed
        self.pdf_button.setVisible(allowed and bool(self.rows))

    def set_summary(self, text: str, warning: str = "") -> None:
        self.summary.setText(text)
        self.summary.setVisible(bool(text))
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Each row as wide as the list and as tall as it needs (a time picker opened)."""
        for i, row in enumerate(self.rows):
            item = self.list.item(i)
            if item is not None:
                row.setFixedWidth(max(10, self.list.viewport().width()))
                row.layout().activate()
                item.setSizeHint(row.sizeHint())


class VisitBar(QPushButton):
    """At the foot of the side panel while a visit has stops: "My visit · 3 stops ▸"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitBar")
        self.setStyleSheet(_STYLE)
        self.setMinimumHeight(52)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._count = 0
        self.set_count(0)

    def set_count(self, count: int) -> None:
        self._count = count
        text = self.tr("My visit · 1 stop  ▸") if count == 1 else \
            self.tr("My visit · %1 stops  ▸").replace("%1", str(count))
        self.setText(text if count else "")
        self.setVisible(count > 0)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.set_count(self._count)
        super().changeEvent(event)
