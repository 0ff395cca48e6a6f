"""Progress bars on standard error, only when it is a terminal."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exponav.cli.commands import main
from exponav.cli.progress import count, on_terminal, stages
from exponav.core.io.datafile import BUILD_STAGES

ROOT = Path(__file__).resolve().parents[2]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _terminal(monkeypatch) -> _Terminal:
    """Standard error as a terminal, for this test (set in the test itself: pytest puts
    its own standard error back between a fixture and the test)."""
    stream = _Terminal()
    monkeypatch.setattr(sys, "stderr", stream)
    return stream


def test_nothing_is_drawn_when_standard_error_is_not_a_terminal(capsys):
    assert not on_terminal()
    with stages("work", 2) as step:
        step("one")
        step("two")
    with count("things", 10, "things") as done:
        done(5, rss="1 MB")
    assert capsys.readouterr().err == ""


def test_stages_are_counted_and_named_on_a_terminal(monkeypatch):
    terminal = _terminal(monkeypatch)
    with stages("work", 3) as step:
        step("reading")
        step("writing")
        print("exponav: a warning while it works", file=sys.stderr)
        step("checking")
    text = terminal.getvalue()
    assert sys.stderr is terminal  # given back
    assert "work: 0/3" in text and "reading" in text and "work: 2/3" in text
    assert "checking" in text
    assert "\nexponav: a warning while it works\n" in text.replace("\r", "\n")


def test_a_count_shows_how_many_of_how_many(monkeypatch):
    terminal = _terminal(monkeypatch)
    with count("soak", 1000, "interactions") as done:
        done(500, rss="212 MB")
    text = terminal.getvalue()
    assert "soak" in text and "500/1000" in text and "rss=212 MB" in text


def test_build_data_names_its_stages_on_a_terminal(monkeypatch, capsys, tmp_path):
    terminal = _terminal(monkeypatch)
    dest = tmp_path / "show.exponav.db"
    assert main(["build-data", "--data", str(dest)]) == 0
    text = terminal.getvalue()
    assert f"Building {dest.name}: 0/{len(BUILD_STAGES)}" in text
    for stage in BUILD_STAGES:
        assert stage in text
    assert capsys.readouterr().out == f"Built {dest}\n"


def test_build_data_is_silent_on_a_pipe_and_json_unchanged(tmp_path):
    dest = tmp_path / "show.exponav.db"
    proc = subprocess.run([sys.executable, "-m", "exponav", "build-data", "--json", "--data",
                           str(dest)], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "app")})
    assert proc.returncode == 0 and proc.stderr == ""
    assert json.loads(proc.stdout) == {"data": str(dest)}


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_build_data_draws_a_bar_on_a_real_terminal(tmp_path):
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    dest = tmp_path / "show.exponav.db"
    proc = subprocess.Popen([sys.executable, "-m", "exponav", "build-data", "--data", str(dest)],
                            stdout=subprocess.PIPE, stderr=slave,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "app")})
    os.close(slave)
    drawn = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        drawn += chunk
    out, _ = proc.communicate(timeout=300)
    os.close(master)
    assert proc.returncode == 0
    assert out.decode() == f"Built {dest}\n"
    text = drawn.decode("utf-8", "replace")
    assert "Building show.exponav.db" in text and "checking the file" in text


def test_bench_names_each_stage_in_order(monkeypatch, data_file):
    from exponav.diagnostics import bench, render_bench

    monkeypatch.setattr(bench, "_route_rows", lambda nav, rng, n: [])
    monkeypatch.setattr(bench, "itinerary_bench_rows", lambda nav: [])
    monkeypatch.setattr(render_bench, "render_level_rows", lambda nav: [])
    monkeypatch.setattr(render_bench, "start_to_first_frame_row",
                        lambda data: {"name": "start_to_first_frame"})
    monkeypatch.setattr(render_bench, "itinerary_pdf_bench_rows", lambda nav: [])
    monkeypatch.setattr(bench, "layout_bench_rows", lambda data: [])
    monkeypatch.setattr(bench, "_search_from_place_row",
                        lambda nav, rng: {"name": "search_from_place"})
    said: list[str] = []
    rows = bench.run_bench(data_file, repeat=3, progress=said.append)
    assert said == list(bench.bench_stages("scse"))
    assert [r["name"] for r in rows][:4] == ["search", "search_from_place", "hit_test",
                                             "nearest"]


def test_bench_and_soak_show_progress_on_a_terminal(monkeypatch, capsys):
    terminal = _terminal(monkeypatch)
    from exponav.diagnostics import bench, soak

    def fake_bench(data, *, scale, repeat, progress):
        for stage in bench.bench_stages(scale):
            progress(stage)
        return [{"name": "search", "n": 1, "p50_ms": 1.0, "p95_ms": 1.0, "budget_ms": 5.0}]

    def fake_soak(n, data, *, progress):
        progress(500, 212.4)
        return {"name": "soak", "n": n, "rss_start_mb": 200.0, "rss_end_mb": 201.0,
                "errors": 0, "budget_mb": 20.0}

    monkeypatch.setattr(bench, "run_bench", fake_bench)
    monkeypatch.setattr(soak, "run_soak", fake_soak)
    assert main(["bench", "--soak", "1000", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in rows] == ["search", "soak"]
    text = terminal.getvalue()
    assert f"bench: 0/{len(bench.bench_stages())}" in text and "itinerary_pdf" in text
    assert "500/1000" in text and "rss=212 MB" in text


def test_bench_rows_carry_the_load_average_and_the_text_says_it(monkeypatch, capsys,
                                                                data_file):
    from exponav.diagnostics import bench, render_bench

    monkeypatch.setattr(bench, "_route_rows", lambda nav, rng, n: [])
    monkeypatch.setattr(bench, "itinerary_bench_rows", lambda nav: [])
    monkeypatch.setattr(render_bench, "render_level_rows", lambda nav: [])
    monkeypatch.setattr(render_bench, "start_to_first_frame_row",
                        lambda data: {"name": "start_to_first_frame", "n": 1, "p50_ms": 1.0,
                                      "p95_ms": 1.0, "budget_ms": 1500.0})
    monkeypatch.setattr(render_bench, "itinerary_pdf_bench_rows", lambda nav: [])
    monkeypatch.setattr(bench, "layout_bench_rows", lambda data: [])
    monkeypatch.setattr(bench, "_window_rows", lambda *a, **k: [])
    monkeypatch.setattr(bench, "_editor_rows", lambda *a, **k: [])
    monkeypatch.setattr(bench, "run_capped", lambda fn: (fn(), None))
    monkeypatch.setattr(os, "getloadavg", lambda: (1.25, 0.5, 0.25))
    assert main(["bench", "--data", str(data_file), "--repeat", "2"]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0] == "load average (1 min) 1.25 to 1.25"
    rows = bench.run_bench(data_file, repeat=2)
    assert {r["load_1m"] for r in rows} == {1.25}
