// Placeholder until the command-line surface lands.
print("hexmap: not built yet")
