"""Practice on the course's case file, and the computed times the pages and session plans show.

(A minimal version, for the facilitator kit's session plans: the practice issue's branch holds the full one.)"""
from __future__ import annotations

from .times import module_minutes, quiz_minutes, task_minutes

__all__ = ["module_minutes", "quiz_minutes", "task_minutes"]
