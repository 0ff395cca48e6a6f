"""Walking routes: walkable area, visibility graph per level, search across levels."""
