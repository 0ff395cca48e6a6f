"""What the Navigator and the visit planner refuse: coordinates that are not finite or lie
absurdly far, unknown kinds and categories, dwell times and clock times that make no
visit, and two appointments at one place."""

from __future__ import annotations

import math
from datetime import datetime

import pytest

from exponav.core.errors import ExpoNavError, ItineraryError, NotFound
from exponav.core.visit.clock import parse_hhmm


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, 1e308, -2e6, "x", None])
def test_coordinates_must_be_finite_metres_near_the_venue(nav, value):
    for call in (lambda: nav.nearest("H2-1F", value, 10.0),
                 lambda: nav.nearest("H2-1F", 10.0, value),
                 lambda: nav.booth_at("H2-1F", value, 10.0),
                 lambda: nav.within("H2-1F", 10.0, value, 5.0),
                 lambda: nav.place(("H2-1F", value, 1.0))):
        with pytest.raises(ExpoNavError, match="metres") as e:
            call()
        assert "\n" not in str(e.value)


@pytest.mark.parametrize("spec", ["H2-1F@nan,1", "H2-1F@1,inf", "H2-1F@1e308,0"])
def test_a_point_written_as_text_is_checked_too(nav, spec):
    with pytest.raises(ExpoNavError, match="metres"):
        nav.place(spec)


def test_an_empty_place_is_refused_rather_than_matched(nav):
    for spec in ("", "   "):
        with pytest.raises(NotFound, match="Name a place"):
            nav.place(spec)


def test_a_very_long_name_is_shown_short(nav):
    with pytest.raises(NotFound) as e:
        nav.place("Q" * 5000)
    assert len(str(e.value)) < 120 and "5000 characters" in str(e.value)


def test_ordinary_points_still_work(nav):
    assert nav.nearest("H2-1F", -5, 60.0, kind="amenity:toilet", limit=2)
    assert nav.place(("H2-1F", 40, 60)).id == "H2-1F@40,60"


@pytest.mark.parametrize("kind, words", [
    ("amenity:nope", "the amenity categories are atm, charging"),
    ("opening:door", "the opening categories are emergencyexit, pedestrian"),
    ("connector:lift", "the connector categories are elevator, escalator"),
    ("booth:corner", "Booths take no category"),
    ("stall", "Unknown kind"),
])
def test_an_unknown_kind_or_category_is_named_with_the_choices(nav, kind, words):
    with pytest.raises(NotFound, match=words):
        nav.nearest("H2-1F", 40, 60, kind=kind)


def test_known_categories_find_only_their_things(nav):
    elevators = nav.nearest("H2-1F", 40, 60, kind="connector:elevator", limit=10)
    assert elevators and all(h.id.startswith("EL-") for h in elevators)
    assert nav.nearest("H2-1F", 40, 60, kind="amenity:prayer") == []  # a known word: none here
    assert all(h.category.startswith("toilet")
               for h in nav.nearest("H2-1F", 40, 60, kind="amenity:toilet", limit=10))


@pytest.mark.parametrize("limit", [0, -1, 2.5, True])
def test_a_limit_is_a_positive_whole_number(nav, limit):
    with pytest.raises(ExpoNavError, match="limit"):
        nav.nearest("H2-1F", 40, 60, limit=limit)


# -- visits ----------------------------------------------------------------------------------

@pytest.mark.parametrize("dwell", [math.nan, math.inf, -1.0, 721.0, 1e300, "long"])
def test_a_dwell_time_outside_0_to_720_minutes_is_refused(nav, dwell):
    with pytest.raises(ItineraryError, match="minutes"):
        nav.itinerary("K-H2-1F-1", ["S1024"], "10:00", dwell_min=dwell)


def test_a_dwell_time_per_stop_is_checked_and_named(nav):
    with pytest.raises(ItineraryError, match="at S1024 must be 0 to 720 minutes"):
        nav.itinerary("K-H2-1F-1", ["S1024", "Q0210"], "10:00", dwell_min={"S1024": -5})


def test_no_stop_departs_before_it_arrives(nav):
    it = nav.itinerary("K-H2-1F-1", ["S1024", "Q0210"], "10:00", dwell_min=0)
    assert all(s.depart_s >= s.arrive_s for s in it.stops)


def test_a_visit_past_midnight_is_refused_with_its_end(nav):
    with pytest.raises(ItineraryError, match=r"would end at 00:\d\d the next day"):
        nav.itinerary("K-H2-1F-1", ["S1024"], "23:59")
    with pytest.raises(ItineraryError, match="the next day"):
        nav.itinerary("K-H2-1F-1", ["S1024"], "14:00", dwell_min=720)
    late = nav.itinerary("K-H2-1F-1", ["S1024"], "23:00")  # ends 23:13: fine
    assert late.stops[-1].depart_s < 24 * 3600


def test_the_kiosk_clock_late_at_night_gets_the_same_sentence(nav):
    with pytest.raises(ItineraryError, match="midnight"):
        nav.itinerary("K-H2-1F-1", ["S1024"], now=lambda: datetime(2025, 3, 18, 23, 58))


@pytest.mark.parametrize("value", ["-1:00", "24:00", "", "nan", math.nan, math.inf, -1.0,
                                   86400.0])
def test_times_of_day(value):
    with pytest.raises(ItineraryError, match="time of day"):
        parse_hhmm(value)


def test_two_appointments_at_one_place_are_refused(nav):
    with pytest.raises(ItineraryError, match="S1024 has two appointments"):
        nav.itinerary("K-H2-1F-1", [], "09:00", {"S1024": "10:00", "s-1024": "11:00"})
