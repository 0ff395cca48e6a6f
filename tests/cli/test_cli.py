"""The command line: JSON shapes of docs/FORMATS.md and one-sentence errors with status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from exponav.cli.commands import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_chinese_finds_chunghwa_with_its_booth(capsys, data_file):
    code, out, _ = run(capsys, "search", "中華電信", "--json", "--data", str(data_file))
    assert code == 0
    hits = json.loads(out)
    top = next(h for h in hits if h["kind"] == "exhibitor")
    assert top["name"] == "Chunghwa Telecom"
    assert top["booths"]
    for hit in hits:
        assert set(hit) == {"kind", "id", "name", "name_zh", "booths", "level", "score",
                             "booth"}


def test_booth_json_shape(capsys, data_file):
    code, out, _ = run(capsys, "booth", "s-1024", "--json", "--data", str(data_file))
    assert code == 0
    d = json.loads(out)
    assert set(d) == {"code", "level", "area_m2", "centroid", "polygon", "zone", "exhibitor"}
    assert d["code"] == "S1024" and d["level"] == "H2-4F"
    assert d["area_m2"] >= 9.0 and len(d["centroid"]) == 2 and len(d["polygon"]) >= 4


def test_near_json_shape(capsys, data_file):
    code, out, _ = run(capsys, "near", "--level", "H2-1F", "--x", "40", "--y", "60",
                       "--kind", "amenity:toilet", "--limit", "3", "--json",
                       "--data", str(data_file))
    assert code == 0
    rows = json.loads(out)
    assert 1 <= len(rows) <= 3
    for r in rows:
        assert set(r) == {"kind", "id", "level", "distance_m"}
    assert [r["distance_m"] for r in rows] == sorted(r["distance_m"] for r in rows)


def test_stats_counts(capsys, data_file):
    code, out, _ = run(capsys, "stats", "--json", "--data", str(data_file))
    assert code == 0
    s = json.loads(out)
    for key in ("levels", "booths", "standard_units", "exhibitors", "sessions", "amenities"):
        assert isinstance(s[key], int) and s[key] > 0
    assert s["levels"] == 4
    assert 400 <= s["exhibitors"] <= 500


def test_unknown_booth_is_one_sentence_with_suggestions(capsys, data_file):
    code, out, err = run(capsys, "booth", "S1025x", "--data", str(data_file))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "S1025x" in err and "did you mean" in err


def test_missing_data_file(capsys, tmp_path):
    code, _, err = run(capsys, "stats", "--data", str(tmp_path / "nope.db"))
    assert code == 2
    assert "nope.db" in err and "does not exist" in err and err.count("\n") == 1


@pytest.mark.parametrize("content", [b"", b"not sqlite at all" * 100, b"SQLite format 3\0" + b"\xff" * 5000])
def test_corrupt_data_file(capsys, tmp_path, content):
    bad = tmp_path / "bad.exponav.db"
    bad.write_bytes(content)
    code, _, err = run(capsys, "search", "chunghwa", "--data", str(bad))
    assert code == 2
    assert "bad.exponav.db" in err and "Traceback" not in err and err.count("\n") == 1
    assert bad.read_bytes() == content  # opened read-only: nothing written


def test_wrong_arguments_exit_2(capsys):
    with pytest.raises(SystemExit) as e:
        main(["near", "--level", "H2-1F", "--x", "forty", "--y", "1"])
    assert e.value.code == 2


def test_real_entry_point_prints_no_traceback(tmp_path, data_file):
    proc = subprocess.run([sys.executable, "-m", "exponav", "booth", "ZZZ", "--data",
                           str(data_file)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.strip().count("\n") == 0


def test_build_data_leaves_old_file_when_sources_are_bad(capsys, tmp_path, data_file):
    import shutil

    from exponav.core import paths

    venue = tmp_path / "venue"
    shutil.copytree(paths.venue_dir(), venue)
    level_file = next(venue.glob("H2-1F.geojson"))
    text = level_file.read_text(encoding="utf-8")
    level_file.write_text(text[: len(text) // 2], encoding="utf-8")  # truncated JSON
    dest = tmp_path / "published.db"
    shutil.copy(data_file, dest)
    before = dest.read_bytes()
    code, _, err = run(capsys, "build-data", "--data", str(dest), "--venue", str(venue))
    assert code == 2
    assert "H2-1F.geojson" in err and "line" in err
    assert dest.read_bytes() == before
    assert not list(tmp_path.glob("published.db*.tmp"))


def test_search_json_never_fails_on_odd_text(capsys, data_file):
    for text in ['"', "'; DROP TABLE exhibitors; --", "NEAR(a b)", "*", "🙂" * 50, "x" * 10000]:
        code, out, _ = run(capsys, "search", text, "--json", "--data", str(data_file))
        assert code == 0
        assert isinstance(json.loads(out), list)


def test_selftest_passes(capsys, data_file, tmp_path):
    png = tmp_path / "shot.png"
    code, out, _ = run(capsys, "selftest", "--json", "--screenshot", str(png))
    report = json.loads(out)
    assert code == 0, report
    assert report["ok"] and all(c["ok"] for c in report["checks"])
    assert Path(png).stat().st_size > 10_000


def test_route_json_shape_and_lengths(capsys, data_file):
    code, out, _ = run(capsys, "route", "K-H2-1F-1", "s-1024", "--json", "--data", str(data_file))
    assert code == 0
    d = json.loads(out)
    assert set(d) == {"origin", "destination", "length_m", "duration_s", "step_free", "legs",
                      "steps", "landmarks"}
    assert [leg["level"] for leg in d["legs"]] == ["H2-1F", "H2-4F"]
    assert d["legs"][0]["via"] and d["legs"][-1]["via"] is None
    assert abs(d["length_m"] - sum(leg["length_m"] for leg in d["legs"])) < 0.2
    assert d["duration_s"] > d["length_m"] / 1.2
    assert d["steps"] and "S1024" in d["steps"][-1]


def test_route_step_free_uses_elevator(capsys, data_file):
    code, out, _ = run(capsys, "route", "K-H2-1F-1", "S1024", "--step-free", "--json",
                       "--data", str(data_file))
    assert code == 0
    d = json.loads(out)
    assert d["step_free"] is True
    assert d["legs"][0]["via"].startswith("EL-")


def test_route_to_unknown_place(capsys, data_file):
    code, _, err = run(capsys, "route", "K-H2-1F-1", "S99999", "--data", str(data_file))
    assert code == 2 and "S99999" in err and err.count("\n") == 1


def test_itinerary_json_shape_and_pdf(capsys, data_file, tmp_path):
    pdf = tmp_path / "visit.pdf"
    code, out, _ = run(capsys, "itinerary", "--from", "K-H2-1F-1", "S1024", "Q0210", "Q0909",
                       "--start", "10:30", "--appointment", "MM-B12@14:00", "--pdf", str(pdf),
                       "--json", "--data", str(data_file))
    assert code == 0
    d = json.loads(out)
    assert set(d) == {"origin", "stops", "length_m", "duration_s", "qr_payload", "pdf"}
    assert {s["place"] for s in d["stops"]} == {"S1024", "Q0210", "Q0909", "MM-B12"}
    for s in d["stops"]:
        assert set(s) == {"place", "name", "arrive", "depart", "leg_length_m"}
    meeting = next(s for s in d["stops"] if s["place"] == "MM-B12")
    assert meeting["arrive"] <= "14:00" and meeting["depart"] >= "14:00"
    assert d["stops"][-1]["place"] == "MM-B12"  # the other stops fill the morning
    assert abs(d["length_m"] - sum(s["leg_length_m"] for s in d["stops"])) < 0.5
    assert d["qr_payload"].splitlines()[-1].startswith("EXPONAV1|scse2025|K-H2-1F-1|")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_itinerary_bad_time_is_one_sentence(capsys, data_file):
    code, _, err = run(capsys, "itinerary", "--from", "K-H2-1F-1", "S1024",
                       "--appointment", "MM-B12@25:99", "--data", str(data_file))
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err


def test_itinerary_on_another_show_day_starts_at_its_opening(capsys, data_file):
    code, out, err = run(capsys, "itinerary", "--from", "K-H2-1F-1", "S1024", "Q0210",
                         "--day", "2025-03-19", "--data", str(data_file))
    assert code == 0 and err == ""
    assert out.startswith("Visit from K-H2-1F-1 on 2025-03-19 at 10:00: 2 stops")
    code, out, err = run(capsys, "itinerary", "--from", "K-H2-1F-1", "S1024", "--day",
                         "2025-03-20", "--start", "07:52", "--json", "--data", str(data_file))
    assert code == 0
    assert err == ("exponav: The show opens at 10:00 on 20 March 2025, so the visit starts "
                   "then, not at 07:52.\n")
    assert json.loads(out)["qr_payload"].splitlines()[1].startswith("10:00")


@pytest.mark.parametrize(("day", "says"), [
    ("2025-03-22", "exponav: 22 March 2025 is not a day of Smart City Summit & Expo 2025, "
                   "which runs from 18 March 2025 to 21 March 2025.\n"),
    ("tomorrow", "exponav: 'tomorrow' is not a day; write it as YYYY-MM-DD, "
                 "e.g. 2025-03-19.\n"),
])
def test_itinerary_day_outside_the_show_is_one_sentence(capsys, data_file, day, says):
    code, out, err = run(capsys, "itinerary", "--from", "K-H2-1F-1", "S1024", "--day", day,
                         "--data", str(data_file))
    assert (code, out, err) == (2, "", says)


def test_itinerary_says_which_stops_are_after_closing(capsys, data_file):
    code, out, err = run(capsys, "itinerary", "--from", "K-H2-1F-1", "S1024", "Q0210",
                         "--keep-order", "--day", "2025-03-18", "--start", "16:50",
                         "--data", str(data_file))
    assert code == 0 and out.startswith("Visit from K-H2-1F-1 on 2025-03-18 at 16:50")
    lines = err.splitlines()
    assert len(lines) == 2 and all(line.startswith("exponav: ") for line in lines)
    assert "(Q0210)" in lines[1] and "after the show closes at 17:00." in lines[1]


def test_itinerary_text_gives_a_meeting_its_fixed_time(capsys, data_file):
    code, out, _ = run(capsys, "itinerary", "--from", "K-H2-1F-1", "S1024", "--start", "10:30",
                       "--day", "2025-03-18", "--appointment", "MM-B12@14:00",
                       "--data", str(data_file))
    assert code == 0
    meeting = next(line for line in out.splitlines() if " MM-B12 " in line)
    assert meeting.split()[1].startswith("14:00-") and meeting.endswith("meeting 14:00")
    code, out, _ = run(capsys, "itinerary", "--from", "K-H2-1F-1", "S1024", "--start", "10:30",
                       "--day", "2025-03-18", "--appointment", "MM-B12@14:00", "--json",
                       "--data", str(data_file))
    d = json.loads(out)
    assert next(s for s in d["stops"] if s["place"] == "MM-B12")["arrive"] < "14:00"
    assert "\n2. 14:00 MM-B12 " in d["qr_payload"]  # what the phone shows
