// Module Cryptography: see DESIGN.md for what it holds.
