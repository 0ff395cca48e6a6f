"""Progress of long work as a tqdm bar on standard error, only when standard error is a
terminal: pipes, logs, tests and ``--json`` see nothing more than before.

:func:`stages` is for work in named steps (building a data file, the bench); :func:`count`
for work of N like things (the kiosk soak). While a bar shows, what else is written to
standard error goes above it rather than through it.

>>> with stages("build", 3) as step:  # not a terminal here: nothing is drawn
...     step("reading")
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Any, TextIO

__all__ = ["count", "on_terminal", "stages"]


def on_terminal(stream: TextIO | None = None) -> bool:
    """Whether ``stream`` (standard error by default) is a terminal."""
    stream = sys.stderr if stream is None else stream
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


class _AboveTheBar:
    """Standard error while a bar shows: whole lines are written above the bar."""

    def __init__(self, tqdm: Any, stream: TextIO) -> None:
        self._tqdm, self._stream, self._pending = tqdm, stream, ""

    def write(self, text: str) -> int:
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        for line in lines:
            self._tqdm.write(line, file=self._stream)
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._tqdm.write(self._pending, file=self._stream)
            self._pending = ""
        self._stream.flush()

    def isatty(self) -> bool:
        return True

    def __getattr__(self, name: str) -> Any:  # encoding, fileno ...
        return getattr(self._stream, name)


@contextlib.contextmanager
def _bar(**options: Any) -> Iterator[Any | None]:
    if not on_terminal():
        yield None
        return
    from tqdm import tqdm

    stream = sys.stderr
    with tqdm(file=stream, leave=False, dynamic_ncols=True, **options) as bar:
        sys.stderr = _AboveTheBar(tqdm, stream)  # type: ignore[assignment]
        try:
            yield bar
        finally:
            sys.stderr.flush()
            sys.stderr = stream


@contextlib.contextmanager
def stages(what: str, total: int | None = None) -> Iterator[Callable[[str], None]]:
    """A callable ``step(name)`` to call as each stage of ``what`` begins: the bar counts
    the stages done (of ``total``, if known) and names the one under way."""
    with _bar(desc=what, total=total, unit="stage",
              bar_format="{desc}: {n_fmt}/{total_fmt} |{bar}| {elapsed}{postfix}"
              if total else "{desc}: {n_fmt} done, {elapsed}{postfix}") as bar:
        if bar is None:
            yield lambda name: None
            return
        begun = [False]

        def step(name: str) -> None:
            bar.set_postfix_str(name, refresh=False)
            if begun[0]:
                bar.update(1)
            begun[0] = True
            bar.refresh()

        yield step


@contextlib.contextmanager
def count(what: str, total: int, unit: str) -> Iterator[Callable[..., None]]:
    """A callable ``done(n, **figures)`` to say that ``n`` of ``total`` are done, with
    figures to show beside the bar (e.g. ``rss="212 MB"``)."""
    with _bar(desc=what, total=total, unit=f" {unit}") as bar:
        if bar is None:
            yield lambda n, **figures: None
            return

        def done(n: int, **figures: Any) -> None:
            bar.update(n - bar.n)
            if figures:
                bar.set_postfix(figures, refresh=True)

        yield done
