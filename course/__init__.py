"""The NPM engagement course: knowledge base, widgets, quizzes and facilitator tools."""
from .data import KnowledgeBase, Profile, load
from .validate import DataError, Problem, validate

__all__ = ["KnowledgeBase", "Profile", "load", "DataError", "Problem", "validate"]
