"""Visits of several stops: the clock, the order, the plan, and its QR text."""
