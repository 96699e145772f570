// Module SQLite: see DESIGN.md for what it holds.
