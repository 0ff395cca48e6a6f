"""``exponav publish`` and ``exponav kiosk rollback`` from the command line."""

from __future__ import annotations

import json
import stat

from exponav.cli.commands import main
from exponav.core import fleet
from tests.core.fleet_helpers import first_manifest, put_version


def test_publish_then_rollback_on_a_kiosk(tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    assert main(["publish", "--out", str(out), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["new"] and stat.S_IMODE((out / shown["data"]).stat().st_mode) == 0o644
    assert main(["publish", "--out", str(out)]) == 0
    assert "already published" in capsys.readouterr().out

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert main(["kiosk", "rollback"]) == 2
    assert "nothing to roll back" in capsys.readouterr().err
    updates = tmp_path / "updates"
    updates.mkdir()
    source = first_manifest(out)
    for n in (1, 2):
        put_version(source, out, updates, n)
        fleet.check_updates(updates, show="scse2025", run_selftest=False)
        fleet.take_staged()
    assert main(["kiosk", "rollback"]) == 0
    assert "Rolled back from version" in capsys.readouterr().out
    assert fleet.load_state(fleet.store_dir()).current.version.endswith("0000000001")


def test_publish_into_a_file_is_one_sentence(tmp_path, capsys):
    target = tmp_path / "f"
    target.write_text("")
    assert main(["publish", "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(target) in err


def test_kiosk_set_updates(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("EXPONAV_KIOSK_CONFIG", str(tmp_path / "kiosk.json"))
    assert main(["kiosk", "set", "updates", str(tmp_path / "usb")]) == 0
    assert "not a folder now" in capsys.readouterr().err
    assert main(["kiosk", "set", "updates", "usb"]) == 2
    assert "full path" in capsys.readouterr().err
