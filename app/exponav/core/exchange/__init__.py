"""Imports, exports, publishing and kiosk fleets: the venue and show in and out."""
