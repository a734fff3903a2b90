"""Typed errors. The library raises these; only the CLI prints them and picks exit codes."""

from __future__ import annotations


class XcheckError(Exception):
    """Base class of every error xcheck raises on purpose."""


class InputError(XcheckError):
    """An input file is missing, unreadable, undecodable, empty or otherwise invalid."""


class EmptyInputError(InputError):
    """A file with nothing in it (a machine translation may be empty: that is a warning)."""


class ConfigError(XcheckError):
    """A settings file or option value is invalid."""


class LimitError(InputError):
    """An input exceeds a configured size limit."""
