"""Errors a user can cause. Each carries one plain sentence for the command line."""

from __future__ import annotations

__all__ = ["DataError", "ExpoNavError", "ItineraryError", "NotFound"]


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
