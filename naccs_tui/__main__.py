"""`python -m naccs_tui` = the `naccs-tui` command (on every system, also where the console
script is not on PATH, e.g. a Windows venv that is not activated)."""

from .cli import entry

if __name__ == "__main__":  # not when imported (Windows' multiprocessing imports the main module)
    entry()
