"""Quizzes: specs, generated nbgrader notebooks and book pages, the learner's check and the trusted grader."""
from .learner import check, setup

__all__ = ["check", "setup"]
