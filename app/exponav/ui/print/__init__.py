"""Printed itineraries: A4, Letter and the 80 mm receipt, to PDF or a printer."""
