"""The map: one level as a scene of items, the view that zooms and pans it, and what floats over it."""
