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
    pin_record_problem,
    read_pin_record,
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
    ("updates", "/media/usb/exponav", "updates", "/media/usb/exponav"),
    ("updates", "", "updates", ""),
])
def test_set_value(key, value, field, expected):
    assert getattr(set_value(KioskSettings(), key, value), field) == expected


@pytest.mark.parametrize("key,value", [
    ("idle", "soon"), ("idle", "0"), ("paper", "a3"), ("language", "fr"),
    ("colour", "red"), ("now", "tomorrow"), ("updates", "usb/exponav"),
    ("updates", "/media/usb\nexponav"),
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


GOOD_PIN = hash_pin("2468", **FAST)

#: damaged files: (what, bytes, a word the sentence must hold)
DAMAGED = [
    ("invalid JSON", b'{"idle_s": 90,', "not JSON"),
    ("empty", b"", "empty"),
    ("blank", b"  \n", "empty"),
    ("BOM", b"\xef\xbb\xbf" + json.dumps({"idle_s": 90}).encode(), "byte-order mark"),
    ("UTF-16", json.dumps({"idle_s": 90}).encode("utf-16"), "UTF-8"),
    ("a list", b"[1, 2]", "JSON object"),
    ("idle -1", json.dumps({"idle_s": -1}).encode(), "idle"),
    ("idle 1e9", json.dumps({"idle_s": 1e9}).encode(), "idle"),
    ("idle NaN", b'{"idle_s": NaN}', "idle"),
    ("idle Infinity", b'{"idle_s": Infinity}', "idle"),
    ("idle a string", json.dumps({"idle_s": "90"}).encode(), "idle"),
    ("idle true", json.dumps({"idle_s": True}).encode(), "idle"),
    ("countdown 0", json.dumps({"countdown_s": 0}).encode(), "countdown"),
    ("unknown paper", json.dumps({"paper": "a3"}).encode(), "paper"),
    ("unknown language", json.dumps({"language": "fr"}).encode(), "language"),
    ("language a number", json.dumps({"language": 7}).encode(), "language"),
    ("keyboard null", json.dumps({"keyboard": None}).encode(), "keyboard"),
    ("now not a time", json.dumps({"now": "tomorrow"}).encode(), "now"),
    ("updates not a full path", json.dumps({"updates": "usb"}).encode(), "updates"),
    ("updates a number", json.dumps({"updates": 3}).encode(), "updates"),
    ("id with a newline", json.dumps({"kiosk_id": "K-1\nK-2"}).encode(), "id"),
    ("a key twice", b'{"pin": null, "pin": null}', "twice"),
    ("PIN a string", json.dumps({"pin": "2468"}).encode(), "pin"),
    ("PIN a list", json.dumps({"pin": [1, 2]}).encode(), "pin"),
    ("PIN md5", json.dumps({"pin": {**GOOD_PIN, "scheme": "md5"}}).encode(), "pin"),
    ("PIN n 3", json.dumps({"pin": {**GOOD_PIN, "n": 3}}).encode(), "power of 2"),
    ("nested 100,000 deep", b"[" * 100_000 + b"]" * 100_000, "nested"),
    ("nested object", b'{"pin": ' * 100_000 + b"null" + b"}" * 100_000, "nested"),
]


@pytest.mark.parametrize("what,raw,word", DAMAGED, ids=[d[0] for d in DAMAGED])
def test_every_damaged_file_is_one_sentence_naming_the_file(tmp_path, what, raw, word):
    path = tmp_path / "kiosk.json"
    path.write_bytes(raw)
    with pytest.raises(KioskConfigError) as e:
        load_settings(path)
    message = str(e.value)
    assert message.startswith(str(path)) and word in message and message.endswith(".")
    assert "\n" not in message and len(message) < 300
    assert path.read_bytes() == raw  # reading never writes


def test_a_folder_or_a_huge_file_is_refused(tmp_path):
    with pytest.raises(KioskConfigError, match="regular file"):
        load_settings(tmp_path)
    big = tmp_path / "kiosk.json"
    big.write_bytes(b" " * (2 << 20) + b"{}")
    with pytest.raises(KioskConfigError, match="too big"):
        load_settings(big)


def test_unknown_keys_are_a_newer_versions_and_skipped(tmp_path):
    path = tmp_path / "kiosk.json"
    path.write_text(json.dumps({"idle_s": 30, "volume": 11, "pin": GOOD_PIN}))
    s = load_settings(path)
    assert s.idle_s == 30 and s.pin == GOOD_PIN


def test_the_value_being_set_anew_is_not_checked(tmp_path):
    path = tmp_path / "kiosk.json"
    path.write_text(json.dumps({"idle_s": -1, "pin": {"n": 3}, "paper": "a4"}))
    with pytest.raises(KioskConfigError, match="pin"):
        load_settings(path, replacing="idle_s")
    path.write_text(json.dumps({"idle_s": -1, "paper": "a4"}))
    assert load_settings(path, replacing="idle_s").paper == "a4"
    path.write_text(json.dumps({"pin": {"n": 3}, "paper": "a4"}))
    assert load_settings(path, replacing="pin").pin is None


def test_the_pin_record_is_read_whatever_else_is_damaged(tmp_path):
    path = tmp_path / "kiosk.json"
    path.write_text(json.dumps({"idle_s": -1, "pin": GOOD_PIN}))
    assert read_pin_record(path) == GOOD_PIN
    path.write_text(json.dumps({"idle_s": -1, "pin": {**GOOD_PIN, "n": 3}}))
    assert read_pin_record(path) is None
    path.write_bytes(b"[" * 100_000)
    assert read_pin_record(path) is None
    assert read_pin_record(tmp_path / "none.json") is None


#: PIN records of the wrong form: each is refused by name, and a PIN checked against it
#: is simply wrong (never an exception)
BAD_RECORDS = [
    ("no salt", {k: v for k, v in GOOD_PIN.items() if k != "salt"}, "salt"),
    ("an extra field", {**GOOD_PIN, "pepper": "x"}, "pepper"),
    ("n 3", {**GOOD_PIN, "n": 3}, "power of 2"),
    ("n 0", {**GOOD_PIN, "n": 0}, "power of 2"),
    ("n 1", {**GOOD_PIN, "n": 1}, "power of 2"),
    ("n 2^30", {**GOOD_PIN, "n": 2**30}, "power of 2"),
    ("n a float", {**GOOD_PIN, "n": 1024.0}, "power of 2"),
    ("n a string", {**GOOD_PIN, "n": "1024"}, "power of 2"),
    ("n true", {**GOOD_PIN, "n": True}, "power of 2"),
    ("r 0", {**GOOD_PIN, "r": 0}, "block size"),
    ("r 1000", {**GOOD_PIN, "r": 1000}, "block size"),
    ("p -1", {**GOOD_PIN, "p": -1}, "parallelism"),
    ("too much memory", {**GOOD_PIN, "n": 2**20, "r": 32}, "too much"),
    ("salt not hex", {**GOOD_PIN, "salt": "zz" * 16}, "hexadecimal"),
    ("salt with spaces", {**GOOD_PIN, "salt": "ab " * 16}, "hexadecimal"),
    ("salt odd length", {**GOOD_PIN, "salt": "abc"}, "hexadecimal"),
    ("salt 2 bytes", {**GOOD_PIN, "salt": "abcd"}, "bytes"),
    ("salt a number", {**GOOD_PIN, "salt": 1234}, "hexadecimal"),
    ("hash short", {**GOOD_PIN, "hash": GOOD_PIN["hash"][:-2]}, "bytes"),
    ("hash base64", {**GOOD_PIN, "hash": "q" * 43 + "="}, "hexadecimal"),
    ("hash null", {**GOOD_PIN, "hash": None}, "hexadecimal"),
]


@pytest.mark.parametrize("what,record,word", BAD_RECORDS, ids=[b[0] for b in BAD_RECORDS])
def test_every_field_of_the_pin_record_is_checked(tmp_path, what, record, word):
    assert word in pin_record_problem(record)
    assert not check_pin("2468", record)  # no exception, just not the PIN
    guard = PinGuard(record)
    assert guard.record is None and not guard.try_pin("2468")
    path = tmp_path / "kiosk.json"
    path.write_text(json.dumps({"pin": record}))
    with pytest.raises(KioskConfigError, match="set-pin"):
        load_settings(path)


def test_a_good_record_passes_every_check():
    assert pin_record_problem(GOOD_PIN) == ""
    assert pin_record_problem(hash_pin("0000")) == ""
    with pytest.raises(KioskConfigError, match="power of 2"):
        hash_pin("2468", n=1000)


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
    assert pin_delay_s(100) == 300 and pin_delay_s(10**6) == 300


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
