"""Booth prices in the editor: the selected booth's price and how it was made in its
panel, and the value of the booths by status in the sales summary, following edits."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from exponav.core.layout import SetStatus
from tests.ui.test_editor import LEVEL, editor, free_booths  # noqa: F401 - the fixture

__all__ = ["editor"]


def test_the_booth_panel_shows_its_price_from_the_table(editor):  # noqa: F811
    w = editor
    sides = w.layout.open_sides(LEVEL)
    b = next(b for b in free_booths(w) if sides[b.code] == 2)
    w.select([b.code])
    text = w.booth_panel.price.text()
    price = round(b.polygon.area * 7500 * 1.10)
    assert f"TWD {price:,.0f}" in text and "corner, 2 open sides" in text
    assert "demo prices" in text  # the SCSE table is invented
    assert w.do([SetStatus(b.code, "reserved", 50000.0)], "price")
    QApplication.processEvents()
    assert w.booth_panel.price.text() == "TWD 50,000, set for this booth"
    w.select([])
    assert w.booth_panel.price.text() == ""


def test_the_sales_summary_adds_up_the_prices_by_status(editor):  # noqa: F811
    from PySide6.QtCore import Qt

    from exponav.ui.editor.panels import sales_values

    w = editor
    grid = w.sales.grid
    assert grid.headerItem().text(4) == "Value (TWD)"

    def shown(status):
        for i in range(grid.topLevelItemCount()):
            item = grid.topLevelItem(i)
            data = item.data(0, Qt.ItemDataRole.UserRole)
            if data and data[0] == LEVEL and data[1] == status:
                return item.text(4)
        raise AssertionError(status)

    before = sales_values(w.layout, LEVEL)
    assert shown("available") == f"{before['available']:,.0f}"
    b = free_booths(w)[0]
    w.select([b.code])
    price = w.layout.quote(b.code).price
    assert w.set_status("blocked")
    QApplication.processEvents()  # the summary follows once events are handled
    after = sales_values(w.layout, LEVEL)
    assert abs(after["blocked"] - (before["blocked"] + price)) < 0.5
    assert shown("blocked") == f"{after['blocked']:,.0f}"
    w.undo_stack.undo()
    assert sales_values(w.layout, LEVEL) == before
