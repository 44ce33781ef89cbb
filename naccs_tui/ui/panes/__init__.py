"""One pane per file: line, method, volumes, plans, schedule, contacts, summary."""
