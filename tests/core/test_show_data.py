"""Consistency of the SCSE 2025 seed data (db/scse2025) with itself and the floor plans.

Plain csv/json only: these checks hold for the files as committed, whatever the loader.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DB = ROOT / "db" / "scse2025"
PLANS = ROOT / "floorplans" / "tainex"
HALL2 = ("H2-1F", "H2-4F")

REAL_NAMES = [
    "Chunghwa Telecom", "NTT", "Singtel", "AIS", "IOWN Global Forum",
    "Taipei City Government Vision Pavilion", "Foxconn", "Kaohsiung City Government",
    "National Development Council", "Taipei Computer Association",
    "Taiwan Smart Automation and Robotics Association", "Montgomery County", "Córdoba",
    "RECIA", "ROTA Association", "Paris East Marne & Bois",
    "Ho Chi Minh City Computer Association", "Ukraine", "Thailand", "Vietnam", "Malaysia",
    "United States", "Japan", "Taiwan Smart City Solutions Alliance",
]
REQUIRED_CATEGORIES = {
    "ai", "iot", "transport", "energy", "netzero", "cybersecurity", "5g", "healthcare",
    "education", "fintech", "city", "international", "government", "manufacturing", "retail",
    "buildings", "water", "startups",
}


def read_csv(name: str) -> list[dict[str, str]]:
    with (DB / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def exhibitors() -> list[dict[str, str]]:
    return read_csv("exhibitors.csv")


@pytest.fixture(scope="module")
def sessions() -> list[dict[str, str]]:
    return read_csv("sessions.csv")


@pytest.fixture(scope="module")
def categories() -> list[dict[str, str]]:
    return read_csv("categories.csv")


@pytest.fixture(scope="module")
def plans() -> dict[str, dict[str, dict]]:
    """{"booths": {code: props + level}, "amenities": {id: props + level}, "zones": ...}."""
    venue = json.loads((PLANS / "venue.json").read_text(encoding="utf-8"))
    out: dict[str, dict[str, dict]] = {"booths": {}, "amenities": {}, "zones": {}}
    for level in venue["levels"]:
        doc = json.loads((PLANS / level["file"]).read_text(encoding="utf-8"))
        for f in doc["features"]:
            p = dict(f.get("properties") or {})
            p["level"] = level["id"]
            if p.get("kind") == "booth":
                assert p["code"] not in out["booths"], f"booth {p['code']} twice in the plans"
                out["booths"][p["code"]] = p
            elif p.get("kind") == "amenity":
                out["amenities"][p["id"]] = p
            elif p.get("kind") == "zone":
                out["zones"][p["id"]] = p
    return out


def booth_list(row: dict[str, str]) -> list[str]:
    return [b for b in row["booths"].split(";") if b]


def test_show_json() -> None:
    show = json.loads((DB / "show.json").read_text(encoding="utf-8"))
    assert show["id"] == "scse2025"
    assert show["names"] == {"en": "Smart City Summit & Expo 2025", "zh-Hant": "2025智慧城市展"}
    assert (show["venue"], show["start_date"], show["end_date"], show["timezone"]) == (
        "tainex", "2025-03-18", "2025-03-21", "Asia/Taipei")
    assert show["levels"] == list(HALL2)
    organisers = " ".join(o["en"] for o in show["organisers"])
    for name in ("Taipei Computer Association", "Taipei City", "Kaohsiung City",
                 "National Development Council"):
        assert name in organisers


def test_categories(categories, exhibitors) -> None:
    ids = [c["id"] for c in categories]
    assert len(ids) == len(set(ids))
    assert set(ids) >= REQUIRED_CATEGORIES
    assert all(c["name_en"] and c["name_zh"] for c in categories)
    for row in exhibitors:
        cats = [c for c in row["categories"].split(";") if c]
        assert cats, f"{row['id']} has no category"
        assert set(cats) <= set(ids), f"{row['id']}: unknown category in {cats}"
    used = Counter(c for row in exhibitors for c in row["categories"].split(";"))
    assert all(used[c] > 0 for c in REQUIRED_CATEGORIES), "a required category is unused"


def test_exhibitor_count_and_names(exhibitors) -> None:
    assert 400 <= len(exhibitors) <= 500
    ids = [r["id"] for r in exhibitors]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("EX") and len(i) == 6 for i in ids)
    for r in exhibitors:
        assert r["name_en"].strip() and r["name_zh"].strip(), r["id"]
        assert r["country"], r["id"]
        assert r["demo"] in ("0", "1"), r["id"]
    assert len({r["name_en"] for r in exhibitors}) == len(exhibitors)
    assert len({r["name_zh"] for r in exhibitors}) == len(exhibitors)


def test_real_organisations_present(exhibitors) -> None:
    real = [r for r in exhibitors if r["demo"] == "0"]
    for name in REAL_NAMES:
        assert any(name in r["name_en"] for r in real), f"{name} missing or not demo=0"
    cht = next(r for r in real if r["name_en"] == "Chunghwa Telecom")
    assert "電信" in cht["name_zh"]
    assert "Córdoba" in " ".join(r["name_en"] for r in real)


def test_invented_exhibitors_are_marked(exhibitors) -> None:
    demo = [r for r in exhibitors if r["demo"] == "1"]
    assert len(demo) >= 350
    for r in demo:
        assert r["website"].endswith(".example"), r["id"]
        assert r["description_en"] and r["description_zh"], r["id"]


def test_booths_exist_once_in_hall2(exhibitors, plans) -> None:
    seen: dict[str, str] = {}
    for r in exhibitors:
        for code in booth_list(r):
            assert code in plans["booths"], f"{r['id']}: booth {code} not in the floor plans"
            assert plans["booths"][code]["level"] in HALL2, f"{code} is not in Hall 2"
            assert code not in seen, f"booth {code} given to {seen[code]} and {r['id']}"
            seen[code] = r["id"]
    hall2 = [c for c, b in plans["booths"].items() if b["level"] in HALL2]
    assert len(seen) >= 0.6 * len(hall2), "most Hall 2 booths should be assigned"
    with_booth = [r for r in exhibitors if booth_list(r)]
    assert len(with_booth) >= 0.9 * len(exhibitors)
    assert sum(1 for r in exhibitors if len(booth_list(r)) >= 2) >= 5


def test_chunghwa_island_and_partners_nearby(exhibitors, plans) -> None:
    byname = {r["name_en"]: r for r in exhibitors}
    cht = [plans["booths"][c] for c in booth_list(byname["Chunghwa Telecom"])]
    assert cht
    assert any(b.get("type") == "island" for b in cht) or len(cht) >= 4
    levels = {b["level"] for b in cht}
    for partner in ("NTT", "Singtel", "AIS", "IOWN Global Forum"):
        booths = booth_list(byname[partner])
        assert booths, partner
        assert plans["booths"][booths[0]]["level"] in levels, partner


def test_pavilion_zones_hold_their_members(exhibitors, plans) -> None:
    byname = {r["name_en"]: r for r in exhibitors}
    taipei = {byname["Taipei City Government Vision Pavilion"]["id"],
              byname["Foxconn (Hon Hai Technology Group)"]["id"]}
    zones = {z for z, p in plans["zones"].items()
             if "taipei" in f"{z} {(p.get('names') or {}).get('en', '')}".lower()}
    if not zones:
        pytest.skip("no Taipei pavilion zone in the floor plans")
    zone_of = {c: b.get("zone") for c, b in plans["booths"].items()}
    for r in exhibitors:
        in_zone = [c for c in booth_list(r) if zone_of[c] in zones]
        if r["id"] in taipei:
            assert booth_list(r), r["name_en"]
            assert in_zone == booth_list(r), r["name_en"]
        elif in_zone:  # other pavilion members: Taipei-based invented companies
            assert r["demo"] == "1" and "city" in r["categories"].split(";"), r["name_en"]
            assert in_zone == booth_list(r), r["name_en"]


def test_other_zones_hold_their_members(exhibitors, plans) -> None:
    owner = {c: r for r in exhibitors for c in booth_list(r)}
    countries = {"Japan": "Japan", "Thailand": "Thailand", "Ukraine": "Ukraine",
                 "Malaysia": "Malaysia", "Vietnam": "Vietnam", "USA": "United States",
                 "United States": "United States"}
    checked = 0
    for zid, z in plans["zones"].items():
        name = (z.get("names") or {}).get("en", "")
        booths = [c for c, b in plans["booths"].items() if b.get("zone") == zid]
        let = [owner[c] for c in booths if c in owner]
        country = next((v for k, v in countries.items() if k in name.split()
                        or name.startswith(k)), None)
        if country and "Pavilion" in name:
            assert let, zid
            assert all(r["country"] == country for r in let), zid
            assert any(r["name_en"] == f"{country} Delegation" for r in let), zid
            checked += 1
        elif "Net-Zero" in name:
            assert let, zid
            assert all("netzero" in r["categories"].split(";") for r in let), zid
            checked += 1
        elif "Kaohsiung" in name:
            assert any(r["name_en"] == "Kaohsiung City Government" for r in let), zid
            assert all("city" in r["categories"].split(";") for r in let), zid
            checked += 1
    if not checked:
        pytest.skip("no pavilion zones in the floor plans")


def parse(ts: str) -> datetime:
    t = datetime.fromisoformat(ts)
    assert t.utcoffset() == timedelta(hours=8), ts
    assert ts.endswith("+08:00"), ts
    return t


def test_sessions_places_and_times(sessions, plans, exhibitors) -> None:
    ids = [s["id"] for s in sessions]
    assert len(ids) == len(set(ids))
    exhibitor_ids = {r["id"] for r in exhibitors}
    for s in sessions:
        assert s["kind"] in {"opening", "forum", "matchmaking", "ceremony"}, s["id"]
        assert s["place"] in plans["amenities"] or s["place"] in plans["booths"], s["id"]
        start, end = parse(s["start"]), parse(s["end"])
        assert end > start
        assert date(2025, 3, 18) <= start.date() <= end.date() <= date(2025, 3, 21), s["id"]
        assert start.hour >= 9 and (end.hour, end.minute) <= (18, 0), s["id"]
        assert s["exhibitor"] == "" or s["exhibitor"] in exhibitor_ids, s["id"]
        assert s["title_en"] and s["title_zh"], s["id"]
        assert s["demo"] in ("0", "1")
    kinds = Counter(s["kind"] for s in sessions)
    assert kinds["opening"] == 1
    assert 12 <= kinds["forum"] <= 25


def test_matchmaking(sessions, plans, exhibitors) -> None:
    mm = [s for s in sessions if s["kind"] == "matchmaking"]
    assert 900 <= len(mm) <= 1100
    by_place: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    by_exhibitor: dict[str, set[str]] = defaultdict(set)
    for s in mm:
        assert plans["amenities"][s["place"]]["category"] == "meeting", s["id"]
        start, end = parse(s["start"]), parse(s["end"])
        assert end - start == timedelta(minutes=30)
        assert s["exhibitor"] and s["demo"] == "1"
        assert s["title_en"].startswith("Business matchmaking: ")
        by_place[s["place"]].append((start, end))
        assert s["start"] not in by_exhibitor[s["exhibitor"]], "exhibitor double-booked"
        by_exhibitor[s["exhibitor"]].add(s["start"])
    # no place double-booked, whatever the kind
    for s in sessions:
        if s["kind"] != "matchmaking":
            by_place[s["place"]].append((parse(s["start"]), parse(s["end"])))
    for place, spans in by_place.items():
        spans.sort()
        for (_, e0), (s1, _) in zip(spans, spans[1:], strict=False):
            assert s1 >= e0, f"{place} double-booked at {s1}"


def test_public_record_sessions(sessions) -> None:
    def one(word: str) -> dict[str, str]:
        hits = [s for s in sessions if word in s["title_en"]]
        assert len(hits) == 1, word
        return hits[0]

    sn = one("Smart Nation 2.0")
    assert sn["kind"] == "forum" and sn["demo"] == "0"
    assert parse(sn["start"]).date() == date(2025, 3, 18)
    ua = one("Rebuilding Ukraine with Taiwan")
    assert ua["kind"] == "forum" and ua["demo"] == "0"
    assert parse(ua["start"]).date() == date(2025, 3, 20)
    opening = next(s for s in sessions if s["kind"] == "opening")
    assert parse(opening["start"]).date() == date(2025, 3, 18)
