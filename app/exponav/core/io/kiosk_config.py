"""Kiosk settings: one JSON file per machine, and the staff PIN kept only as a salted hash.

The file is ``kiosk.json`` in :func:`exponav.core.paths.config_dir` (on Linux
``~/.config/exponav/kiosk.json``); ``EXPONAV_KIOSK_CONFIG`` names another file (fleet
images, tests). Only ``exponav kiosk set`` and ``exponav kiosk set-pin`` write it, atomically
(a temporary file beside it, flushed, then renamed) and readable only by its owner; the
kiosk itself only reads it. Nothing a visitor does is ever written here::

    {
      "kiosk_id": "K-H2-1F-1",        the kiosk in the floor plans (its place and heading)
      "data": "",                     data file to open; "" = the embedded show
      "printer": "",                  printer name; "" = the system default; "pdf:FILE" writes PDFs
      "paper": "receipt80",           receipt80 | a4 | letter
      "idle_s": 90,                   seconds untouched before the countdown
      "countdown_s": 10,              seconds of countdown before the reset
      "language": "en",               en | zh-Hant | id: the language after every reset (zh_TW is read as zh-Hant)
      "keyboard": "auto",             auto | qt | builtin: the on-screen keyboard
      "now": "",                      "2025-03-18T10:00": the show clock for a demo
      "updates": "",                  a folder to take new data files from; "" = none
      "pin": {"scheme": "scrypt", "n": 16384, "r": 8, "p": 1, "salt": "…", "hash": "…"}
    }

Reading is strict: a file that is not UTF-8 JSON (or starts with a byte-order mark), a key
given twice, a value of the wrong kind or out of range, or a PIN record of the wrong form
raises :class:`KioskConfigError` naming the file and the key. Keys this version does not
know are skipped (a newer version's).

The PIN is hashed with :func:`hashlib.scrypt` under a random 16-byte salt; the cost
parameters are stored with the hash, so raising them later leaves old hashes readable.
Every field of a stored record is checked (:func:`pin_record_problem`) before it is used,
so checking a PIN never raises.

>>> record = hash_pin("2468", n=2**10)
>>> check_pin("2468", record), check_pin("1357", record)
(True, False)
>>> pin_record_problem({**record, "n": 3})
'the scrypt cost n is 3, not a power of 2 from 1024 to 1048576'
>>> [pin_delay_s(k) for k in range(6)]
[0.0, 0.0, 0.0, 2.0, 4.0, 8.0]
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import os
import re
import secrets
import stat
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from exponav.core import paths
from exponav.core.errors import DataError, ExpoNavError, os_reason
from exponav.core.io.atomic import write_text
from exponav.core.languages import LANGUAGES, language

__all__ = [
    "KEYS",
    "KioskConfigError",
    "KioskSettings",
    "PinGuard",
    "check_pin",
    "field_of",
    "hash_pin",
    "load_settings",
    "pin_delay_s",
    "pin_record_problem",
    "read_pin_record",
    "save_settings",
    "set_value",
    "settings_path",
    "valid_pin",
]

ENV_PATH = "EXPONAV_KIOSK_CONFIG"
PAPERS = ("receipt80", "a4", "letter")
KEYBOARDS = ("auto", "qt", "builtin")
PIN_DIGITS = (4, 12)
SECONDS = (1, 86_400)
MAX_FILE_BYTES = 1 << 20  # a settings file is a few hundred bytes
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # about 16 MB and a few tens of ms per check
#: what a stored record may ask of scrypt: its cost n, block size r, parallelism p, and
#: at most 256 MB of memory and 32 times the default work for one check
SCRYPT_N_RANGE, SCRYPT_R_RANGE, SCRYPT_P_RANGE = (2**10, 2**20), (1, 32), (1, 16)
SCRYPT_MAX_MEMORY, SCRYPT_MAX_WORK = 256 << 20, 32 * SCRYPT_N * SCRYPT_R * SCRYPT_P
SALT_BYTES, HASH_BYTES = (8, 64), 32
FREE_TRIES = 3  # wrong PINs allowed before the wait starts
MAX_DELAY_S = 300.0

_PIN_FIELDS = ("scheme", "n", "r", "p", "salt", "hash")
_HEX = re.compile(r"(?:[0-9a-fA-F]{2})+")


class KioskConfigError(ExpoNavError):
    """A settings file or value that cannot be used."""


@dataclass
class KioskSettings:
    """What one kiosk machine is set to (see the module docstring for each key)."""

    kiosk_id: str = ""
    data: str = ""
    printer: str = ""
    paper: str = "receipt80"
    idle_s: float = 90.0
    countdown_s: float = 10.0
    language: str = "en"
    keyboard: str = "auto"
    now: str = ""
    updates: str = ""
    pin: dict[str, Any] | None = field(default=None, repr=False)

    def to_dict(self, *, reveal_pin: bool = False) -> dict[str, Any]:
        """The settings as saved; the PIN record is shown as ``"set"``/``None`` unless asked."""
        d = asdict(self)
        if not reveal_pin:
            d["pin"] = "set" if self.pin else None
        return d


# -- the values ------------------------------------------------------------------------------

def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise KioskConfigError(f"{text!r} is not a number of seconds.") from None
    return _seconds_in_range(value)


def _seconds_in_range(value: float) -> float:
    lo, hi = SECONDS
    if not (math.isfinite(value) and lo <= value <= hi):
        raise KioskConfigError(f"{value:g} seconds is out of range ({lo} to {hi}).")
    return float(value)


def _text(text: str) -> str:
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise KioskConfigError(f"{text[:40]!r} holds a control character.")
    return text.strip()


def _choice(options: tuple[str, ...]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in options:
            raise KioskConfigError(f"{text[:40]!r} is not one of {', '.join(options)}.")
        return text
    return parse


def _language(text: str) -> str:
    tag = language(text)
    if tag is None:
        raise KioskConfigError(f"{text[:40]!r} is not one of {', '.join(LANGUAGES)}.")
    return tag


def _show_time(text: str) -> str:
    if text:
        from datetime import datetime

        try:
            datetime.fromisoformat(text)
        except ValueError:
            raise KioskConfigError(f"{text[:40]!r} is not a date and time such as "
                                   "2025-03-18T10:00.") from None
    return text


def _folder(text: str) -> str:
    text = _text(text)
    if text and not Path(text).expanduser().is_absolute():
        raise KioskConfigError(f"{text[:40]!r} is not the full path of a folder (such as "
                               "/media/usb/exponav).")
    return str(Path(text).expanduser()) if text else ""


#: ``exponav kiosk set KEY VALUE``: the key's spelling -> (field, parser)
KEYS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "id": ("kiosk_id", _text),
    "kiosk_id": ("kiosk_id", _text),
    "data": ("data", _text),
    "printer": ("printer", _text),
    "paper": ("paper", _choice(PAPERS)),
    "idle": ("idle_s", _seconds),
    "idle_s": ("idle_s", _seconds),
    "countdown": ("countdown_s", _seconds),
    "countdown_s": ("countdown_s", _seconds),
    "language": ("language", _language),
    "keyboard": ("keyboard", _choice(KEYBOARDS)),
    "now": ("now", _show_time),
    "updates": ("updates", _folder),
}
_SPELLED = {"kiosk_id": "id", "idle_s": "idle", "countdown_s": "countdown"}


def field_of(key: str) -> str:
    """The settings field that ``exponav kiosk set KEY`` changes.

    >>> field_of("Idle")
    'idle_s'
    """
    entry = KEYS.get(key.strip().lower().replace("-", "_"))
    if entry is None:
        names = sorted({k for k in KEYS if not k.endswith("_s") and k != "kiosk_id"})
        raise KioskConfigError(f"There is no kiosk setting {key[:40]!r}; the settings are "
                               f"{', '.join(names)} (and the PIN, with set-pin).")
    return entry[0]


def _from_file(name: str, value: Any) -> Any:
    """A field's value as the file holds it, checked for its kind and its range."""
    if name in ("idle_s", "countdown_s"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise KioskConfigError(f"{_shown(value)} is not a number of seconds.")
        return _seconds_in_range(float(value))
    if not isinstance(value, str):
        raise KioskConfigError(f"{_shown(value)} is not text.")
    return KEYS[_SPELLED.get(name, name)][1](value)


def _shown(value: Any) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = type(value).__name__
    return text if len(text) <= 40 else text[:37] + "…"


# -- the file --------------------------------------------------------------------------------

def settings_path() -> Path:
    """Where the settings live: ``$EXPONAV_KIOSK_CONFIG`` or ``config_dir()/kiosk.json``."""
    override = os.environ.get(ENV_PATH)
    return Path(override) if override else paths.config_dir() / "kiosk.json"


def _no_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise KioskConfigError(f"the key {key[:40]!r} is given twice.")
        seen[key] = value
    return seen


def _read_json(target: Path) -> Any:
    """The file's JSON, or None when it does not exist; KioskConfigError for the rest."""
    where = f"{target}:"
    try:
        info = target.stat()
    except FileNotFoundError:
        return None
    except OSError as e:
        raise KioskConfigError(f"{where} the kiosk settings cannot be read "
                               f"({e.strerror or e}).") from None
    if not stat.S_ISREG(info.st_mode):
        raise KioskConfigError(f"{where} the kiosk settings should be a file, and this is not "
                               "a regular file.")
    if info.st_size > MAX_FILE_BYTES:
        raise KioskConfigError(f"{where} {info.st_size:,} bytes is too big for kiosk settings "
                               f"(at most {MAX_FILE_BYTES:,}).")
    try:
        raw = target.read_bytes()
    except OSError as e:
        raise KioskConfigError(f"{where} the kiosk settings cannot be read "
                               f"({e.strerror or e}).") from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raise KioskConfigError(f"{where} the file starts with a byte-order mark; save it as "
                               "UTF-8 without one.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise KioskConfigError(f"{where} the file is not UTF-8 text; save it as UTF-8.") from None
    if not text.strip():
        raise KioskConfigError(f"{where} the file is empty; set the kiosk up again with "
                               "`exponav kiosk set` and `exponav kiosk set-pin`.")
    try:
        return json.loads(text, object_pairs_hook=_no_twice)
    except json.JSONDecodeError as e:
        raise KioskConfigError(f"{where} line {e.lineno} column {e.colno}: this is not JSON "
                               f"({e.msg}).") from None
    except RecursionError:
        raise KioskConfigError(f"{where} the JSON is nested too deeply to be kiosk "
                               "settings.") from None
    except KioskConfigError as e:
        raise KioskConfigError(f"{where} {e}") from None


def load_settings(path: str | Path | None = None, *, replacing: str | None = None
                  ) -> KioskSettings:
    """The saved settings; defaults when the file does not exist yet.

    A file that cannot be read as the module docstring says raises
    :class:`KioskConfigError` naming the file and the key. ``replacing`` names a field
    about to be set anew (``exponav kiosk set``, ``set-pin``): its stored value is not
    checked, so a bad value can be put right with the command that sets it.
    """
    target = Path(path) if path is not None else settings_path()
    raw = _read_json(target)
    if raw is None:
        return KioskSettings()
    if not isinstance(raw, dict):
        raise KioskConfigError(f"{target}: the kiosk settings should be a JSON object "
                               "{…}.")
    settings = KioskSettings()
    known = {f.name for f in fields(KioskSettings)}
    for key, value in raw.items():
        if key not in known or key == replacing:
            continue  # a newer version's key, or one about to be replaced
        if key == "pin":
            problem = pin_record_problem(value) if value is not None else ""
            if problem:
                raise KioskConfigError(f"{target}: pin: {problem}; set the PIN again with "
                                       "`exponav kiosk set-pin`.")
            settings.pin = value
            continue
        try:
            setattr(settings, key, _from_file(key, value))
        except KioskConfigError as e:
            raise KioskConfigError(f"{target}: {_SPELLED.get(key, key)}: {e}") from None
    return settings


def read_pin_record(path: str | Path | None = None) -> dict[str, Any] | None:
    """The file's PIN record when it is valid, whatever else is wrong with the file
    (so staff can still leave a kiosk whose other settings are damaged); else None."""
    target = Path(path) if path is not None else settings_path()
    try:
        raw = _read_json(target)
    except KioskConfigError:
        return None
    record = raw.get("pin") if isinstance(raw, dict) else None
    return record if record is not None and not pin_record_problem(record) else None


def save_settings(settings: KioskSettings, path: str | Path | None = None) -> Path:
    """Write the settings atomically (owner-only permissions); returns the file. A folder
    that cannot be written raises :class:`~exponav.core.errors.DataError` with the reason."""
    target = Path(path) if path is not None else settings_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DataError(f"{target.parent}: cannot make the settings folder "
                        f"({os_reason(e)}).") from None
    text = json.dumps(settings.to_dict(reveal_pin=True), ensure_ascii=False, indent=2) + "\n"
    write_text(target, text, "kiosk settings", mode=0o600)
    return target


def set_value(settings: KioskSettings, key: str, text: str) -> KioskSettings:
    """Set one key from its text (as ``exponav kiosk set KEY VALUE`` does).

    >>> set_value(KioskSettings(), "idle", "120").idle_s
    120.0
    """
    name = field_of(key)
    setattr(settings, name, KEYS[_SPELLED.get(name, name)][1](text))
    return settings


# -- the PIN -----------------------------------------------------------------------------

def valid_pin(pin: str) -> bool:
    """4 to 12 digits."""
    lo, hi = PIN_DIGITS
    return pin.isascii() and pin.isdigit() and lo <= len(pin) <= hi


def hash_pin(pin: str, *, salt: bytes | None = None, n: int = SCRYPT_N, r: int = SCRYPT_R,
             p: int = SCRYPT_P) -> dict[str, Any]:
    """A record to store for ``pin``: scrypt's parameters, a random salt and the hash."""
    if not valid_pin(pin):
        raise KioskConfigError(f"A staff PIN is {PIN_DIGITS[0]} to {PIN_DIGITS[1]} digits.")
    salt = salt if salt is not None else secrets.token_bytes(16)
    record = {"scheme": "scrypt", "n": n, "r": r, "p": p, "salt": salt.hex(), "hash": "00" * 32}
    problem = pin_record_problem(record)
    if problem:
        raise KioskConfigError(f"This PIN record cannot be made: {problem}.")
    record["hash"] = _scrypt(pin, record).hex()
    return record


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def pin_record_problem(record: Any) -> str:
    """What is wrong with a stored PIN record, in a few words; "" when it can be used."""
    if not isinstance(record, dict):
        return f"the PIN record should be a JSON object, not {_shown(record)}"
    missing = [k for k in _PIN_FIELDS if k not in record]
    extra = [k for k in record if k not in _PIN_FIELDS]
    if missing or extra:
        what = f"lacks {', '.join(missing)}" if missing else f"has an unknown field {extra[0]!r}"
        return f"the PIN record {what}"
    if record["scheme"] != "scrypt":
        return f"the PIN scheme is {_shown(record['scheme'])}, not \"scrypt\""
    n, r, p = record["n"], record["r"], record["p"]
    lo, hi = SCRYPT_N_RANGE
    if not _whole(n) or not lo <= n <= hi or n & (n - 1):
        return f"the scrypt cost n is {_shown(n)}, not a power of 2 from {lo} to {hi}"
    for name, value, (lo, hi) in (("block size r", r, SCRYPT_R_RANGE),
                                  ("parallelism p", p, SCRYPT_P_RANGE)):
        if not _whole(value) or not lo <= value <= hi:
            return f"the scrypt {name} is {_shown(value)}, not a whole number from {lo} to {hi}"
    if 128 * n * r > SCRYPT_MAX_MEMORY or n * r * p > SCRYPT_MAX_WORK:
        return f"the scrypt parameters n={n}, r={r}, p={p} ask too much of the machine"
    for name, value, (lo, hi) in (("salt", record["salt"], SALT_BYTES),
                                  ("hash", record["hash"], (HASH_BYTES, HASH_BYTES))):
        if not isinstance(value, str) or not _HEX.fullmatch(value):
            return f"the PIN {name} is not hexadecimal text"
        size = len(value) // 2
        if not lo <= size <= hi:
            wanted = f"{lo}" if lo == hi else f"{lo} to {hi}"
            return f"the PIN {name} is {size} bytes, not {wanted}"
    return ""


def _scrypt(pin: str, record: dict[str, Any]) -> bytes:
    n, r, p = record["n"], record["r"], record["p"]
    return hashlib.scrypt(pin.encode(), salt=bytes.fromhex(record["salt"]), n=n, r=r, p=p,
                          dklen=HASH_BYTES, maxmem=max(64 << 20, 256 * n * r))


def check_pin(pin: str, record: dict[str, Any] | None) -> bool:
    """True when ``pin`` hashes to ``record`` (compared in constant time); False for a
    record that is missing or of the wrong form."""
    if not record or pin_record_problem(record) or not isinstance(pin, str) \
            or not pin.isascii():
        return False
    try:
        digest = _scrypt(pin, record)
    except (ValueError, MemoryError):  # the machine cannot give what the record asks
        return False
    return hmac.compare_digest(digest, bytes.fromhex(record["hash"]))


def pin_delay_s(failures: int) -> float:
    """Seconds to wait before the next try after ``failures`` wrong PINs in a row:
    none for the first few, then doubling from 2 s up to 5 minutes."""
    if failures < FREE_TRIES:
        return 0.0
    return min(MAX_DELAY_S, 2.0 ** min(failures - FREE_TRIES + 1, 16))


class PinGuard:
    """Checks PINs and slows down guessing; the count of wrong tries lives in memory.

    ``clock`` is injectable for tests (default :func:`time.monotonic`).
    """

    def __init__(self, record: dict[str, Any] | None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.record = record if record is not None and not pin_record_problem(record) else None
        self.failures = 0
        self._clock = clock
        self._locked_until = 0.0

    def wait_s(self) -> float:
        """Seconds before another PIN may be tried (0 when it may be tried now)."""
        return max(0.0, self._locked_until - self._clock())

    def try_pin(self, pin: str) -> bool:
        """Check ``pin``; a try during the wait is refused without being checked."""
        if self.wait_s() > 0:
            return False
        if check_pin(pin, self.record):
            self.failures = 0
            self._locked_until = 0.0
            return True
        self.failures += 1
        self._locked_until = self._clock() + pin_delay_s(self.failures)
        return False
