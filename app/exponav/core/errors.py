"""Errors a user can cause. Each carries one plain sentence for the command line."""

from __future__ import annotations

import errno

__all__ = ["DataError", "ExpoNavError", "ItineraryError", "NotFound", "os_reason"]


class ExpoNavError(Exception):
    """A user's mistake or bad input: the message is one sentence, shown as it is."""


class DataError(ExpoNavError):
    """A data file or source file is missing, unreadable or malformed."""


class NotFound(ExpoNavError):
    """A booth, place or level that the data does not hold."""

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []


class ItineraryError(ExpoNavError):
    """A visit that cannot be planned as asked (a bad time, a stop nobody can reach)."""


_REASONS = {getattr(errno, name): text for name, text in [
    ("ENOSPC", "the disk is full"),
    ("EDQUOT", "the disk quota is used up"),
    ("EFBIG", "the file would be larger than this system allows"),
    ("EROFS", "the file system is read-only"),
    ("EACCES", "permission denied"),
    ("EPERM", "the operation is not permitted"),
    ("ENOENT", "the folder does not exist or does not accept new files"),
    ("ENOTDIR", "a part of the path is a file, not a folder"),
    ("EISDIR", "it is a folder"),
    ("ELOOP", "the path is a loop of symbolic links"),
    ("ENAMETOOLONG", "the name is too long"),
    ("EIO", "the disk reported an input/output error"),
    ("EBUSY", "it is in use"),
    ("ETXTBSY", "it is in use"),
    ("EEXIST", "something of that name is in the way"),
] if hasattr(errno, name)}


def os_reason(error: OSError) -> str:
    """What an :class:`OSError` means, in words for a user (no errno, no repr).

    >>> os_reason(OSError(28, "No space left on device"))
    'the disk is full'
    >>> os_reason(PermissionError(13, "Permission denied", "/x"))
    'permission denied'
    """
    reason = _REASONS.get(error.errno or 0)
    if reason is not None:
        return reason
    text = error.strerror or str(error) or type(error).__name__
    return text[:1].lower() + text[1:].rstrip(".")
