"""Printed itineraries: A4, Letter and the 80 mm receipt, to PDF or a printer.

One drawing serves every output (:mod:`.paint`): :func:`.pdf.write_pdf` paints on a
``QPdfWriter``, :func:`.printer.print_itinerary` on a ``QPrinter``, and
:func:`.printer.print_preview_dialog` hands the same painting to ``QPrintPreviewDialog``.

- :mod:`.paper`: the papers and their page sizes;
- :mod:`.canvas`: drawing in millimetres (inks, fonts, text, badges, the QR code);
- :mod:`.qr_image`: the QR code's module matrix;
- :mod:`.map_inset`: a level's plan drawn small, turned heading-up for a kiosk;
- :mod:`.stops`: a stop's times, notes, colour and badges;
- :mod:`.printout`, :mod:`.sheet_layout`, :mod:`.receipt_layout`: what a printout is of,
  and the two layouts (the A4/Letter sheet, the receipt).
"""
