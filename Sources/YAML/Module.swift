// Module YAML: see DESIGN.md for what it holds.
