"""The side panels: search with its results, and the exhibitor card."""
