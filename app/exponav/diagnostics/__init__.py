"""Checks of a running installation: bench, selftest and soak. Nothing below imports it."""
