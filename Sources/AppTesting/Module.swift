// Module AppTesting: see DESIGN.md for what it holds.
