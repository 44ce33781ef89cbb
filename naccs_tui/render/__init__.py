"""Turning domain results into text, JSON, Markdown, CSV (shared by the CLI and the TUI export)."""
