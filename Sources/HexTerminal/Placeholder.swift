// Placeholder until the terminal backend lands.
