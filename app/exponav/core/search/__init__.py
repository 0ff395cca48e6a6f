"""Text search over exhibitors, booths and amenities, as a visitor types."""
