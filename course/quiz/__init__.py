"""Quizzes: specs, generated nbgrader notebooks, and the learner's check."""
from .learner import check, grade, setup

__all__ = ["check", "grade", "setup"]
