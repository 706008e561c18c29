// Placeholder until the editor model lands.
