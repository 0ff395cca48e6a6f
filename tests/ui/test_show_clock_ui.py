"""The show clock in the window: a kiosk's ``now`` is the visit's, the card's and the
receipt's clock; ticking "Appointment" offers a time the visitor can make."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from exponav.core.io.kiosk_config import KioskSettings
from exponav.core.showclock import ShowClock
from exponav.core.visit.clock import SLOT_S, parse_hhmm
from exponav.ui.kiosk.window import KioskTimings, KioskWindow

KIOSK = "K-H2-1F-1"
#: a minute of idle time: no reset or attract screen comes between a test's steps
STILL = KioskTimings(idle_ms=60_000, countdown_s=2, tick_ms=40, hold_ms=150)


@pytest.fixture
def make_kiosk(qtbot, nav):
    """Kiosks for one test, closed afterwards; the navigator's clock is put back."""
    from exponav.ui.common.application import make_app

    before = nav.clock
    made: list[KioskWindow] = []

    def make(settings: KioskSettings) -> KioskWindow:
        make_app()
        k = KioskWindow(settings, nav, timings=STILL, save=lambda s: None)
        made.append(k)
        qtbot.addWidget(k)
        k.resize(1600, 1000)
        k.show_kiosk(full_screen=False)
        qtbot.waitExposed(k)
        return k

    yield make
    for k in made:
        k.unlocked = True
        k.close()
        k.shutdown()
    nav.set_clock(before)


def _owned(nav, n: int, level: str = "H2-1F") -> list[str]:
    return [c for e in nav.show.exhibitors.values() for c in e.booths
            if nav.booth(c).level == level][:n]


def test_the_kiosks_now_is_the_one_show_clock(make_kiosk, nav, tmp_path):
    pdfium = pytest.importorskip("pypdfium2")
    receipt = tmp_path / "receipt.pdf"
    k = make_kiosk(KioskSettings(kiosk_id=KIOSK, now="2025-03-20T09:15",
                                 printer=f"pdf:{receipt}"))
    assert nav.clock == ShowClock.fixed_at("2025-03-20T09:15", "Asia/Taipei")
    # the visit: on that day, from the opening (09:15 is before it)
    stops = _owned(nav, 2)
    for code in stops:
        k.navigator.visit.add(code)
    it = k.visit_itinerary()
    assert (it.day, it.start) == ("2025-03-20", "10:00")
    assert it.notes == ["The show opens at 10:00 on 20 March 2025, so the visit starts then, "
                        "not at 09:15."]
    # the card: that day is today, not "the show is not on today"
    card = k.navigator.card
    card.show_exhibitor(nav.exhibitor_at(stops[0]).id)
    assert card.labels["sessions_title"].text().startswith("Today")
    assert "day_note" not in card.labels
    # the receipt: dated by the same clock
    assert k.print_visit()
    doc = pdfium.PdfDocument(str(receipt))
    text = unicodedata.normalize("NFKC", doc[0].get_textpage().get_text_range())
    doc.close()
    assert "Printed at kiosk K-H2-1F-1 · 2025-03-20 09:15" in text
    # a kiosk without the setting runs on the real clock
    k.shutdown()
    plain = make_kiosk(KioskSettings(kiosk_id=KIOSK))
    assert plain.clock is not None and nav.clock == ShowClock.real("Asia/Taipei")


def test_the_card_reads_the_show_clock_in_the_window(window, nav):
    before = nav.clock
    try:
        nav.set_clock("2025-03-19T12:00")
        session = next(s for s in nav.show.sessions if s.exhibitor in nav.show.exhibitors
                       and s.start.startswith("2025-03-19"))
        window.card.show_exhibitor(session.exhibitor)
        titles = [lbl.text() for key, lbl in window.card.labels.items()
                  if key.startswith("session:")]
        assert session.title in titles
        assert window.card.labels["sessions_title"].text().startswith("Today")
        nav.set_clock(date(2026, 1, 5).isoformat() + "T10:00")
        window.card.show_exhibitor(session.exhibitor)
        assert "day_note" in window.card.labels
    finally:
        nav.set_clock(before)


def test_ticking_appointment_offers_the_first_slot_the_visitor_can_make(window, qtbot):
    nav = window.nav
    window.set_here(KIOSK)
    stops = _owned(nav, 3, "H2-4F")
    for code in stops:
        window.visit.add(code)
    qtbot.waitUntil(lambda: not window.visits.is_busy()
                    and window.visit.is_current(window.visit.itinerary), timeout=8000)
    it = window.visit.itinerary
    window.visits.open_panel()
    panel = window.visits.panel
    last, arrival = it.stops[-1].place.id, it.stops[-1].arrive_s
    row = next(r for r in panel.rows if r.place_id == last)
    row.clock.click()
    offered = row.time.time()  # "HH:mm"
    assert offered == it.first_slot(last)
    assert arrival <= parse_hhmm(offered) < arrival + SLOT_S
    assert parse_hhmm(offered) > it.stops[0].arrive_s + SLOT_S  # not the first stop's time
    assert window.visit.appointments() == {last: offered}
    qtbot.waitUntil(lambda: not window.visits.is_busy()
                    and window.visit.is_current(window.visit.itinerary), timeout=8000)
    kept = window.visit.itinerary
    assert kept.missed == [] and not panel.warning.isVisible()
    assert next(s for s in kept.stops if s.place.id == last).appointment == offered
