"""Files in and out: floor plans, show CSV, the SQLite data file, kiosk settings, atomic writes."""
