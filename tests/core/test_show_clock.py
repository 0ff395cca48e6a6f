"""The show clock, the show's opening hours and days, and visits planned inside them."""

from __future__ import annotations

import dataclasses
import json
import logging
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from exponav.core import paths
from exponav.core.errors import DataError, ExpoNavError, ItineraryError
from exponav.core.io.showcsv import load_show
from exponav.core.model import OpeningHours
from exponav.core.showclock import ShowClock, show_zone
from exponav.core.visit import qr
from exponav.core.visit.clock import SLOT_S, parse_hhmm
from exponav.core.visit.plan import plan_visit

KIOSK = "K-H2-1F-1"
DAYS = ["2025-03-18", "2025-03-19", "2025-03-20", "2025-03-21"]


@pytest.fixture
def clocked(nav):
    """The session's navigator; its clock is put back after each test."""
    before = nav._clock
    yield nav
    nav._clock = before


def _owned(nav, level: str, n: int) -> list[str]:
    return [b.code for b in nav.venue.plans[level].booths if nav.exhibitor_at(b.code)][:n]


# -- the clock ---------------------------------------------------------------------------------

def test_the_real_clock_tells_the_machines_time_in_the_shows_zone():
    utc = datetime(2025, 3, 18, 23, 30, tzinfo=UTC)
    clock = ShowClock.real("Asia/Taipei", source=lambda: utc)
    assert clock.now() == datetime(2025, 3, 19, 7, 30, tzinfo=show_zone("Asia/Taipei"))
    assert clock.today() == date(2025, 3, 19)  # already the next day in Taipei
    assert not clock.rehearsal and clock.describe() == "real time (Asia/Taipei)"


def test_a_fixed_rehearsal_clock_stays_where_staff_set_it():
    clock = ShowClock.fixed_at("2025-03-19T14:05", "Asia/Taipei")
    assert clock.now() == clock.now()
    assert clock.now().isoformat() == "2025-03-19T14:05:00+08:00"
    assert clock.rehearsal and "stopped at 2025-03-19 14:05" in clock.describe()
    # an offset is honoured: 06:05 UTC is 14:05 in Taipei
    assert ShowClock.fixed_at("2025-03-19T06:05:00+00:00", "Asia/Taipei").now() == clock.now()
    assert ShowClock.fixed_at(datetime(2025, 3, 19, 14, 5), "Asia/Taipei") == clock


def test_a_running_rehearsal_clock_moves_on_with_the_real_one():
    real = [datetime(2026, 1, 5, 9, 0, tzinfo=UTC)]
    clock = ShowClock.running_from("2025-03-20T09:55", "Asia/Taipei", source=lambda: real[0])
    assert clock.now().strftime("%Y-%m-%d %H:%M") == "2025-03-20 09:55"
    real[0] += timedelta(minutes=47)
    assert clock.now().strftime("%Y-%m-%d %H:%M") == "2025-03-20 10:42"
    assert clock.rehearsal and "now 2025-03-20 10:42" in clock.describe()


def test_the_kiosk_setting_gives_a_fixed_clock_or_the_real_one():
    assert ShowClock.from_setting("", "Asia/Taipei") == ShowClock.real("Asia/Taipei")
    assert ShowClock.from_setting(" 2025-03-18T10:00 ", "Asia/Taipei").now().hour == 10
    with pytest.raises(ExpoNavError, match=r"'noon' is not a date and time such as 2025"):
        ShowClock.from_setting("noon", "Asia/Taipei")


def test_an_unknown_zone_falls_back_to_the_machines_own(caplog):
    with caplog.at_level(logging.WARNING, "exponav.core.showclock"):
        zone = show_zone("Nowhere/Atlantis")
    assert zone.utcoffset(datetime(2025, 3, 18)) is not None
    assert "Nowhere/Atlantis" in caplog.text
    assert ShowClock.fixed_at("2025-03-18T10:00", "Nowhere/Atlantis").now().hour == 10


# -- the show's days and hours ------------------------------------------------------------------

def test_the_show_has_its_days_and_opening_hours(nav):
    show = nav.show_info
    assert show.days == DAYS
    assert [(h.day, h.opens, h.closes) for h in show.hours] == [
        (d, "10:00", "17:00") for d in DAYS]
    assert all(h.demo for h in show.hours)  # illustrative: the record gives no hours
    assert show.hours_on("2025-03-20") == OpeningHours("2025-03-20", "10:00", "17:00", True)
    assert show.hours_on("2025-03-22") is None
    # read back from the data file as the sources give them
    assert show == load_show(paths.show_dir()).show


@pytest.fixture
def show_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "scse2025"
    shutil.copytree(paths.show_dir(), folder)
    return folder


def _with(folder: Path, **changes) -> Path:
    path = folder / "show.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            doc.pop(key, None)
        else:
            doc[key] = value
    path.write_text(json.dumps(doc), encoding="utf-8")
    return folder


def _hours(*days: str, opens: str = "10:00", closes: str = "17:00") -> list[dict]:
    return [{"date": d, "opens": opens, "closes": closes} for d in days]


BAD_HOURS = [
    ({"opening_hours": {"2025-03-18": "10-17"}}, "opening_hours must be a list"),
    ({"opening_hours": ["10:00-17:00"]}, r"opening_hours\[0\] must be a record"),
    ({"opening_hours": _hours("2025-03-17", *DAYS)},
     r"opening_hours\[0\]: the date '2025-03-17' is not a show day \(2025-03-18 to 2025-03-21\)"),
    ({"opening_hours": _hours(*DAYS, "2025-03-19")}, r"\[4\]: 2025-03-19 is given twice"),
    ({"opening_hours": _hours(*DAYS[:3])}, "gives no hours for 2025-03-21; give every show day"),
    ({"opening_hours": _hours(*DAYS, opens="10")}, "opens and closes must be times such as"),
    ({"opening_hours": _hours(*DAYS, closes="25:00")}, "opens and closes must be times"),
    ({"opening_hours": _hours(*DAYS, opens="17:00", closes="10:00")},
     "closes at 10:00, not after it opens at 17:00"),
    ({"opening_hours": [{**h, "demo": "yes"} for h in _hours(*DAYS)]}, "demo must be true or"),
    ({"start_date": "18 March"}, "start_date and end_date must be ISO dates"),
    ({"timezone": "Taipei"}, "timezone 'Taipei' is not an IANA time zone such as Asia/Taipei"),
]


@pytest.mark.parametrize(("changes", "says"), BAD_HOURS, ids=[s[:24] for _, s in BAD_HOURS])
def test_bad_opening_hours_are_one_sentence_naming_the_file(show_folder, changes, says):
    _with(show_folder, **changes)
    with pytest.raises(DataError, match=says) as caught:
        load_show(show_folder)
    message = str(caught.value)
    assert message.startswith(str(show_folder / "show.json")) and "\n" not in message


def test_hours_are_optional_and_written_times_are_made_hh_mm(show_folder):
    assert load_show(_with(show_folder, opening_hours=None)).show.hours == ()
    assert load_show(_with(show_folder, opening_hours=[])).show.hours == ()
    hours = load_show(_with(show_folder, opening_hours=_hours(*DAYS, opens="9:30"))).show.hours
    assert hours[0] == OpeningHours("2025-03-18", "09:30", "17:00", False)


# -- the Navigator's clock ----------------------------------------------------------------------

def test_the_navigator_holds_one_clock_that_can_be_set(clocked):
    nav = clocked
    assert nav.clock == ShowClock.real("Asia/Taipei") and nav.clock is nav.clock
    fixed = nav.set_clock("2025-03-19T14:05")
    assert nav.clock is fixed and nav.clock.now().isoformat() == "2025-03-19T14:05:00+08:00"
    assert nav.set_clock(datetime(2025, 3, 20, 9, 0)).today() == date(2025, 3, 20)
    running = ShowClock.running_from("2025-03-21T12:00", "Asia/Taipei")
    assert nav.set_clock(running) is running
    assert nav.set_clock(None) == ShowClock.real("Asia/Taipei")
    assert nav.set_clock("") == ShowClock.real("Asia/Taipei")


def test_a_visit_starts_at_the_show_clock(clocked):
    nav = clocked
    nav.set_clock("2025-03-19T11:20")
    it = nav.itinerary(KIOSK, ["S1024", "Q0210"])
    assert (it.day, it.start, it.notes) == ("2025-03-19", "11:20", [])
    line = it.qr_payload.splitlines()[-1]
    again = nav.resume_visit(line, "K-H2-4F-1")
    assert (again.day, again.start) == ("2025-03-19", "11:20")
    # a clock handed to the call stands in for the navigator's
    assert nav.itinerary(KIOSK, ["S1024"], now=lambda: datetime(2025, 3, 19, 15, 0)).start == \
        "15:00"


# -- fitting the opening hours -----------------------------------------------------------------

def test_a_visit_before_opening_starts_at_opening_and_says_so(clocked):
    nav = clocked
    nav.set_clock("2025-03-18T07:52")
    it = nav.itinerary(KIOSK, ["S1024", "Q0210"])
    assert it.start == "10:00" and it.stops[0].arrive_s > parse_hhmm("10:00")
    assert it.notes == ["The show opens at 10:00 on 18 March 2025, so the visit starts then, "
                        "not at 07:52."]
    given = nav.itinerary(KIOSK, ["S1024", "Q0210"], "08:15")
    assert given.start == "10:00" and "not at 08:15" in given.notes[0]
    inside = nav.itinerary(KIOSK, ["S1024", "Q0210"], "10:30")
    assert inside.start == "10:30" and inside.notes == []


def test_an_appointment_before_opening_is_reported_missed(clocked):
    nav = clocked
    nav.set_clock("2025-03-18T08:00")
    it = nav.itinerary(KIOSK, ["Q0210"], appointments={"S1024": "09:30"})
    [missed] = it.missed
    assert missed.place == "S1024" and missed.appointment == "09:30"


def test_a_stop_after_closing_is_reported_like_a_missed_appointment(clocked):
    nav = clocked
    nav.set_clock("2025-03-18T16:40")
    stops = _owned(nav, "H2-1F", 3)
    it = nav.itinerary(KIOSK, stops, optimise=False)
    late = it.after_closing
    assert late, "a 16:40 visit of three 10-minute stops runs past 17:00"
    closes = parse_hhmm("17:00")
    assert [c.place for c in late] == [s.place.id for s in it.stops if s.depart_s > closes]
    for c, stop in zip(late, [s for s in it.stops if s.depart_s > closes], strict=True):
        sentence = c.sentence()
        assert c.closes == "17:00" and stop.place.id in sentence and "17:00" in sentence
        if stop.arrive_s > closes:
            assert c.reached_after and f"reached at {stop.arrive}, after the show closes" \
                in sentence
        else:
            assert not c.reached_after and f"last until {stop.depart}, after the show" \
                in sentence
    assert not nav.itinerary(KIOSK, stops, "10:00").after_closing


def test_the_show_is_not_on_today_so_its_first_day_is_planned(clocked):
    nav = clocked
    nav.set_clock("2026-01-05T07:52")
    it = nav.itinerary(KIOSK, ["S1024"])
    assert (it.day, it.start) == ("2025-03-18", "10:00")
    assert it.notes == ["The show is not on today (5 January 2026), so this visit is planned "
                        "for its first day, 18 March 2025."]


def test_a_visitor_plans_another_show_day(clocked):
    nav = clocked
    nav.set_clock("2025-03-18T15:30")
    it = nav.itinerary(KIOSK, ["S1024", "Q0210"], day="2025-03-19")
    assert (it.day, it.start, it.notes) == ("2025-03-19", "10:00", [])  # from its opening
    assert nav.itinerary(KIOSK, ["S1024"], "13:00", day=date(2025, 3, 20)).start == "13:00"
    assert nav.itinerary(KIOSK, ["S1024"], day="2025-03-18").start == "15:30"  # today


@pytest.mark.parametrize(("day", "says"), [
    ("2025-03-22", "22 March 2025 is not a day of Smart City Summit & Expo 2025, which runs "
                   "from 18 March 2025 to 21 March 2025."),
    ("2024-03-19", "19 March 2024 is not a day of"),
    ("19 March", "'19 March' is not a day; write it as YYYY-MM-DD, e.g. 2025-03-19."),
    ("2025-3-19", "is not a day; write it as YYYY-MM-DD"),
    ("2025-02-30", "is not a day; write it as YYYY-MM-DD"),
])
def test_a_day_outside_the_show_is_one_sentence(clocked, day, says):
    with pytest.raises(ItineraryError) as caught:
        clocked.itinerary(KIOSK, ["S1024"], day=day)
    assert says in str(caught.value) and "\n" not in str(caught.value)


def _sessions(nav, day: str, n: int):
    return [s for s in nav.show.sessions if s.kind == "matchmaking" and s.start.startswith(day)
            and s.start[11:16] >= "11:00"][:n]


def test_a_visit_is_on_the_day_of_its_sessions(clocked):
    nav = clocked
    nav.set_clock("2025-03-18T10:05")
    [session] = _sessions(nav, "2025-03-20", 1)
    it = nav.itinerary(KIOSK, [session.id])
    assert (it.day, it.start) == ("2025-03-20", "10:00")
    assert it.notes == [f"This visit is planned for 20 March 2025, the day of the session "
                        f"{session.id}."]
    with pytest.raises(ItineraryError, match=f"The session {session.id} .* is on 20 March 2025, "
                                             "not on 19 March 2025"):
        nav.itinerary(KIOSK, [session.id], day="2025-03-19")
    other = next(s for s in _sessions(nav, "2025-03-21", 40) if s.place != session.place)
    with pytest.raises(ItineraryError, match="are on different days; plan one day at a time"):
        nav.itinerary(KIOSK, [session.id, other.id])


def test_a_show_without_hours_is_planned_as_asked(nav):
    class NoHours:
        show_info = dataclasses.replace(nav.show_info, hours=())

        def place(self, spec):
            return nav.place(spec)

        def session(self, session_id):
            return nav.session(session_id)

    it = plan_visit(nav.router, NoHours(), KIOSK, ["S1024"], "07:00",
                    now=lambda: datetime(2025, 3, 18, 7, 0))
    assert (it.start, it.notes, it.after_closing, it.opens_s) == ("07:00", [], [], None)
    late = plan_visit(nav.router, NoHours(), KIOSK, ["S1024"], "22:00",
                      now=lambda: datetime(2026, 1, 5, 7, 0))
    assert late.start == "22:00" and late.notes == [] and late.day == "2025-03-18"


# -- the first slot an appointment can take ----------------------------------------------------

def test_the_first_reachable_slot_is_the_arrival_rounded_up_to_the_quarter(nav):
    stops = _owned(nav, "H2-4F", 4)
    it = nav.itinerary(KIOSK, stops, "10:07", optimise=False)
    for stop in it.stops:
        slot = parse_hhmm(it.first_slot(stop.place.id))
        assert slot % SLOT_S == 0
        assert stop.arrive_s <= slot < stop.arrive_s + SLOT_S
    assert it.first_slot("Q0909") is None  # not in this visit
    # an appointment at that slot is kept, however late in the visit the stop comes
    last = it.stops[-1].place.id
    booked = nav.itinerary(KIOSK, stops, "10:07", {last: it.first_slot(last)}, optimise=False)
    assert booked.missed == []
    # the slot of a later stop is after the first stop's arrival (the old default)
    assert parse_hhmm(it.first_slot(last)) > it.stops[0].arrive_s + SLOT_S


def test_no_slot_past_midnight(nav):
    it = nav.itinerary(KIOSK, ["S1024"], "23:48", dwell_min=1)
    assert it.stops[0].arrive_s > parse_hhmm("23:45")
    assert it.first_slot("S1024") is None


# -- fixed times on the phone ------------------------------------------------------------------

def test_the_qr_text_gives_a_meeting_its_own_time(nav):
    stops = _owned(nav, "H2-1F", 2)
    it = nav.itinerary(KIOSK, stops, "10:30", {"MM-B12": "14:00"}, optimise=False)
    meeting = next(s for s in it.stops if s.place.id == "MM-B12")
    assert meeting.arrive < "14:00"  # the visitor is there early and waits
    text = it.qr_payload.splitlines()
    line = next(t for t in text if " MM-B12 " in t)
    assert line.startswith("3. 14:00 MM-B12 ")
    others = [t for t in text if t[:2] in ("1.", "2.")]
    assert [t.split()[1] for t in others] == [s.arrive for s in it.stops[:2]]
    plan = qr.parse(it.qr_payload)
    assert plan.stops[2].time == "14:00" and plan.stops[2].appointment == "14:00"


def test_a_late_meeting_still_reads_its_fixed_time(nav):
    far = _owned(nav, "H2-4F", 1)[0]
    it = nav.itinerary(KIOSK, [far], "10:00", {far: "10:01"})
    assert it.missed
    assert f"1. 10:01 {far} " in it.qr_payload
