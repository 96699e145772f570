// Module Templates: see DESIGN.md for what it holds.
