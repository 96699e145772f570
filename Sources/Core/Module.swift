// Module Core: see DESIGN.md for what it holds.
