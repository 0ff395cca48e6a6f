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
    assert main(["kiosk", "set-pin", "--json"]) == 0
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
