"""The QR payload: a short readable text, a machine line, and parse(build(x)) == x; codes
printed with the longer text before still read."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exponav.core.errors import ExpoNavError
from exponav.core.visit.qr import (
    QrPlan,
    QrStop,
    build,
    escape_id,
    machine_line,
    parse,
    parse_machine_line,
    unescape_id,
)

# one line of text, Chinese included (no line or paragraph separators)
line_text = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40)
chinese = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1,
                  max_size=12)
names = st.one_of(line_text, chinese, st.builds(lambda a, b: f"{a} {b}", line_text, chinese))
ids = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"),
              min_size=1, max_size=16).filter(lambda s: s.strip() == s and s)
hhmm = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59))
stops = st.builds(QrStop, place=ids, name=names, time=st.one_of(st.just(""), hhmm),
                  appointment=st.one_of(st.none(), hhmm))
plans = st.builds(QrPlan, show=ids, origin=ids, stops=st.lists(stops, max_size=8).map(tuple),
                  title=names, start=hhmm, end=hhmm, length_m=st.integers(0, 100000),
                  walk_min=st.integers(0, 1000))


@settings(max_examples=300, deadline=None)
@given(plans)
def test_parse_build_round_trip(plan):
    assert parse(build(plan)) == plan


@settings(max_examples=100, deadline=None)
@given(plans)
def test_a_summary_without_stop_lines_round_trips(plan):
    bare = replace(plan, stops=tuple(QrStop(s.place, appointment=s.appointment)
                                     for s in plan.stops))
    text = build(bare)
    assert len(text.split("\n")) == 3  # title, times and walk, machine line
    assert parse(text) == bare


def test_round_trip_with_chinese_names():
    plan = QrPlan(
        show="scse2025", origin="K-H2-1F-1", title="Smart City Summit & Expo 2025 2025智慧城市展",
        start="10:30", end="14:30", length_m=820, walk_min=12,
        stops=(QrStop("S1024", "Chunghwa Telecom 中華電信", time="10:42"),
               QrStop("MM-B12", "媒合桌B12 (Taiwan)", time="14:00", appointment="14:00"),
               QrStop("H2-1F@10,20", "", time="14:20")))
    text = build(plan)
    assert text.splitlines()[1:4] == ["10:30–14:30 · 820 m · 12 min",
                                      "1. 10:42 S1024 Chunghwa Telecom 中華電信",
                                      "2. 14:00 MM-B12 媒合桌B12 (Taiwan)"]
    assert text.splitlines()[-1] == \
        "EXPONAV1|scse2025|K-H2-1F-1|S1024,MM-B12@14:00,H2-1F%4010%2C20"
    assert parse(text) == plan


def test_codes_printed_with_the_longer_text_still_read():
    old = ("Smart City Summit & Expo 2025 2025智慧城市展\n"
           "Start 10:30 · K-H2-1F-1 Kiosk 資訊站 (Hall 2 1F)\n"
           "1. 10:32 S0557 Ziragen Security 齊拉根資安 (Hall 2 4F)\n"
           "2. 10:44 MM-B12 媒合桌B12 (Taiwan) (Hall 2 1F)\n"
           "Walk 279 m · 6 min\n"
           "EXPONAV1|scse2025|K-H2-1F-1|S0557,MM-B12@14:00")
    plan = parse(old)
    assert plan == QrPlan(
        show="scse2025", origin="K-H2-1F-1", title="Smart City Summit & Expo 2025 2025智慧城市展",
        origin_name="Kiosk 資訊站", origin_level="Hall 2 1F", start="10:30", length_m=279,
        walk_min=6,
        stops=(QrStop("S0557", "Ziragen Security 齊拉根資安", "Hall 2 4F", "10:32"),
               QrStop("MM-B12", "媒合桌B12 (Taiwan)", "Hall 2 1F", "10:44", "14:00")))


def test_text_that_does_not_match_keeps_only_the_machine_line():
    line = "EXPONAV1|scse2025|K1|S1024,Q0210"
    for body in ("a\nb\n", "title\n10:30–11:00 · 5 m · 1 min\n1. 10:31 Q0210 x\n2. 10:40 S1024\n",
                 "one line only\n"):
        assert parse(body + line) == parse_machine_line(line)


def test_ids_escape_the_separators():
    for raw in ["a|b", "a,b", "a@b", "100%", "H2-1F@10.5,20", "x\ny"]:
        assert unescape_id(escape_id(raw)) == raw
        assert not set("|,@\n") & set(escape_id(raw))


def test_machine_line_alone_is_enough():
    plan = parse("EXPONAV1|scse2025|K-H2-1F-1|S1024,MM-B12@14:00")
    assert plan.show == "scse2025" and plan.origin == "K-H2-1F-1"
    assert plan.stops == (QrStop("S1024"), QrStop("MM-B12", appointment="14:00"))
    # a scanner may add a line ending; text around it is ignored
    assert parse("hello\r\nEXPONAV1|s|o|a\r\n").stops == (QrStop("a"),)


def test_url_template_replaces_the_text_and_keeps_the_machine_line():
    plan = QrPlan("scse2025", "K1", (QrStop("S1024", "中華電信", "4F", "10:42"),))
    text = build(plan, url_template="https://example.org/visit?s={show}&p={stops}")
    url, line = text.splitlines()
    assert url == "https://example.org/visit?s=scse2025&p=S1024"
    assert line == machine_line(plan)
    back = parse(text)
    assert back.stops[0].place == "S1024" and back.show == "scse2025"


def test_not_a_visit():
    with pytest.raises(ExpoNavError):
        parse("just some text")
    with pytest.raises(ExpoNavError):
        parse_machine_line("EXPONAV1|only|three")
    with pytest.raises(ExpoNavError):
        parse_machine_line("EXPONAV1|s|o|A@25h")
