"""Kiosk mode: the navigator locked full screen on a show floor."""
