"""Gluteapp: guided home sessions for weak, underactive glutes."""

__version__ = "0.1.0"
