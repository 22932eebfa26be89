"""Domain errors of the services; the REST layer maps each to one HTTP status (404, 422)."""

from __future__ import annotations

__all__ = ["BadParameter", "NotFound", "ServiceError"]


class ServiceError(Exception):
    """Base of the services' own errors."""


class NotFound(ServiceError):
    """No resource of `kind` has id `ident` (HTTP 404)."""

    def __init__(self, kind: str, ident: str) -> None:
        super().__init__(f"no {kind} with id {ident!r}")
        self.kind = kind
        self.ident = ident


class BadParameter(ServiceError):
    """A parameter's value is well-formed but unusable, e.g. an unknown code (HTTP 422)."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message
