"""naccs-tui: a terminal advisor for companies about to introduce NACCS."""

__version__ = "0.1.0"
