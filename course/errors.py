"""The one error the command line reports without a traceback. Every layer raises it (or a subclass of it)
for a problem the person at the keyboard can fix; its message says how."""


class UserError(Exception):
    """A problem the person at the keyboard can fix; its message says how."""
