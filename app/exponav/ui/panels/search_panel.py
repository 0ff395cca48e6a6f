"""SearchPanel: the search field, theme chips, one-tap services and the result list.

Results update as the visitor types: a short debounce, then the query runs on the
search thread (see ``search_worker.py``) and only the newest answer is shown. With
an empty field and a chip on, the list shows every exhibitor of that theme.

While a query is searched for on a short panel (under :data:`ROOMY_PX` high, such as a
1366 x 768 window) or on a kiosk, the services and theme chips fold away so that the
results have the room; they come back when the field is empty.

A line starting ``EXPONAV1|`` (a visit's QR machine line, typed or read by a
keyboard-wedge scanner) is not searched: Enter hands it on as :attr:`payload_entered`.
Rows may carry a trailing button (see :meth:`set_trailing`), such as "Add to visit".
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exponav.ui.common.assets import icon
from exponav.ui.common.flow_layout import FlowLayout
from exponav.ui.common.i18n import pick
from exponav.ui.common.palette import UI, ThemeColours
from exponav.ui.panels.controls import colour_dot, service_grid
from exponav.ui.panels.results import (
    ENTRY_ROLE,
    ResultDelegate,
    ResultEntry,
    build_entries,
    level_counts,
    trailing_rect,
)
from exponav.ui.panels.search_worker import SearchThread

if TYPE_CHECKING:
    from exponav.core.navigator import Navigator

__all__ = ["QUICK_SERVICES", "SearchPanel"]

#: the one-tap buttons: amenity category (``exit``: the doors visitors leave by)
QUICK_SERVICES = ("toilet", "toilet.accessible", "information", "food", "firstaid", "exit")

DEBOUNCE_MS = 90
ROOMY_PX = 720  # a panel this tall keeps its services and chips in view while typing
MACHINE_PREFIX = "EXPONAV1|"  # core.qr.MACHINE_PREFIX and its separator


def is_visit_line(text: str) -> bool:
    """Whether the field holds a visit's machine line rather than a query."""
    return MACHINE_PREFIX in text


def _dot(colour: QColor) -> QIcon:
    return colour_dot(colour, 12)


class SearchPanel(QWidget):
    entry_chosen = Signal(object)  # ResultEntry
    service_chosen = Signal(str)  # amenity category
    focus_changed = Signal(object)  # set of theme ids, or None
    results_changed = Signal(dict)  # level id -> number of result rows
    trailing_clicked = Signal(object)  # ResultEntry whose trailing button was tapped
    payload_entered = Signal(str)  # a visit's QR machine line, on Enter

    def __init__(self, nav: Navigator, themes: ThemeColours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.nav = nav
        self.themes = themes
        self.lang = "en"
        self.rows: list[ResultEntry] = []
        self._hits: list = []
        self._hits_text = ""
        self._pending_generation = 0
        self.focus: set[str] | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 4, 20, 0)
        layout.setSpacing(12)

        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self._search_action = self.field.addAction(icon("search", UI.ink_soft),
                                                   QLineEdit.ActionPosition.LeadingPosition)
        self.field.setMinimumHeight(48)
        self.field.textChanged.connect(self._text_changed)
        self.field.returnPressed.connect(self._choose_first)
        layout.addWidget(self.field)

        self.services_title = QLabel(self)
        self.services_title.setObjectName("sectionTitle")
        layout.addWidget(self.services_title)
        quick, self.service_buttons = service_grid(
            self, QUICK_SERVICES, self.service_chosen.emit, object_name="serviceButton",
            icon_size=24, min_height=64)
        quick.setSpacing(6)
        layout.addLayout(quick)

        self.chips_title = QLabel(self)
        self.chips_title.setObjectName("sectionTitle")
        layout.addWidget(self.chips_title)
        chips_box = QWidget(self)
        self.chips_layout = FlowLayout(chips_box, spacing=6)
        self.chips: dict[str, QToolButton] = {}
        for theme in themes.themes:
            chip = QToolButton(chips_box)
            chip.setObjectName("chip")
            chip.setCheckable(True)
            chip.setIcon(_dot(theme.colour))
            chip.setIconSize(QSize(12, 12))
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            chip.toggled.connect(self._chips_changed)
            self.chips_layout.addWidget(chip)
            self.chips[theme.id] = chip
        layout.addWidget(chips_box)
        self.chips_box = chips_box
        self._fold_when_typing = False

        self.status = QLabel(self)
        self.status.setObjectName("statusText")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.list = QListWidget(self)
        self.list.setObjectName("results")
        self.list.setItemDelegate(ResultDelegate(self.list))
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMouseTracking(True)
        self.list.setFrameShape(QListWidget.Shape.NoFrame)
        self.list.viewport().installEventFilter(self)
        self._press_pos: QPointF | None = None
        self.list.itemClicked.connect(self._item_chosen)
        self.list.itemActivated.connect(self._item_chosen)
        layout.addWidget(self.list, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._submit)
        self.thread = SearchThread(nav.search, self)
        self.thread.worker.finished.connect(self._results, Qt.ConnectionType.QueuedConnection)
        self.thread.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.retranslate_ui()

    # -- language --------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.field.setPlaceholderText(self.tr("Search exhibitors, booths or services"))
        self.field.setAccessibleName(self.tr("Search"))
        for button in self.field.findChildren(QToolButton):  # the field's own icons
            action = button.defaultAction()
            name = self.tr("Search") if action is self._search_action else \
                self.tr("Clear the search")
            button.setAccessibleName(name)
            if action is not None:
                action.setText(name)
        self.services_title.setText(self.tr("Find nearby"))
        self.chips_title.setText(self.tr("Browse by theme"))
        names = {
            "toilet": self.tr("Toilets"), "toilet.accessible": self.tr("Accessible"),
            "information": self.tr("Information"), "food": self.tr("Food"),
            "firstaid": self.tr("First aid"), "exit": self.tr("Exits"),
        }
        for category, button in self.service_buttons.items():
            button.setText(names[category])
            button.setAccessibleName(names[category])
        for theme_id, chip in self.chips.items():
            theme = self.themes.theme(theme_id)
            chip.setText(theme.name(self.lang) if theme else theme_id)
        self._rebuild()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate_ui()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- searching -------------------------------------------------------------------

    def fold_when_typing(self, on: bool) -> None:
        """Fold the services and chips away while a query is typed, whatever the height."""
        self._fold_when_typing = on
        self._fit_sections()

    def sections_folded(self) -> bool:
        return not self.chips_box.isVisibleTo(self)

    def _fit_sections(self) -> None:
        typing = bool(self.field.text().strip())
        fold = typing and (self._fold_when_typing or self.height() < ROOMY_PX)
        for widget in (self.services_title, *self.service_buttons.values(),
                       self.chips_title, self.chips_box):
            widget.setVisible(not fold)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_sections()

    def _text_changed(self, text: str) -> None:
        if not text.strip():
            self._fit_sections()  # the services come back at once; they fold at the search
        if is_visit_line(text):
            self._debounce.stop()
            self._hits, self._hits_text = [], ""
            self._pending_generation = -1
            self.rows = []
            self._fill()
            self.status.setText(self.tr("A visit code: press Enter to load this visit."))
            self.results_changed.emit({})
            return
        if text.strip():
            self._debounce.start()
        else:
            self._debounce.stop()
            self._hits, self._hits_text = [], ""
            self._pending_generation = -1  # any answer still on its way is stale
            self._rebuild()

    def _submit(self) -> None:
        text = self.field.text().strip()
        # folded once the typing pauses, never between two keys of a wedge scanner
        self._fit_sections()
        if text:
            self._pending_generation = self.thread.submit(text)

    def _results(self, generation: int, text: str, hits) -> None:
        if generation != self._pending_generation or text != self.field.text().strip():
            return  # an older query's answer: the visitor has typed on
        self._hits = hits if isinstance(hits, list) else []
        self._hits_text = text
        self._rebuild()

    def search_now(self, text: str) -> None:
        """Set the field and search at once (no debounce): for scripts and the selftest."""
        self.field.setText(text)
        self._debounce.stop()
        self._submit()

    def is_searching(self) -> bool:
        return self._debounce.isActive() or (
            bool(self.field.text().strip()) and self._hits_text != self.field.text().strip())

    def _fill(self) -> None:
        self.list.clear()
        for row in self.rows:
            item = QListWidgetItem()
            item.setData(ENTRY_ROLE, row)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{row.title}, {row.subtitle}")
            if row.kind == "header":
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)

    def _chips_changed(self) -> None:
        chosen = {tid for tid, chip in self.chips.items() if chip.isChecked()}
        self.focus = chosen or None
        self.focus_changed.emit(self.focus)
        self._rebuild()

    def clear_focus(self) -> None:
        for chip in self.chips.values():
            chip.blockSignals(True)
            chip.setChecked(False)
            chip.blockSignals(False)
        self._chips_changed()

    def _browse_hits(self) -> list:
        """With no text and a theme chosen: every exhibitor of the theme, by name."""
        hits = []
        for ex in self.nav.show.exhibitors.values():
            theme = self.themes.theme_of(ex.categories)
            if theme is not None and self.focus and theme.id in self.focus and ex.booths:
                hits.append(SimpleNamespace(kind="exhibitor", id=ex.id, name=ex.name,
                                            name_zh=ex.name_zh, booths=ex.booths, level=None))
        hits.sort(key=lambda h: pick(h.name, h.name_zh, self.lang).lower())
        return hits

    def _rebuild(self) -> None:
        text = self.field.text().strip()
        hits = self._hits if text else (self._browse_hits() if self.focus else [])
        self.rows = build_entries(hits, self.nav, self.lang, self.themes, self.focus)
        self._fill()
        n = sum(1 for r in self.rows if r.kind != "header")
        if text and not n and self._hits_text == text:
            self.status.setText(self.tr("Nothing found for “%1”. Try a booth code such as "
                                        "S1024, or part of a name.").replace("%1", text))
        elif not text and not self.focus:
            self.status.setText(self.tr("Type a company, a booth code or a service. "
                                        "English and 中文 both work."))
        elif n:
            self.status.setText(self.tr("1 result") if n == 1 else
                                self.tr("%1 results").replace("%1", str(n)))
        else:
            self.status.setText("")
        self.results_changed.emit(level_counts(self.rows))

    def show_entries(self, title: str, entries: list[ResultEntry]) -> None:
        """List these rows (such as the nearest toilets) under ``title`` instead of results."""
        self.rows = [ResultEntry("header", "list", title), *entries]
        self._fill()
        self.status.setText("")
        self.results_changed.emit(level_counts(self.rows))

    # -- choosing --------------------------------------------------------------------

    def set_trailing(self, state) -> None:
        """Give rows a trailing button: ``state(entry)`` -> "add", "added" or None; a tap
        on it emits :attr:`trailing_clicked` instead of choosing the row."""
        self.list.itemDelegate().trailing = state
        self.list.viewport().update()

    def refresh_rows(self) -> None:
        """Repaint the rows (what their trailing buttons show may have changed)."""
        self.list.viewport().update()

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.list.viewport() and event.type() == QEvent.Type.MouseButtonPress:
            self._press_pos = event.position()
        return super().eventFilter(obj, event)

    def _on_trailing(self, item: QListWidgetItem, entry: ResultEntry) -> bool:
        delegate = self.list.itemDelegate()
        if self._press_pos is None or getattr(delegate, "trailing", None) is None \
                or delegate.trailing(entry) is None:
            return False
        rect = QRectF(self.list.visualItemRect(item))
        return trailing_rect(rect).adjusted(-4, -4, 4, 4).contains(self._press_pos)

    def _item_chosen(self, item: QListWidgetItem) -> None:
        entry = item.data(ENTRY_ROLE)
        if entry is not None and entry.kind != "header":
            if self._on_trailing(item, entry):
                self._press_pos = None
                self.trailing_clicked.emit(entry)
                self.list.viewport().update()
                return
            self.entry_chosen.emit(entry)

    def _choose_first(self) -> None:
        if is_visit_line(self.field.text()):
            self.payload_entered.emit(self.field.text())
            return
        for i, row in enumerate(self.rows):
            if row.kind != "header":
                self.list.setCurrentRow(i)
                self.entry_chosen.emit(row)
                return

    def choose(self, index: int = 0) -> ResultEntry | None:
        """Choose the ``index``-th result row (headers not counted)."""
        rows = [(i, r) for i, r in enumerate(self.rows) if r.kind != "header"]
        if index >= len(rows):
            return None
        i, row = rows[index]
        self.list.setCurrentRow(i)
        self.entry_chosen.emit(row)
        return row

    def reset(self) -> None:
        """Empty field, no theme chosen, no rows (the visitor walked away)."""
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self._debounce.stop()
        self._hits, self._hits_text = [], ""
        self._pending_generation = -1
        self.clear_focus()
        self.list.clearSelection()
        self._rebuild()
        self._fit_sections()

    def shutdown(self) -> None:
        self.thread.stop()
