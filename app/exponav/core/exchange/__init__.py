"""Imports, exports, publishing and kiosk fleets: the venue and show in and out.

``sheets.py`` reads a spreadsheet (CSV in any of the usual encodings, or XLSX) into rows
by header; ``exhibitors.py`` turns those rows into the show's exhibitors through the
:class:`~exponav.core.layout.Layout`, all or nothing; ``geo.py`` places the venue's local
metres on the earth (its georeference, pyproj); ``gis.py`` writes GeoJSON and GeoPackage
layers in WGS84; ``dxf.py`` reads a CAD drawing's layers into a level's booths;
``imdf.py`` writes an IMDF archive (OGC 20-094) and checks it, ``imdf_import.py`` reads
one into a new venue and show. ``publish.py`` writes an immutable, versioned data file
with its manifest (a kiosk's side of it, above the Navigator, is ``core/fleet.py``).
"""
