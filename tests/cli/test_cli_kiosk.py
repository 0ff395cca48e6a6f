"""``exponav kiosk show|set|set-pin`` on a settings file of the test's own."""

from __future__ import annotations

import io
import json

import pytest

from exponav.cli.commands import main
from exponav.core.io.kiosk_config import check_pin, load_settings


@pytest.fixture
def settings_file(tmp_path, monkeypatch):
    path = tmp_path / "kiosk.json"
    monkeypatch.setenv("EXPONAV_KIOSK_CONFIG", str(path))
    return path


def test_show_set_and_set_pin(settings_file, capsys, monkeypatch, data_file):
    assert main(["kiosk", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["file"] == str(settings_file) and shown["paper"] == "receipt80"
    assert not settings_file.exists()  # showing writes nothing

    assert main(["kiosk", "set", "id", "K-H2-4F-2", "--data", str(data_file)]) == 0
    assert main(["kiosk", "set", "idle", "120"]) == 0
    assert main(["kiosk", "set", "printer", "Receipt-80"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("97531\n"))
    assert main(["kiosk", "set-pin", "--json"]) == 0  # a pipe: its first line
    assert '"pin": "set"' in capsys.readouterr().out
    s = load_settings(settings_file)
    assert (s.kiosk_id, s.idle_s, s.printer) == ("K-H2-4F-2", 120.0, "Receipt-80")
    assert check_pin("97531", s.pin) and "97531" not in settings_file.read_text()

    assert main(["kiosk", "set-pin", "--clear"]) == 0
    assert load_settings(settings_file).pin is None


def test_bad_input_is_one_sentence_and_status_2(settings_file, capsys, monkeypatch):
    assert main(["kiosk", "set", "paper", "a3"]) == 2
    assert main(["kiosk", "set", "colour", "red"]) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    assert main(["kiosk", "set-pin"]) == 2
    err = capsys.readouterr().err
    assert "a3" in err and "colour" in err and "4 to 12 digits" in err
    assert "Traceback" not in err and not settings_file.exists()


def test_an_unknown_kiosk_id_is_kept_with_a_warning(settings_file, capsys, data_file):
    assert main(["kiosk", "set", "id", "K-H9-1F-1", "--data", str(data_file)]) == 0
    assert "no kiosk 'K-H9-1F-1'" in capsys.readouterr().err
    assert load_settings(settings_file).kiosk_id == "K-H9-1F-1"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_set_pin_asks_twice_at_a_terminal(settings_file, capsys, monkeypatch):
    answers = iter(["24680", "24680"])
    monkeypatch.setattr("sys.stdin", _Terminal(""))
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["kiosk", "set-pin"]) == 0
    assert check_pin("24680", load_settings(settings_file).pin)
    before = settings_file.read_bytes()

    answers = iter(["13579", "13570"])
    assert main(["kiosk", "set-pin"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["exponav: The two PINs differ; nothing was changed."]
    assert settings_file.read_bytes() == before


def test_set_pin_reads_stdin_when_told(settings_file, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", _Terminal("8642\n"))  # even at a terminal
    assert main(["kiosk", "set-pin", "--stdin"]) == 0
    assert check_pin("8642", load_settings(settings_file).pin)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["kiosk", "set-pin", "--stdin"]) == 2
    assert "No PIN" in capsys.readouterr().err
    assert check_pin("8642", load_settings(settings_file).pin)


def test_a_damaged_file_is_named_and_left_alone(settings_file, capsys, monkeypatch):
    settings_file.write_text('{"idle_s": -1, "paper": "a4"}')
    before = settings_file.read_bytes()
    assert main(["kiosk", "show"]) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO("2468\n"))
    assert main(["kiosk", "set-pin", "--stdin"]) == 2  # another value is wrong
    assert main(["kiosk", "set", "paper", "letter"]) == 2
    err = capsys.readouterr().err
    assert err.count("idle: -1 seconds is out of range") == 3 and "Traceback" not in err
    assert settings_file.read_bytes() == before

    assert main(["kiosk", "set", "idle", "90"]) == 0  # the command that sets it puts it right
    assert load_settings(settings_file).idle_s == 90 and load_settings(settings_file).paper == "a4"


def test_set_pin_replaces_a_damaged_pin_record(settings_file, monkeypatch):
    settings_file.write_text(json.dumps({"kiosk_id": "K-H2-1F-1", "pin": {"scheme": "scrypt",
                                         "n": 3, "r": 8, "p": 1, "salt": "00", "hash": "00"}}))
    monkeypatch.setattr("sys.stdin", io.StringIO("2468\n"))
    assert main(["kiosk", "set-pin"]) == 0
    s = load_settings(settings_file)
    assert s.kiosk_id == "K-H2-1F-1" and check_pin("2468", s.pin)


def test_an_unwritable_settings_folder_is_one_sentence(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("EXPONAV_KIOSK_CONFIG", str(blocker / "kiosk.json"))
    assert main(["kiosk", "set", "idle", "30"]) == 2
    err = capsys.readouterr().err
    assert "cannot" in err and "Traceback" not in err and blocker.read_text() == ""
