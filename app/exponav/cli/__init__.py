"""The ``exponav`` command."""

from exponav.cli.commands import main

__all__ = ["main"]
