"""``search --from`` and ``near --from/--by``: the same answers as the Navigator, and
one-sentence errors with status 2."""

from __future__ import annotations

import json

import pytest

from exponav.cli.commands import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys, data_file, *argv: str):
    code, out, err = run(capsys, *argv, "--json", "--data", str(data_file))
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize("origin", ["K-H2-1F-1", "S1024", "H2-4F@100,50"])
@pytest.mark.parametrize("text", ["toilet", "exit", "電梯", "atm", "zhdx"])
def test_search_from_a_place_is_the_navigators(capsys, data_file, nav, origin, text):
    got = as_json(capsys, data_file, "search", text, "--from", origin, "--limit", "12")
    assert got == [h.to_dict() for h in nav.search(text, origin=origin, limit=12)]
    assert got


def test_search_from_a_place_puts_the_nearest_toilet_first(capsys, data_file, nav):
    got = as_json(capsys, data_file, "search", "toilet", "--from", "K-H2-4F-3")
    best = nav.nearest(origin="K-H2-4F-3", kind="amenity:toilet", by="walking", limit=1)[0]
    assert got[0]["id"] == best.id
    plain = as_json(capsys, data_file, "search", "toilet")
    assert plain[0]["level"] in {"H2-1F", "H2-4F"}


def test_search_by_booth_code_names_that_booth(capsys, data_file):
    got = as_json(capsys, data_file, "search", "S1024", "--limit", "2")
    assert [(h["kind"], h["booth"]) for h in got] == [("booth", "S1024"), ("exhibitor", "S1024")]
    assert got[1]["booths"][0] == "S1024"


@pytest.mark.parametrize("by", ["walking", "straight"])
@pytest.mark.parametrize(("origin", "kind"), [("K-H2-1F-1", "amenity:toilet"),
                                              ("S1024", "exit"), ("Q0210", "connector:elevator"),
                                              ("H2-1F@30,60", "amenity")])
def test_near_from_a_place_is_the_navigators(capsys, data_file, nav, origin, kind, by):
    got = as_json(capsys, data_file, "near", "--from", origin, "--by", by, "--kind", kind)
    assert got == [n.to_dict() for n in nav.nearest(origin=origin, kind=kind, by=by)]
    assert got


def test_near_by_level_and_point_still_works(capsys, data_file, nav):
    got = as_json(capsys, data_file, "near", "--level", "H2-1F", "--x", "40", "--y", "60")
    assert got == [n.to_dict() for n in nav.nearest("H2-1F", 40.0, 60.0)]
    walking = as_json(capsys, data_file, "near", "--level", "H2-1F", "--x", "40", "--y", "60",
                      "--by", "walking", "--kind", "amenity:toilet")
    assert walking == [n.to_dict() for n in nav.nearest(
        origin="H2-1F@40,60", kind="amenity:toilet", by="walking")]


def test_near_text_output(capsys, data_file):
    code, out, _ = run(capsys, "near", "--from", "K-H2-1F-1", "--by", "walking", "--kind",
                       "exit", "--limit", "2", "--data", str(data_file))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2 and all(line.startswith("opening") and line.endswith(" m")
                                   for line in lines)


@pytest.mark.parametrize(("argv", "says"), [
    (["near"], "give --from PLACE, or all of --level, --x and --y"),
    (["near", "--level", "H2-1F", "--x", "3"], "give --from PLACE"),
    (["near", "--from", "S1024", "--level", "H2-1F"], "give --from PLACE"),
    (["near", "--from", "nowhere"], "There is no place 'nowhere'"),
    (["near", "--from", "S1024", "--kind", "unicorn"], "Unknown kind"),
    (["near", "--from", "S1024", "--by", "bird"], "invalid choice"),
    (["search", "toilet", "--from", "nowhere"], "There is no place 'nowhere'"),
    (["search", "toilet", "--from", "H9-9F@1,1"], "There is no level 'H9-9F'"),
])
def test_bad_places_are_one_sentence_and_status_2(capsys, data_file, argv, says):
    try:
        code = main([*argv, "--data", str(data_file)])
    except SystemExit as e:  # argparse's own errors
        code = e.code
    out, err = capsys.readouterr()
    assert code == 2
    assert says in err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("exponav")


@pytest.mark.parametrize("argv", [
    ["near", "--from", "H2-1F@nan,1", "--by", "walking"],
    ["near", "--level", "H2-1F", "--x", "nan", "--y", "1"],
    ["near", "--level", "H2-1F", "--x", "inf", "--y", "1", "--by", "walking"],
    ["search", "toilet", "--from", "H2-1F@1,inf"],
    ["route", "H2-1F@nan,1", "S1024"],
])
def test_coordinates_that_are_not_numbers(capsys, data_file, argv):
    try:
        code = main([*argv, "--data", str(data_file)])
    except SystemExit as e:  # argparse refuses --x nan itself
        code = e.code
    _, err = capsys.readouterr()
    assert code == 2
    assert "metres" in err and len(err.strip().splitlines()) == 1
