"""The Textual user interface (thin: it renders the domain's results)."""
