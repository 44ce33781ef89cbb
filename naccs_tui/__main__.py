"""`python -m naccs_tui` = the `naccs-tui` command."""

from .cli import entry

entry()
