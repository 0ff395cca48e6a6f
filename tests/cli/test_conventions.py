"""The command line as its users expect of one: options before or after the subcommand,
--version, help on every option, no Qt abort without a display, shell completion."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from exponav.cli.commands import SHELLS, build_parser, display_problem, main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as e:  # argparse's own exits (--help, --version, usage errors)
        code = e.code
    out, err = capsys.readouterr()
    return code, out, err


def _env(**changes: str | None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "app")}
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


# -- --data and --json before the subcommand -------------------------------------------------

def test_data_before_the_subcommand_is_used(capsys, tmp_path):
    code, out, err = run(capsys, "--data", str(tmp_path / "nonexistent.db"), "booth", "S1024")
    assert code == 2 and out == ""
    assert "nonexistent.db" in err and "does not exist" in err


@pytest.mark.parametrize("where", ["before", "after", "both"])
def test_json_before_or_after_the_subcommand(capsys, data_file, where):
    argv = ["booth", "S1024", "--data", str(data_file)]
    argv = {"before": ["--json", *argv], "after": [*argv, "--json"],
            "both": ["--json", *argv, "--json"]}[where]
    code, out, _ = run(capsys, *argv)
    assert code == 0 and json.loads(out)["code"] == "S1024"


def test_text_unless_json_is_given(capsys, data_file):
    code, out, _ = run(capsys, "--data", str(data_file), "booth", "S1024")
    assert code == 0 and out.startswith("S1024 on H2-4F")


def test_the_same_data_file_twice_is_one(capsys, data_file):
    code, out, _ = run(capsys, "--data", str(data_file), "--json", "stats", "--data",
                       str(data_file))
    assert code == 0 and json.loads(out)["levels"] == 4


@pytest.mark.parametrize("argv", [
    ("--data", "{a}", "booth", "S1024", "--data", "{b}"),
    ("kiosk", "--data", "{a}", "show", "--data", "{b}"),
    ("--data", "{a}", "kiosk", "show", "--data", "{b}"),
])
def test_two_data_files_are_refused_with_a_sentence(capsys, tmp_path, argv):
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    code, out, err = run(capsys, *(x.format(a=a, b=b) for x in argv))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "--data names two files" in err and a in err and b in err


def test_nested_kiosk_action_takes_options_at_every_level(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("EXPONAV_KIOSK_CONFIG", str(tmp_path / "kiosk.json"))
    code, out, _ = run(capsys, "--json", "kiosk", "show")
    assert code == 0 and json.loads(out)["file"] == str(tmp_path / "kiosk.json")
    code, out, _ = run(capsys, "kiosk", "--json", "show")
    assert code == 0 and json.loads(out)["file"] == str(tmp_path / "kiosk.json")


def test_real_entry_point_reads_options_before_the_subcommand(tmp_path, data_file):
    proc = subprocess.run([sys.executable, "-m", "exponav", "--json", "--data", str(data_file),
                           "booth", "S1024"], capture_output=True, text=True, timeout=120,
                          env=_env())
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["code"] == "S1024"


# -- --version and help ---------------------------------------------------------------------

def test_version_is_the_package_version(capsys):
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["version"]
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"exponav {version}"
    import exponav

    assert exponav.__version__ == version


def _parsers(parser: argparse.ArgumentParser, name: str = "exponav"):
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from _parsers(sub, f"{name} {sub_name}")


def test_every_option_of_every_subcommand_says_what_it_does_and_its_default():
    parsers = dict(_parsers(build_parser()))
    assert {"exponav near", "exponav kiosk set-pin", "exponav completion"} <= set(parsers)
    for name, parser in parsers.items():
        for action in parser._actions:
            if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
                continue
            label = f"{name} {'/'.join(action.option_strings) or action.dest}"
            assert action.help and len(action.help) > 8, f"{label} has no help"
            has_default = action.default not in (None, False, argparse.SUPPRESS, [])
            if action.option_strings and has_default:
                assert "default" in action.help, f"{label} does not say its default"
            if isinstance(action, argparse._StoreTrueAction):
                assert "default" in action.help or action.dest in ("stdin", "clear"), \
                    f"{label}: what without it?"


def test_near_help_shows_every_option_and_the_kinds_default(capsys):
    code, out, _ = run(capsys, "near", "--help")
    assert code == 0
    for option, words in [("--level", "level of the point"), ("--x", "metres east"),
                          ("--y", "metres north"), ("--kind", "(default: amenity)"),
                          ("--limit", "default 5")]:
        line = " ".join(out[out.index(f"  {option} "):].split())
        assert words in line[:200], option


# -- gui without a display -------------------------------------------------------------------

@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="X11 and Wayland only")
def test_gui_without_a_display_is_one_sentence_and_status_2():
    env = _env(DISPLAY=None, WAYLAND_DISPLAY=None, WAYLAND_SOCKET=None, QT_QPA_PLATFORM=None)
    for argv in (["gui"], [], ["gui", "--kiosk", "K-H2-1F-1"]):
        proc = subprocess.run([sys.executable, "-m", "exponav", *argv], capture_output=True,
                              text=True, timeout=120, env=env)
        assert proc.returncode == 2, (argv, proc.returncode, proc.stderr)
        assert proc.stderr.count("\n") == 1 and "DISPLAY" in proc.stderr
        assert "Aborted" not in proc.stderr and "qt.qpa" not in proc.stderr


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="X11 and Wayland only")
def test_an_x_display_that_is_not_there_is_named():
    display = ":8917"
    assert not Path(f"/tmp/.X11-unix/X{display[1:]}").exists()
    problem = display_problem({"DISPLAY": display})
    if problem is None:
        pytest.skip("libxcb is not installed here; Qt would say why itself")
    assert f"cannot connect to the X display {display}" in problem
    proc = subprocess.run([sys.executable, "-m", "exponav", "gui"], capture_output=True,
                          text=True, timeout=120,
                          env=_env(DISPLAY=display, WAYLAND_DISPLAY=None, QT_QPA_PLATFORM=None))
    assert proc.returncode == 2 and display in proc.stderr and proc.stderr.count("\n") == 1


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="X11 and Wayland only")
@pytest.mark.parametrize("environ, fine", [
    ({}, False),
    ({"QT_QPA_PLATFORM": "offscreen"}, True),
    ({"QT_QPA_PLATFORM": "xcb"}, False),
    ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, True),
    ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, True),
])
def test_which_environments_have_a_display(environ, fine):
    assert (display_problem(environ) is None) is fine


# -- shell completion ------------------------------------------------------------------------

@pytest.mark.parametrize("shell", SHELLS)
def test_completion_scripts_name_every_subcommand(capsys, shell):
    code, out, _ = run(capsys, "completion", shell)
    assert code == 0
    for command in ("search", "booth", "near", "itinerary", "build-data", "kiosk", "gui"):
        assert command in out


def test_completion_for_an_unknown_shell_is_refused(capsys):
    code, out, err = run(capsys, "completion", "ksh")
    assert code == 2 and out == "" and "ksh" in err and err.count("\n") == 1


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completes_subcommands_choices_and_paths(capsys, tmp_path):
    code, out, _ = run(capsys, "completion", "bash")
    assert code == 0
    script = tmp_path / "exponav.bash"
    script.write_text(out, encoding="utf-8")
    (tmp_path / "plans").mkdir()
    (tmp_path / "show.exponav.db").write_bytes(b"")

    def complete(*words: str) -> list[str]:
        line = " ".join(words)
        program = (f"source {script}; COMP_WORDS=({' '.join(repr(w) for w in words)}); "
                   f"COMP_CWORD={len(words) - 1}; COMP_LINE={line!r}; COMP_POINT={len(line)}; "
                   "_shtab_exponav; printf '%s\\n' \"${COMPREPLY[@]}\"")
        proc = subprocess.run(["bash", "-c", program], capture_output=True, text=True,
                              cwd=tmp_path, timeout=60)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.split()

    assert complete("exponav", "bo") == ["booth"]
    assert complete("exponav", "kiosk", "s") == ["show", "set", "set-pin"]
    assert complete("exponav", "route", "--lang", "") == ["en", "zh-Hant", "id"]
    assert complete("exponav", "--data", "sh") == ["show.exponav.db"]
    assert complete("exponav", "build-data", "--venue", "pl") == ["plans"]

