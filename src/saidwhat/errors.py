"""Errors saidwhat reports to users as one clear line."""


class SaidwhatError(Exception):
    """Base class: the message is meant for the user, without a traceback."""


class InputError(SaidwhatError):
    """Bad input: names the file (or record) and what is wrong with it."""


class StoreError(InputError):
    """The database (``--db``, the user's file) cannot be used or written: read-only, disk full, damaged."""
