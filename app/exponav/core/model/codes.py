"""Booth codes: one canonical spelling for what people type.

A TaiNEX booth code is an area letter, 3-4 digits and an optional ``a``/``b`` for a
split booth. The canonical form pads the digits to four: ``Q210`` -> ``Q0210``.

>>> canonical_code("s-1024")
'S1024'
>>> canonical_code(" m 409A ")
'M0409a'
>>> canonical_code("chunghwa") is None
True
"""

from __future__ import annotations

import re

__all__ = ["canonical_code"]

_CODE = re.compile(r"^\s*([A-Za-z])[\s\-_.]*(\d{1,4})\s*([abAB])?\s*$")


def canonical_code(text: str) -> str | None:
    """Return the canonical booth code for ``text``, or None when it is not one."""
    m = _CODE.match(text)
    if not m:
        return None
    letter, digits, suffix = m.groups()
    return f"{letter.upper()}{int(digits):04d}{(suffix or '').lower()}"
