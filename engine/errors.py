"""One root exception: every failure a user can meet is an AcxError with a one-line message."""

from __future__ import annotations


class AcxError(Exception):
    """Root of every error acx reports. `str(err)` is one line: what, where, what to do."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.message = " ".join(message.split())
        self.hint = hint
        super().__init__(self.message if not hint else f"{self.message} ({hint})")


class SpecError(AcxError):
    """The spec (or a command's use of it) is wrong. Carries every problem found."""

    exit_code = 2

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(problems[0] if len(problems) == 1 else f"{len(problems)} problems in spec")


class ConfigError(AcxError):
    """Configuration, environment or command-line input is wrong."""

    exit_code = 2


class ConfigFileError(ConfigError):
    """The config file (acx.toml) is wrong. Carries every problem found, each one line:
    `file:line: key.path: message`."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(
            problems[0] if len(problems) == 1 else f"{len(problems)} problems in config"
        )


class ApiError(AcxError):
    """The API answered with something acx cannot use, after retries where they apply.
    `status`: the HTTP status that refused the request; `unreachable`: no attempt got an answer."""

    def __init__(
        self,
        message: str,
        hint: str | None = None,
        status: int | None = None,
        unreachable: bool = False,
    ) -> None:
        super().__init__(message, hint)
        self.status = status
        self.unreachable = unreachable


class LoadError(AcxError):
    """The destination refused or failed a write."""


class StateError(AcxError):
    """Replication state is missing, inconsistent or locked."""


class Interrupted(AcxError):
    """The user (Ctrl-C) or a scheduler (SIGTERM) stopped the run: nothing unfinished was
    committed."""

    exit_code = 130
