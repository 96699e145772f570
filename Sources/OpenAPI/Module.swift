// Module OpenAPI: see DESIGN.md for what it holds.
