"""Practice on the course's fictional case file: the case file page, the Your turn tasks and the computed
times that the pages show. Notebooks call these with one line each."""
from __future__ import annotations

from .times import module_minutes, quiz_minutes, task_minutes

__all__ = ["module_minutes", "quiz_minutes", "task_minutes"]
