"""Kiosk settings: the file, its keys, the PIN hash and the slow-down for wrong PINs."""

from __future__ import annotations

import json
import os
import stat

import pytest

from exponav.core.io.kiosk_config import (
    KioskConfigError,
    KioskSettings,
    PinGuard,
    check_pin,
    hash_pin,
    load_settings,
    pin_delay_s,
    save_settings,
    set_value,
    settings_path,
)

FAST = {"n": 2**10}  # cheap scrypt for tests; the stored parameters say what was used


def test_missing_file_gives_defaults(tmp_path):
    s = load_settings(tmp_path / "none.json")
    assert s == KioskSettings()
    assert s.paper == "receipt80" and s.idle_s == 90 and s.countdown_s == 10


def test_save_and_load_round_trip_atomically(tmp_path):
    path = tmp_path / "sub" / "kiosk.json"
    s = KioskSettings(kiosk_id="K-H2-1F-1", printer="Receipt", idle_s=45, language="zh-Hant")
    s.pin = hash_pin("2468", **FAST)
    save_settings(s, path)
    assert load_settings(path) == s
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["kiosk.json"]  # no temporary left
    raw = json.loads(path.read_text())
    assert "2468" not in path.read_text() and raw["pin"]["scheme"] == "scrypt"


def test_env_names_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPONAV_KIOSK_CONFIG", str(tmp_path / "k.json"))
    assert settings_path() == tmp_path / "k.json"
    monkeypatch.delenv("EXPONAV_KIOSK_CONFIG")
    assert settings_path().name == "kiosk.json"


@pytest.mark.parametrize("key,value,field,expected", [
    ("id", " K-H2-4F-2 ", "kiosk_id", "K-H2-4F-2"),
    ("idle", "120", "idle_s", 120.0),
    ("countdown", "5", "countdown_s", 5.0),
    ("paper", "a4", "paper", "a4"),
    ("language", "id", "language", "id"),
    ("printer", "pdf:/tmp/x.pdf", "printer", "pdf:/tmp/x.pdf"),
    ("now", "2025-03-19T14:00", "now", "2025-03-19T14:00"),
    ("keyboard", "builtin", "keyboard", "builtin"),
])
def test_set_value(key, value, field, expected):
    assert getattr(set_value(KioskSettings(), key, value), field) == expected


@pytest.mark.parametrize("key,value", [
    ("idle", "soon"), ("idle", "0"), ("paper", "a3"), ("language", "fr"),
    ("colour", "red"), ("now", "tomorrow"),
])
def test_bad_values_are_refused_in_a_sentence(key, value):
    with pytest.raises(KioskConfigError) as e:
        set_value(KioskSettings(), key, value)
    assert str(e.value).endswith(".")


def test_damaged_file_names_itself(tmp_path):
    path = tmp_path / "kiosk.json"
    path.write_text("{not json")
    with pytest.raises(KioskConfigError, match="kiosk.json"):
        load_settings(path)
    path.write_text(json.dumps({"paper": "a3"}))
    with pytest.raises(KioskConfigError, match="paper"):
        load_settings(path)
    path.write_text(json.dumps({"pin": {"scheme": "md5"}}))
    with pytest.raises(KioskConfigError, match="set-pin"):
        load_settings(path)


def test_pin_hash_is_salted_and_checks():
    a, b = hash_pin("2468", **FAST), hash_pin("2468", **FAST)
    assert a["salt"] != b["salt"] and a["hash"] != b["hash"]
    assert a["n"] == 2**10 and a["r"] == 8 and a["p"] == 1
    assert check_pin("2468", a) and check_pin("2468", b)
    assert not check_pin("2469", a) and not check_pin("", a) and not check_pin("2468", None)
    assert not check_pin("２４６８", a)  # full-width digits are not the PIN


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", ""])
def test_pin_must_be_4_to_12_digits(pin):
    with pytest.raises(KioskConfigError):
        hash_pin(pin, **FAST)


def test_default_parameters_are_scrypts_interactive_cost():
    record = hash_pin("0000")
    assert (record["n"], record["r"], record["p"]) == (2**14, 8, 1)
    assert check_pin("0000", record)


def test_wrong_pins_slow_down_exponentially():
    assert [pin_delay_s(k) for k in range(3)] == [0, 0, 0]
    delays = [pin_delay_s(k) for k in range(3, 12)]
    assert delays[:4] == [2, 4, 8, 16]
    assert all(b >= a for a, b in zip(delays, delays[1:], strict=False))
    assert pin_delay_s(100) == 300


def test_guard_refuses_tries_during_the_wait():
    now = [1000.0]
    guard = PinGuard(hash_pin("2468", **FAST), clock=lambda: now[0])
    for _ in range(3):
        assert not guard.try_pin("0000")
    assert guard.failures == 3 and guard.wait_s() == pytest.approx(2.0)
    assert not guard.try_pin("2468")  # right PIN, but too soon: not even checked
    assert guard.failures == 3
    now[0] += 2.0
    assert not guard.try_pin("1111")
    assert guard.wait_s() == pytest.approx(4.0)
    now[0] += 4.0
    assert guard.try_pin("2468")
    assert guard.failures == 0 and guard.wait_s() == 0


def test_settings_shown_without_the_hash():
    s = KioskSettings(pin=hash_pin("2468", **FAST))
    assert s.to_dict()["pin"] == "set"
    assert "hash" not in repr(s)
    assert KioskSettings().to_dict()["pin"] is None


def test_core_module_does_not_import_qt():
    import subprocess
    import sys

    code = ("import sys, exponav.core.io.kiosk_config; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ}, check=True)
    assert out.stdout.strip() == "False"
