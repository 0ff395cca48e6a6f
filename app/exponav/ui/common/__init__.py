"""What every part of the window shares: languages, fonts, colours, icons, geometry conversion."""
