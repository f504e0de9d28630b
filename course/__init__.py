"""The NPM engagement course: knowledge base, widgets, quizzes and facilitator tools."""
from .kb import KnowledgeBase, Profile, load
from .kb.validate import DataError, Problem, validate

__all__ = ["KnowledgeBase", "Profile", "load", "DataError", "Problem", "validate"]
