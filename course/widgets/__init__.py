"""Widgets the module notebooks call in one line."""
from .explorers import body_explorer, cycle_explorer

__all__ = ["body_explorer", "cycle_explorer"]
