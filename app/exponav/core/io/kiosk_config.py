"""Kiosk settings: one JSON file per machine, and the staff PIN kept only as a salted hash.

The file is ``kiosk.json`` in :func:`exponav.core.paths.config_dir` (on Linux
``~/.config/exponav/kiosk.json``); ``EXPONAV_KIOSK_CONFIG`` names another file (fleet
images, tests). It is written atomically (a temporary file beside it, flushed, then
renamed) and readable only by its owner. Nothing a visitor does is ever written here::

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
      "pin": {"scheme": "scrypt", "n": 16384, "r": 8, "p": 1, "salt": "…", "hash": "…"}
    }

The PIN is hashed with :func:`hashlib.scrypt` under a random 16-byte salt; the cost
parameters are stored with the hash, so raising them later leaves old hashes readable.

>>> record = hash_pin("2468", n=2**10)
>>> check_pin("2468", record), check_pin("1357", record)
(True, False)
>>> [pin_delay_s(k) for k in range(6)]
[0.0, 0.0, 0.0, 2.0, 4.0, 8.0]
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from exponav.core import paths
from exponav.core.errors import ExpoNavError
from exponav.core.languages import LANGUAGES, language

__all__ = [
    "KEYS",
    "KioskConfigError",
    "KioskSettings",
    "PinGuard",
    "check_pin",
    "hash_pin",
    "load_settings",
    "pin_delay_s",
    "save_settings",
    "set_value",
    "settings_path",
    "valid_pin",
]

ENV_PATH = "EXPONAV_KIOSK_CONFIG"
PAPERS = ("receipt80", "a4", "letter")
KEYBOARDS = ("auto", "qt", "builtin")
PIN_DIGITS = (4, 12)
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # about 16 MB and a few tens of ms per check
FREE_TRIES = 3  # wrong PINs allowed before the wait starts
MAX_DELAY_S = 300.0


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
    pin: dict[str, Any] | None = field(default=None, repr=False)

    def to_dict(self, *, reveal_pin: bool = False) -> dict[str, Any]:
        """The settings as saved; the PIN record is shown as ``"set"``/``None`` unless asked."""
        d = asdict(self)
        if not reveal_pin:
            d["pin"] = "set" if self.pin else None
        return d


#: ``exponav kiosk set KEY VALUE``: the key's spelling -> (field, parser)
def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise KioskConfigError(f"{text!r} is not a number of seconds.") from None
    if not 1 <= value <= 86_400:
        raise KioskConfigError(f"{text!r} seconds is out of range (1 to 86400).")
    return value


def _choice(options: tuple[str, ...]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in options:
            raise KioskConfigError(f"{text!r} is not one of {', '.join(options)}.")
        return text
    return parse


def _language(text: str) -> str:
    tag = language(text)
    if tag is None:
        raise KioskConfigError(f"{text!r} is not one of {', '.join(LANGUAGES)}.")
    return tag


def _show_time(text: str) -> str:
    if text:
        from datetime import datetime

        try:
            datetime.fromisoformat(text)
        except ValueError:
            raise KioskConfigError(f"{text!r} is not a date and time such as "
                                   "2025-03-18T10:00.") from None
    return text


KEYS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "id": ("kiosk_id", str.strip),
    "kiosk_id": ("kiosk_id", str.strip),
    "data": ("data", str.strip),
    "printer": ("printer", str.strip),
    "paper": ("paper", _choice(PAPERS)),
    "idle": ("idle_s", _seconds),
    "idle_s": ("idle_s", _seconds),
    "countdown": ("countdown_s", _seconds),
    "countdown_s": ("countdown_s", _seconds),
    "language": ("language", _language),
    "keyboard": ("keyboard", _choice(KEYBOARDS)),
    "now": ("now", _show_time),
}


def settings_path() -> Path:
    """Where the settings live: ``$EXPONAV_KIOSK_CONFIG`` or ``config_dir()/kiosk.json``."""
    override = os.environ.get(ENV_PATH)
    return Path(override) if override else paths.config_dir() / "kiosk.json"


def load_settings(path: str | Path | None = None) -> KioskSettings:
    """The saved settings; defaults when the file does not exist yet.

    A file that is not JSON, or holds a value of the wrong kind, raises
    :class:`KioskConfigError` naming the file and the key.
    """
    target = Path(path) if path is not None else settings_path()
    try:
        raw = json.loads(target.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return KioskSettings()
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise KioskConfigError(f"{target}: the kiosk settings cannot be read ({e}).") from None
    if not isinstance(raw, dict):
        raise KioskConfigError(f"{target}: the kiosk settings should be a JSON object.")
    settings = KioskSettings()
    known = {f.name for f in fields(KioskSettings)}
    for key, value in raw.items():
        if key not in known:
            continue  # a newer version's key: keep reading
        if key == "pin":
            if value is not None and not _is_pin_record(value):
                raise KioskConfigError(f"{target}: the PIN record is damaged; set it again "
                                       "with `exponav kiosk set-pin`.")
            settings.pin = value
            continue
        spelled, parse = next((k, p) for k, (f, p) in KEYS.items() if f == key)
        try:
            parsed = parse(str(value)) if not isinstance(value, str) else parse(value)
        except KioskConfigError as e:
            raise KioskConfigError(f"{target}: {spelled}: {e}") from None
        setattr(settings, key, parsed)
    return settings


def save_settings(settings: KioskSettings, path: str | Path | None = None) -> Path:
    """Write the settings atomically (owner-only permissions); returns the file."""
    target = Path(path) if path is not None else settings_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(settings.to_dict(reveal_pin=True), ensure_ascii=False, indent=2) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=".kiosk-", suffix=".json", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def set_value(settings: KioskSettings, key: str, text: str) -> KioskSettings:
    """Set one key from its text (as ``exponav kiosk set KEY VALUE`` does).

    >>> set_value(KioskSettings(), "idle", "120").idle_s
    120.0
    """
    entry = KEYS.get(key.strip().lower().replace("-", "_"))
    if entry is None:
        names = sorted({k for k in KEYS if not k.endswith("_s") and k != "kiosk_id"})
        raise KioskConfigError(f"There is no kiosk setting {key!r}; the settings are "
                               f"{', '.join(names)} (and the PIN, with set-pin).")
    name, parse = entry
    setattr(settings, name, parse(text))
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
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=32)
    return {"scheme": "scrypt", "n": n, "r": r, "p": p, "salt": salt.hex(),
            "hash": digest.hex()}


def _is_pin_record(record: Any) -> bool:
    try:
        return (record["scheme"] == "scrypt" and all(int(record[k]) > 0 for k in "nrp")
                and len(bytes.fromhex(record["salt"])) >= 8
                and len(bytes.fromhex(record["hash"])) == 32)
    except (KeyError, TypeError, ValueError):
        return False


def check_pin(pin: str, record: dict[str, Any] | None) -> bool:
    """True when ``pin`` hashes to ``record`` (compared in constant time)."""
    if not record or not _is_pin_record(record) or not pin.isascii():
        return False
    n, r, p = int(record["n"]), int(record["r"]), int(record["p"])
    digest = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(record["salt"]), n=n, r=r, p=p,
                            dklen=32, maxmem=max(64 * 1024 * 1024, 256 * n * r))
    return hmac.compare_digest(digest, bytes.fromhex(record["hash"]))


def pin_delay_s(failures: int) -> float:
    """Seconds to wait before the next try after ``failures`` wrong PINs in a row:
    none for the first few, then doubling from 2 s up to 5 minutes."""
    if failures < FREE_TRIES:
        return 0.0
    return min(MAX_DELAY_S, 2.0 ** (failures - FREE_TRIES + 1))


class PinGuard:
    """Checks PINs and slows down guessing; the count of wrong tries lives in memory.

    ``clock`` is injectable for tests (default :func:`time.monotonic`).
    """

    def __init__(self, record: dict[str, Any] | None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.record = record
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
