// Module Web: see DESIGN.md for what it holds.
