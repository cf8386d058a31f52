"""The drafting language: parse, build the typed model, check, format."""
