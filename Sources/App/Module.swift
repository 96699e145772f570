// Module App: see DESIGN.md for what it holds.
