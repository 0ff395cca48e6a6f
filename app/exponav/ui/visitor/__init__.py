"""The visitor's navigator window: search, routes and visits beside the map."""
